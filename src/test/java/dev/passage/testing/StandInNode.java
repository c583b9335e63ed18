package dev.passage.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.passage.opensearch.OpenSearchConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * A stand-in OpenSearch node on loopback that answers every request with a handler, and a client of
 * Passage's own configuration pointed at it: what the client sends, seen from the node's side.
 */
public final class StandInNode implements AutoCloseable {

  private final HttpServer server;
  private final OpenSearchClient client;

  private StandInNode(HttpServer server, OpenSearchClient client) {
    this.server = server;
    this.client = client;
  }

  /** A node answering with {@code handler}, started. */
  public static StandInNode answering(HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", handler);
    server.start();
    URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try {
      return new StandInNode(
          server,
          new OpenSearchConfig(List.of(address), "passage", null, null, null, null).client());
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      throw e;
    }
  }

  /** The client, as Passage configures one. */
  public OpenSearchClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    try {
      client._transport().close();
    } finally {
      server.stop(0);
    }
  }
}
