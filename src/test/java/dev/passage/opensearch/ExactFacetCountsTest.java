package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.SearchEngine;
import dev.passage.engine.SearchResponse;
import dev.passage.index.Schema;
import dev.passage.query.KnownValues;
import dev.passage.query.SearchParameters;
import dev.passage.testing.ClusterIndex;
import dev.passage.testing.Fixtures;
import dev.passage.testing.OpenSearchCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facet counts are exact across shards. A terms aggregation is approximate by default: each shard
 * returns only its top values, and a value ranked low on one shard is counted short. Asked for one
 * value per shard, the cluster says its counts may be short, and the engine asks again until no
 * shard left a value out: the counts then equal the embedded engine's, value for value.
 */
class ExactFacetCountsTest {

  @Test
  void countsEqualTheEmbeddedEnginesEvenWhenShardsAreFirstAskedForOneValueEach(@TempDir Path dir)
      throws Exception {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    try (ClusterIndex exact = ClusterIndex.build("exact", Fixtures.SEED_ARTICLES);
        Fixtures.SearchIndex embedded =
            Fixtures.searchIndex(Fixtures.SEED_ARTICLES, dir.resolve("index"))) {
      SearchEngine stingy =
          new OpenSearchEngine(
              exact.client(),
              exact.index(),
              new SearchParameters(new Schema(), KnownValues.bundled()),
              SearchEngine.DEFAULT_TIME_LIMIT,
              1);

      // The test means something only if one value per shard is short of the truth.
      assertThat(errorBoundOfOneValuePerShard(cluster, "person")).isPositive();
      for (Map<String, List<String>> params :
          List.of(
              Map.of("q", List.of(""), "facetSize", List.of("5")),
              Map.of("q", List.of("china"), "facetSize", List.of("3")),
              Map.of(
                  "q", List.of("Kazakhstan"), "year", List.of("2014"), "facetSize", List.of("4")),
              Map.of("q", List.of("cooperation"), "topic", List.of("diplomacy", "energy")))) {
        SearchResponse expected = embedded.service().search(embedded.service().parse(params));
        SearchResponse actual = stingy.search(stingy.parse(params));
        assertThat(actual.total()).as(params.toString()).isEqualTo(expected.total());
        assertThat(actual.facets()).as(params.toString()).isEqualTo(expected.facets());
      }
    }
  }

  /** The cluster's own bound on how short a count may be, asked for one value per shard. */
  private static long errorBoundOfOneValuePerShard(OpenSearchCluster cluster, String field)
      throws Exception {
    String body =
        "{\"size\":0,\"aggs\":{\"v\":{\"terms\":{\"field\":\""
            + field
            + "\",\"size\":1,\"shard_size\":1}}}}";
    try (HttpClient http = HttpClient.newHttpClient()) {
      String answer =
          http.send(
                  HttpRequest.newBuilder(URI.create(cluster.url() + "/exact/_search"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return JsonMapper.builder()
          .build()
          .readTree(answer)
          .at("/aggregations/v/doc_count_error_upper_bound")
          .asLong();
    }
  }
}
