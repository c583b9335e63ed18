package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.StandInNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The build's bulk requests as a node receives them, seen by a stand-in node on loopback. */
class BulkRequestsTest {

  private final List<String> received = new CopyOnWriteArrayList<>();

  @Test
  void aParagraphIsSentAsItsActionAndDocumentLinesRoutedByItsArticle() throws IOException {
    List<String> failures =
        sendTo(
            200, "{\"errors\":false}", new BulkSender.Operation("p-1", "a#2", "a", Map.of("n", 2)));

    assertThat(failures).isEmpty();
    assertThat(received)
        .containsExactly(
            "/_bulk?filter_path=errors%2Citems.%2A._id%2Citems.%2A.error\n"
                + "{\"index\":{\"_index\":\"p-1\",\"_id\":\"a#2\",\"routing\":\"a\"}}\n"
                + "{\"n\":2}\n");
  }

  @Test
  void aRequestTheNodeRefusesWholeNamesItsParagraphsAndTheReason() throws IOException {
    List<String> failures =
        sendTo(
            429,
            "{\"error\":{\"reason\":\"rejected execution of bulk\"},\"status\":429}",
            new BulkSender.Operation("p-1", "a#1", "a", Map.of("n", 1)),
            new BulkSender.Operation("p-1", "a#2", "a", Map.of("n", 2)));

    assertThat(failures)
        .singleElement()
        .asString()
        .startsWith("2 paragraphs: ")
        .contains("429 Too Many Requests", "rejected execution of bulk");
  }

  private List<String> sendTo(int status, String answer, BulkSender.Operation... operations)
      throws IOException {
    try (StandInNode node =
        StandInNode.answering(exchange -> {
          received.add(
              exchange.getRequestURI().getRawPath()
                  + "?"
                  + exchange.getRequestURI().getRawQuery()
                  + "\n"
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        })) {
      BulkSender sender = new BulkSender(node.client(), 10, 1_000_000, 1);
      for (BulkSender.Operation op : operations) {
        sender.add(op);
      }
      sender.finish();
      return sender.failures();
    }
  }
}
