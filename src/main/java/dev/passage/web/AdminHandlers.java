package dev.passage.web;

import dev.passage.index.Reindexer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The admin API: {@code POST /api/admin/reindex} starts rebuilding the index from the articles
 * folder (202, or 409 while a build runs), {@code GET /api/admin/reindex} says how it went.
 */
final class AdminHandlers {

  private final Reindexer reindexer;
  private final AdminAccess access;

  AdminHandlers(Reindexer reindexer, AdminAccess access) {
    this.reindexer = reindexer;
    this.access = access;
  }

  void reindex(Context ctx) {
    access.check(ctx);
    Reindexer.Started started = reindexer.start();
    if (!started.started()) {
      ctx.status(HttpStatus.CONFLICT)
          .json(
              new ErrorResponse(
                  "a reindex is already running since "
                      + started.status().startedAt()
                      + "; GET /api/admin/reindex says when it is done"));
      return;
    }
    ctx.status(HttpStatus.ACCEPTED).json(started.status());
  }

  void status(Context ctx) {
    access.check(ctx);
    ctx.json(reindexer.status());
  }
}
