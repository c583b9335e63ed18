package dev.passage.web;

import dev.passage.index.ArticleBatch;
import dev.passage.index.LiveIndex;
import dev.passage.index.Reindexer;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleDraft;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The admin API, for operators and publishing systems:
 *
 * <ul>
 *   <li>{@code POST /api/admin/reindex} applies what changed in the articles folder ({@code
 *       ?full=true}: builds the index whole), 202, or 409 while one runs; {@code GET} says how it
 *       went.
 *   <li>{@code PUT /api/admin/articles/{id}} writes one article into the folder and indexes it;
 *       {@code DELETE} takes it out of both; {@code POST /api/admin/articles} takes many, one JSON
 *       object a line. Each answers once searches see the change.
 * </ul>
 */
final class AdminHandlers {

  /** The largest article a PUT takes, and the largest batch a POST takes. */
  static final int MAX_ARTICLE_BYTES = 4 * 1024 * 1024;

  static final int MAX_BATCH_BYTES = 32 * 1024 * 1024;

  /** How long a change may wait for the index writer before the answer says it is still queued. */
  static final long ANSWER_WAIT_SECONDS = 60;

  private final Reindexer reindexer;
  private final LiveIndex live;
  private final AdminAccess access;

  AdminHandlers(Reindexer reindexer, LiveIndex live, AdminAccess access) {
    this.reindexer = reindexer;
    this.live = live;
    this.access = access;
  }

  void reindex(Context ctx) {
    access.check(ctx);
    boolean full = flag(ctx.queryParam("full"));
    Reindexer.Started started = reindexer.start(full);
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

  void putArticle(Context ctx) throws IOException {
    access.check(ctx);
    String id = ctx.pathParam("id");
    String idProblem = ArticleDraft.idProblem(id);
    if (idProblem != null) {
      ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorResponse(idProblem));
      return;
    }
    ArticleDraft.Format format = format(ctx.contentType());
    if (format == null) {
      ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .json(
              new ErrorResponse(
                  "send the article as application/json (the shape of a JSONL line) or as"
                      + " text/plain or text/markdown with front matter"));
      return;
    }
    String body = body(ctx, MAX_ARTICLE_BYTES);
    if (body == null) {
      return;
    }
    Article article;
    try {
      article = ArticleDraft.parse(id, format, body);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorResponse(e.getMessage()));
      return;
    }
    LiveIndex.ArticleChange change = await(live.put(article, format));
    if (change.result().equals("refused")) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    } else if (change.result().equals("added")) {
      ctx.status(HttpStatus.CREATED);
    }
    ctx.json(change);
  }

  void deleteArticle(Context ctx) {
    access.check(ctx);
    String id = ctx.pathParam("id");
    String idProblem = ArticleDraft.idProblem(id);
    if (idProblem != null) {
      ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorResponse(idProblem));
      return;
    }
    LiveIndex.ArticleChange change = await(live.delete(id));
    if (change.result().equals("not found")) {
      ctx.status(HttpStatus.NOT_FOUND).json(new ErrorResponse("no article with id '" + id + "'"));
      return;
    }
    if (change.result().equals("refused")) {
      // Its file cannot change, so the article stays searchable: the caller must be told.
      ctx.status(HttpStatus.CONFLICT);
    }
    ctx.json(change);
  }

  /** {@code POST /api/admin/articles}: a JSONL body; every line is answered, good or bad. */
  void putArticles(Context ctx) throws IOException {
    access.check(ctx);
    String body = body(ctx, MAX_BATCH_BYTES);
    if (body == null) {
      return;
    }
    ctx.json(ArticleBatch.put(live, body, AdminHandlers::await));
  }

  /**
   * The body as text, read up to {@code limit} bytes; null when it is larger, after answering 413.
   */
  private static String body(Context ctx, int limit) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    byte[] bytes;
    if (declared <= limit) {
      try (InputStream in = ctx.req().getInputStream()) {
        bytes = in.readNBytes(limit + 1);
      }
    } else {
      bytes = null;
    }
    if (bytes == null || bytes.length > limit) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE)
          .json(new ErrorResponse(String.format("the body is over the limit of %,d bytes", limit)));
      return null;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static ArticleDraft.Format format(String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json" -> ArticleDraft.Format.JSON;
      case "text/plain", "text/markdown" -> ArticleDraft.Format.FRONT_MATTER;
      default -> null;
    };
  }

  private static boolean flag(String value) {
    return value != null && (value.equals("true") || value.equals("1") || value.isEmpty());
  }

  /** The change's answer once searches see it; a failure to write is the server's, a 500. */
  private static LiveIndex.ArticleChange await(CompletableFuture<LiveIndex.ArticleChange> change) {
    try {
      return change.get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the index", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the change could not be applied", e);
    }
  }
}
