package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.OpenSearchCluster;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;

/** The build's bulk requests, on the test cluster: every paragraph arrives, or is named. */
class BulkSenderTest {

  private static OpenSearchClient client;

  @BeforeAll
  static void connect() throws IOException {
    client = clientOf(OpenSearchCluster.shared().urls());
  }

  @AfterAll
  static void disconnect() throws IOException {
    client._transport().close();
  }

  @Test
  void everyParagraphArrivesWhenTheRequestsAreSmallerThanTheBuild() throws IOException {
    String index = strictIndex("bulk-sender-all");
    BulkSender sender = new BulkSender(client, 2, 1_000_000, 2);
    for (int n = 1; n <= 5; n++) {
      sender.add(paragraph(index, "a#" + n, Map.of("n", n)));
    }
    sender.finish();

    assertThat(sender.failures()).isEmpty();
    client.indices().refresh(r -> r.index(index));
    assertThat(client.count(c -> c.index(index)).count()).isEqualTo(5);
    client.indices().delete(d -> d.index(index));
  }

  @Test
  void aParagraphTheClusterRefusesIsNamedAndTheOthersArrive() throws IOException {
    String index = strictIndex("bulk-sender-refused");
    BulkSender sender = new BulkSender(client, 10, 1_000_000, 2);
    sender.add(paragraph(index, "a#1", Map.of("n", 1)));
    sender.add(paragraph(index, "a#2", Map.of("unmapped", "x")));
    sender.add(paragraph(index, "a#3", Map.of("n", 3)));
    sender.finish();

    assertThat(sender.failures()).singleElement().asString().startsWith("a#2: ");
    client.indices().refresh(r -> r.index(index));
    assertThat(client.count(c -> c.index(index)).count()).isEqualTo(2);
    client.indices().delete(d -> d.index(index));
  }

  @Test
  void aRequestNoNodeAnsweredCountsItsParagraphs() throws IOException {
    assertThat(failuresOfThreeParagraphsSentNowhere(2, 1_000_000))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("2 paragraphs: "))
        .anySatisfy(line -> assertThat(line).startsWith("1 paragraph: "));
  }

  @Test
  void aRequestClosesAtItsSizeBeforeItsCountOfParagraphs() throws IOException {
    assertThat(failuresOfThreeParagraphsSentNowhere(10, 90))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("2 paragraphs: "))
        .anySatisfy(line -> assertThat(line).startsWith("1 paragraph: "));
  }

  /**
   * The failures of a sender of requests of {@code operations} paragraphs or {@code bytes} bytes
   * that sends three paragraphs of 47 bytes each (their action and document lines) to an address
   * where no node answers.
   */
  private static List<String> failuresOfThreeParagraphsSentNowhere(int operations, int bytes)
      throws IOException {
    OpenSearchClient nowhere = clientOf(List.of("http://127.0.0.1:1"));
    try {
      BulkSender sender = new BulkSender(nowhere, operations, bytes, 1);
      sender.add(paragraph("any", "a#1", Map.of("n", 1)));
      sender.add(paragraph("any", "a#2", Map.of("n", 2)));
      sender.add(paragraph("any", "a#3", Map.of("n", 3)));
      sender.finish();
      return sender.failures();
    } finally {
      nowhere._transport().close();
    }
  }

  private static OpenSearchClient clientOf(List<String> urls) throws IOException {
    return new OpenSearchConfig(
            urls.stream().map(URI::create).toList(), "unused", null, null, null, null)
        .client();
  }

  /** An index that refuses fields it does not know, as Passage's own does. */
  private static String strictIndex(String name) throws IOException {
    if (client.indices().exists(e -> e.index(name)).value()) {
      client.indices().delete(d -> d.index(name));
    }
    client
        .indices()
        .create(c ->
            c.index(name)
                .mappings(
                    m -> m.dynamic(DynamicMapping.Strict).properties("n", p -> p.integer(i -> i))));
    return name;
  }

  private static BulkSender.Operation paragraph(
      String index, String id, Map<String, Object> fields) {
    return new BulkSender.Operation(index, id, null, fields);
  }
}
