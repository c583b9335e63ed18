package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages and scripts a browser loads, and which other sites may call the API, without a browser.
 * What the pages do is {@link SearchPageBrowserTest}'s subject.
 */
class PagesTest {

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void serveWithTwoAllowedOrigins() throws Exception {
    server =
        TestServer.build(
            Fixtures.SEED_ARTICLES,
            dir.resolve("index"),
            new PassageServer.Options(
                List.of("https://news.example.org/", " http://localhost:8080")));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return server.get(path, headers);
  }

  private static Optional<String> contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type");
  }

  @Test
  void theSearchPageIsServedAtTheRoot() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(contentType(page)).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<passage-search sync-url").contains("src=\"embed.js\"");
  }

  @Test
  void theEmbedScriptItsStylesAndTheDemoAreServed() throws Exception {
    assertThat(contentType(get("/embed.js")))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(get("/embed.js").body())
        .contains("import(")
        .contains("'embed/passage-search.js'")
        .contains("'embed/passage-article.js'");
    HttpResponse<String> element = get("/embed/passage-search.js");
    assertThat(element.statusCode()).isEqualTo(200);
    assertThat(contentType(element)).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(element.body()).contains("customElements.define('passage-search'");
    assertThat(get("/embed/passage-article.js").body())
        .contains("customElements.define('passage-article'");
    assertThat(contentType(get("/passage.css")))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(get("/embed-demo.html").body())
        .contains("&lt;script src=\"http://HOST:7070/embed.js\" defer&gt;&lt;/script&gt;");
  }

  @Test
  void aFileTheBrowserHasIsRevalidatedByItsETagAndNotSentAgain() throws Exception {
    HttpResponse<String> first = get("/page.css");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/page.css", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/page.css", "If-None-Match", "\"other\"").body()).isEqualTo(first.body());
  }

  @Test
  void theEmbedModulesMayBeImportedByAnySiteThoughTheApiAllowsOnlyItsOwnOrigins() throws Exception {
    HttpResponse<String> module =
        get("/embed/passage-search.js", "Origin", "https://evil.example.com");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(
            get("/api/search?q=CICA", "Origin", "https://evil.example.com")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
  }

  @Test
  void theEmbedModulesCarryThePagesHeadersAndAreRevalidatedByTheirETag() throws Exception {
    HttpResponse<String> first = get("/embed/dom.js");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(first.headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityHeaders.PAGE_POLICY);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/embed/dom.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void onlyTheWebFolderIsServedNotTheRestOfTheClasspath() throws Exception {
    for (String path :
        List.of("/passage/entities.tsv", "/web/page.css", "/dev/passage/web/PassageServer.class")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void anArticleAddressGetsTheArticlePageWhichHoldsNoArticleText() throws Exception {
    HttpResponse<String> page = get("/articles/001_4c331c42e6f04ea6?p=8&q=CICA");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(contentType(page)).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<passage-article>").doesNotContain("chairmanship");
  }

  @Test
  void anArticleThatDoesNotExistIsA404WithThePageThatSaysSo() throws Exception {
    String page = get("/articles/001_4c331c42e6f04ea6").body();
    for (String path : List.of("/articles/nope", "/articles/%3Cscript%3E", "/articles/nope?p=3")) {
      HttpResponse<String> missing = get(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(contentType(missing))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(missing.body()).as(path).isEqualTo(page);
    }
  }

  @Test
  void anAddressThatIsNoPageIsA404PageLinkingBackToTheSearch() throws Exception {
    HttpResponse<String> top = get("/nope", "Accept", "text/html");
    assertThat(top.statusCode()).isEqualTo(404);
    assertThat(contentType(top)).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(top.body())
        .contains("<h1>There is no such page</h1>")
        .contains("<link rel=\"stylesheet\" href=\"./page.css\">")
        .contains("<a href=\"./\">Search the archive</a>");
    assertThat(top.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> deep = get("/a/b/c.html");
    assertThat(deep.statusCode()).isEqualTo(404);
    assertThat(deep.body())
        .contains("<link rel=\"stylesheet\" href=\"../../page.css\">")
        .contains("<a href=\"../../\">Search the archive</a>");
    assertThat(get("/articles/").statusCode()).isEqualTo(404);
  }

  @Test
  void theApiAnswersOnlyTheOriginsItWasGiven() throws Exception {
    HttpResponse<String> allowed = get("/api/search?q=CICA", "Origin", "https://news.example.org");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://news.example.org");
    assertThat(
            get("/api/search?q=CICA", "Origin", "http://localhost:8080")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    HttpResponse<String> other = get("/api/search?q=CICA", "Origin", "https://evil.example.com");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anOriginWithAPathOrWithoutAHostIsRefusedWithAReason() {
    assertThatThrownBy(() -> new PassageServer.Options(List.of("https://example.org/news")))
        .hasMessage(
            "'https://example.org/news' is not an origin: give the scheme, host and port only,"
                + " such as https://example.org or http://localhost:8080");
    assertThatThrownBy(() -> new PassageServer.Options(List.of("example.org")))
        .hasMessageStartingWith("'example.org' is not an origin");
    assertThat(new PassageServer.Options(List.of("HTTPS://Example.org/")).corsOrigins())
        .containsExactly("https://example.org");
  }

  @Test
  void pagesAllowOnlyPassagesOwnScriptsAndNoAnswerMayBeSniffed() throws Exception {
    for (String path : List.of("/", "/embed-demo.html", "/articles/001_4c331c42e6f04ea6")) {
      HttpResponse<String> page = get(path);
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("script-src 'self'").contains("object-src 'none'"));
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
    assertThat(get("/api/search?q=CICA").headers().firstValue("X-Content-Type-Options"))
        .hasValue("nosniff");
    assertThat(get("/api/nothing").headers().firstValue("X-Content-Type-Options"))
        .hasValue("nosniff");
  }
}
