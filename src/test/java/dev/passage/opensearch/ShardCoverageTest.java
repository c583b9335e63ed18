package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.ShardSearchFailure;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * What the cluster's answers say about a search out of time, in the shapes OpenSearch 3.6 gave
 * two-shard searches with a timeout of 0 ms (docs/reliability.md): each way a shard can run out of
 * time makes the answer partial, and only a shard that failed otherwise is one it cannot stand for.
 */
class ShardCoverageTest {

  private static final JsonpMapper MAPPER = new JacksonJsonpMapper();

  private static final String NO_HITS =
      "\"hits\":{\"total\":{\"value\":0,\"relation\":\"eq\"},\"max_score\":null,\"hits\":[]}";

  private static SearchResponse<JsonData> answer(boolean timedOut, String shards) {
    String json =
        "{\"took\":3,\"timed_out\":" + timedOut + ",\"_shards\":" + shards + "," + NO_HITS + "}";
    return SearchResponse.createSearchResponseDeserializer(JsonData._DESERIALIZER)
        .deserialize(MAPPER.jsonProvider().createParser(new StringReader(json)), MAPPER);
  }

  private static String oneFailed(String type) {
    return "{\"total\":2,\"successful\":1,\"skipped\":0,\"failed\":1,\"failures\":[{\"shard\":0,"
        + "\"index\":\"passage-1\",\"node\":\"n1\",\"reason\":{\"type\":\""
        + type
        + "\",\"reason\":null}}]}";
  }

  private static OpenSearchException error(String... rootCauses) {
    StringBuilder causes = new StringBuilder();
    for (String type : rootCauses) {
      causes.append(causes.isEmpty() ? "" : ",").append("{\"type\":\"").append(type).append("\"}");
    }
    String json =
        "{\"error\":{\"root_cause\":["
            + causes
            + "],\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards failed\"},"
            + "\"status\":500}";
    return new OpenSearchException(
        ErrorResponse._DESERIALIZER.deserialize(
            MAPPER.jsonProvider().createParser(new StringReader(json)), MAPPER));
  }

  private static final String ALL_ANSWERED =
      "{\"total\":2,\"successful\":2,\"skipped\":0,\"failed\":0}";

  @Test
  void aShardThatStoppedCollectingMakesTheAnswerPartialThoughEveryShardSucceeded() {
    SearchResponse<JsonData> r = answer(true, ALL_ANSWERED);

    assertThat(ShardCoverage.partial(r)).isTrue();
    assertThat(ShardCoverage.failedOtherwise(r)).isEmpty();
  }

  @Test
  void aShardThatFailedForTimeMakesTheAnswerPartialThoughTheClusterSaysItDidNotTimeOut() {
    SearchResponse<JsonData> r = answer(false, oneFailed("time_exceeded_exception"));

    assertThat(ShardCoverage.partial(r)).isTrue();
    assertThat(ShardCoverage.failedOtherwise(r)).isEmpty();
  }

  @Test
  void aShardThatFailedForAnotherReasonIsOneTheAnswerCannotStandFor() {
    SearchResponse<JsonData> r = answer(false, oneFailed("no_shard_available_action_exception"));

    assertThat(ShardCoverage.partial(r)).isFalse();
    assertThat(ShardCoverage.failedOtherwise(r))
        .extracting(ShardSearchFailure::shard)
        .containsExactly(0);
  }

  @Test
  void anAnswerInTimeFromEveryShardIsComplete() {
    assertThat(ShardCoverage.partial(answer(false, ALL_ANSWERED))).isFalse();
  }

  @Test
  void anErrorIsASearchWithNoShardInTimeOnlyWhenEveryCauseIsTime() {
    assertThat(ShardCoverage.noShardInTime(error("time_exceeded_exception"))).isTrue();
    assertThat(
            ShardCoverage.noShardInTime(
                error("time_exceeded_exception", "no_shard_available_action_exception")))
        .isFalse();
    assertThat(ShardCoverage.noShardInTime(error())).isFalse();
  }
}
