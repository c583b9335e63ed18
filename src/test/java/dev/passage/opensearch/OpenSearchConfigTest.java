package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.StandInNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.junit.jupiter.api.Test;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** How Passage's client is set up, and what it sends a node, seen by a stand-in node. */
class OpenSearchConfigTest {

  @Test
  void theClientDoesNotAskTheNodesToCompressTheirAnswers() throws IOException {
    List<String> encodings = new CopyOnWriteArrayList<>();
    try (StandInNode node =
        StandInNode.answering(exchange -> {
          String asked = exchange.getRequestHeaders().getFirst("Accept-Encoding");
          encodings.add(asked == null ? "none" : asked);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        })) {
      assertThat(node.client().ping().value()).isTrue();
    }
    assertThat(encodings).containsExactly("none");
  }

  @Test
  void aClientOverTlsKeepsAsManyConnectionsPerNodeAsOneWithout() throws Exception {
    try (PoolingAsyncClientConnectionManager pool =
        OpenSearchConfig.connectionsTrusting(SSLContext.getDefault())) {
      assertThat(pool.getDefaultMaxPerRoute())
          .isEqualTo(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
          .isEqualTo(10);
      assertThat(pool.getMaxTotal())
          .isEqualTo(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL);
    }
  }
}
