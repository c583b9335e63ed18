package dev.passage.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Pages that are not plain files: the article page answers every {@code /articles/{id}} address.
 * The page is a shell; its script reads the id from the address and asks the API for the article,
 * so the article's text never passes through server-side HTML.
 */
final class PageHandlers {

  private final byte[] articlePage;

  PageHandlers(String resources) {
    this.articlePage = resource(resources + "/article.html");
  }

  /** {@code GET /articles/{id}}: the article page. */
  void article(Context ctx) {
    SecurityHeaders.page(ctx);
    ctx.contentType(ContentType.HTML).result(articlePage);
  }

  private static byte[] resource(String name) {
    try (InputStream in = PageHandlers.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + name + "; rebuild it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name + " from the jar", e);
    }
  }
}
