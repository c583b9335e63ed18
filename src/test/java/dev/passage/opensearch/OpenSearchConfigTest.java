package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** What the client sends a node, seen by a stand-in node on loopback. */
class OpenSearchConfigTest {

  @Test
  void theClientDoesNotAskTheNodesToCompressTheirAnswers() throws IOException {
    List<String> encodings = new CopyOnWriteArrayList<>();
    HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext(
        "/",
        exchange -> {
          String asked = exchange.getRequestHeaders().getFirst("Accept-Encoding");
          encodings.add(asked == null ? "none" : asked);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    node.start();
    try {
      URI address = URI.create("http://127.0.0.1:" + node.getAddress().getPort());
      OpenSearchClient client =
          new OpenSearchConfig(List.of(address), "passage", null, null, null, null).client();
      try {
        assertThat(client.ping().value()).isTrue();
      } finally {
        client._transport().close();
      }
    } finally {
      node.stop(0);
    }
    assertThat(encodings).containsExactly("none");
  }
}
