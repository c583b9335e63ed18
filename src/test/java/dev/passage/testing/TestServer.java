package dev.passage.testing;

import dev.passage.index.Reindexer;
import dev.passage.index.Schema;
import dev.passage.search.SearchService;
import dev.passage.search.SearcherPool;
import dev.passage.web.PassageServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A Passage server on a free port of localhost, as {@code passage serve} runs it, for tests. */
public final class TestServer implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final SearcherPool pool;
  private final Javalin app;

  private TestServer(SearcherPool pool, Javalin app) {
    this.pool = pool;
    this.app = app;
  }

  /** Builds the index of {@code articles} in {@code index} and serves it. */
  public static TestServer build(Path articles, Path index, PassageServer.Options options)
      throws IOException {
    Fixtures.build(articles, index);
    return serve(SearcherPool.open(index, new Schema()), options);
  }

  /** Serves {@code pool}; closing the server closes the pool. */
  public static TestServer serve(SearcherPool pool, PassageServer.Options options) {
    return serve(pool, null, options);
  }

  /** Serves {@code pool} with an admin API that runs {@code reindexer}, when options allow. */
  public static TestServer serve(
      SearcherPool pool, Reindexer reindexer, PassageServer.Options options) {
    Javalin app = PassageServer.create(new SearchService(new Schema(), pool), reindexer, options);
    app.start("localhost", 0);
    return new TestServer(pool, app);
  }

  /** The running application, for tests that stop it themselves. */
  public Javalin app() {
    return app;
  }

  /** {@code POST path} with the given header names and values and no body. */
  public HttpResponse<String> post(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A second server over the same index, with other options; closing it leaves the index open. */
  public TestServer sharing(PassageServer.Options options) {
    Javalin other = PassageServer.create(new SearchService(new Schema(), pool), options);
    other.start("localhost", 0);
    return new TestServer(null, other);
  }

  /** {@code http://localhost:PORT}, with no trailing slash. */
  public String base() {
    return "http://localhost:" + app.port();
  }

  /** {@code GET path} with the given header names and values, the body as text. */
  public HttpResponse<String> get(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An answer read off the wire: its status and body. */
  public record RawAnswer(int status, String body) {}

  /**
   * {@code GET path} written byte for byte on a socket, for addresses that Java's URI refuses to
   * build (a broken percent-escape, say) but that a hostile client can send.
   */
  public RawAnswer rawGet(String pathAndQuery) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
      socket.setSoTimeout(10_000);
      String request =
          "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      int bodyStart = answer.indexOf("\r\n\r\n");
      return new RawAnswer(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
    }
  }

  @Override
  public void close() throws IOException {
    app.stop();
    if (pool != null) {
      pool.close();
    }
  }
}
