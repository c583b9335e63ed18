package dev.passage.web;

import dev.passage.engine.SearchEngine;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Pages that are not plain files: the article page answers every {@code /articles/{id}} address,
 * and the not-found page every other address that is neither a file nor the API. The article page
 * is a shell; its script reads the id from the address and asks the API for the article, so the
 * article's text never passes through server-side HTML.
 */
final class PageHandlers {

  private final SearchEngine service;
  private final byte[] articlePage;
  private final String notFoundPage;

  PageHandlers(SearchEngine service, String resources) {
    this.service = service;
    this.articlePage = resource(resources + "/article.html");
    this.notFoundPage = new String(resource(resources + "/not-found.html"), StandardCharsets.UTF_8);
  }

  /**
   * {@code GET /articles/{id}}: the article page; a 404 when there is no such article, still with
   * the page, which says so in the reader's terms and links back to the search.
   */
  void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    boolean known = id.length() <= ApiHandlers.MAX_ID_CHARS && service.hasArticle(id);
    SecurityHeaders.page(ctx);
    ctx.status(known ? HttpStatus.OK : HttpStatus.NOT_FOUND)
        .contentType(ContentType.HTML)
        .result(articlePage);
  }

  /** A 404 for a page address: an HTML page a reader can follow back to the search. */
  void notFound(Context ctx) {
    SecurityHeaders.page(ctx);
    ctx.status(HttpStatus.NOT_FOUND)
        .contentType(ContentType.HTML)
        .result(notFoundPage.replace("{{root}}", rootFrom(ctx.path())));
  }

  /**
   * The relative way from {@code path} back to the site's root ("./", "../", "../../"), so the page
   * finds its stylesheet and links wherever Passage is mounted.
   */
  static String rootFrom(String path) {
    int depth = 0;
    for (int i = 1; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return depth == 0 ? "./" : "../".repeat(depth);
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
