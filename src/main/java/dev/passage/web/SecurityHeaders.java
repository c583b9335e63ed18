package dev.passage.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Map;

/**
 * The headers every answer carries. The pages' policy allows only Passage's own scripts, styles and
 * API: even if text from an article ever reached the page as markup, no script of it would run.
 */
final class SecurityHeaders {

  /**
   * What the search, article and demo pages may load; embed.js, the modules it imports from embed/
   * and passage.css satisfy it.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'self'";

  /** The headers of pages, scripts and styles. */
  static final Map<String, String> PAGES =
      Map.of(
          Header.CACHE_CONTROL,
          "no-cache",
          "Content-Security-Policy",
          PAGE_POLICY,
          Header.X_CONTENT_TYPE_OPTIONS,
          "nosniff",
          "Referrer-Policy",
          "no-referrer");

  private SecurityHeaders() {}

  /** Browsers must not guess another type for an answer (a JSON error read as HTML, say). */
  static void noSniffing(Context ctx) {
    ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
  }

  /**
   * API answers are asked for again each time: once an article is taken down, no cache may keep
   * serving it.
   */
  static void revalidate(Context ctx) {
    ctx.header(Header.CACHE_CONTROL, "no-cache");
  }

  static void page(Context ctx) {
    PAGES.forEach(ctx::header);
  }
}
