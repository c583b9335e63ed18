package dev.passage.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recording proxy between Passage and an OpenSearch node: it forwards every request as it came
 * and every answer as it went, and writes each search request, path and body, byte for byte as the
 * client sent it. Replaying those requests straight to the node then measures OpenSearch doing
 * exactly Passage's searches, without Passage, which is the only fair baseline for what Passage
 * adds on top of a cluster.
 *
 * <p>Each search goes on one line, {@code METHOD PATH<TAB>BODY}: the client writes compact JSON, in
 * which a line break or a tab can only appear escaped.
 */
public final class RequestRecorder implements AutoCloseable {

  /** Headers that belong to one connection, not to the request, and are not passed on. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "transfer-encoding",
          "upgrade");

  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient client;
  private final URI target;
  private final Writer out;
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  private RequestRecorder(HttpServer server, ExecutorService threads, URI target, Writer out) {
    this.server = server;
    this.threads = threads;
    this.target = target;
    this.out = out;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Listens on loopback at {@code port} and forwards to {@code target}, such as a node's URL. */
  public static RequestRecorder start(int port, URI target, Writer out) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    RequestRecorder recorder = new RequestRecorder(server, threads, target, out);
    server.createContext("/", recorder::handle);
    server.setExecutor(threads);
    server.start();
    return recorder;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Search requests written so far. */
  public long recorded() {
    return recorded.get();
  }

  /** Search requests that could not go on one line (never seen with the opensearch-java client). */
  public long skipped() {
    return skipped.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String pathAndQuery = query == null ? path : path + "?" + query;
      if (path.endsWith("/_search")) {
        record(method, pathAndQuery, body);
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(URI.create(target.toString().replaceAll("/+$", "") + pathAndQuery))
              .timeout(Duration.ofSeconds(60))
              .method(
                  method,
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
          for (String value : h.getValue()) {
            forward.header(h.getKey(), value);
          }
        }
      }
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        // The node did not answer: Passage sees what it would see without the proxy, no answer.
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      answer
          .headers()
          .map()
          .forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
              exchange.getResponseHeaders().put(name, values);
            }
          });
      byte[] bytes = answer.body();
      boolean empty = bytes.length == 0 || "HEAD".equals(method);
      exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
      if (!empty) {
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(bytes);
        }
      }
    }
  }

  private void record(String method, String pathAndQuery, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) {
      skipped.incrementAndGet();
      return;
    }
    synchronized (out) {
      try {
        out.write(method + " " + pathAndQuery + "\t" + text + "\n");
        // Flushed at once: the recorder is stopped by a signal, and what was seen must be there.
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    recorded.incrementAndGet();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    client.close();
  }
}
