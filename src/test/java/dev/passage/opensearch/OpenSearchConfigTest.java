package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.StandInNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the client sends a node, seen by a stand-in node on loopback. */
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
}
