package dev.passage.testing;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LiveIndex;
import dev.passage.index.LuceneArticleStore;
import dev.passage.index.Reindexer;
import dev.passage.index.Schema;
import dev.passage.search.LiveSearchers;
import dev.passage.search.SearchService;
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

  private final LiveSearchers searchers;
  private final Javalin app;
  private final LiveIndex live;

  private TestServer(LiveSearchers searchers, Javalin app, LiveIndex live) {
    this.searchers = searchers;
    this.app = app;
    this.live = live;
  }

  /** Builds the index of {@code articles} in {@code index} and serves it. */
  public static TestServer build(Path articles, Path index, PassageServer.Options options)
      throws IOException {
    Fixtures.build(articles, index);
    return serve(LiveSearchers.open(index, new Schema()), options);
  }

  /** Serves {@code searchers}; closing the server closes the searchers. */
  public static TestServer serve(LiveSearchers searchers, PassageServer.Options options) {
    Javalin app = PassageServer.create(new SearchService(new Schema(), searchers), options);
    app.start("localhost", 0);
    return new TestServer(searchers, app, null);
  }

  /**
   * Builds the index of {@code articles} in {@code index} and serves it as {@code passage serve}
   * does, with an admin API when {@code options} give one: reindexing and articles put or deleted
   * keep the index in step with the folder.
   */
  public static TestServer live(Path articles, Path index, PassageServer.Options options)
      throws IOException {
    Fixtures.build(articles, index);
    Schema schema = new Schema();
    LiveSearchers searchers = LiveSearchers.open(index, schema);
    LiveIndex live =
        new LiveIndex(
            new IndexSource(articles, null),
            new IndexUpdater(new LuceneArticleStore(schema, index), ArticlePipeline.bundled(), 1),
            searchers::refreshNow);
    Reindexer reindexer =
        new Reindexer(
            () -> Fixtures.build(articles, index),
            live::reconcile,
            searchers::refreshNow,
            live.worker());
    Javalin app =
        PassageServer.create(new SearchService(schema, searchers), reindexer, live, options);
    app.start("localhost", 0);
    return new TestServer(searchers, app, live);
  }

  /** The index the server keeps in step with its folder, when it was started {@link #live}. */
  public LiveIndex liveIndex() {
    return live;
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
    Javalin other = PassageServer.create(new SearchService(new Schema(), searchers), options);
    other.start("localhost", 0);
    return new TestServer(null, other, null);
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
    if (live != null) {
      live.close();
    }
    if (searchers != null) {
      searchers.close();
    }
  }
}
