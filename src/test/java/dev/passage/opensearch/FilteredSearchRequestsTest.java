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
import dev.passage.testing.SecuredProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a filtered search asks of the cluster, counted by a proxy in front of it: one request when
 * the filter's values are held as given, the usual case; more only when a value must be looked up
 * among the index's own (written in another case than the index's, or unknown).
 */
class FilteredSearchRequestsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aFilterOnHeldValuesCostsOneRequestAndAnUnknownValueCostsALookupAndASecondRun(
      @TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("key"), "k\n");
    try (ClusterIndex seeds = ClusterIndex.build("requests", Fixtures.SEED_ARTICLES);
        SecuredProxy proxy =
            SecuredProxy.start(OpenSearchCluster.shared().url(), "ApiKey k", dir)) {
      OpenSearchClient client = client(proxy, key);
      try {
        SearchEngine engine = engine(client, proxy, key);

        SearchEngine direct = seeds.engine();
        Map<String, List<String>> cicaIn2014 =
            Map.of("q", List.of("CICA"), "year", List.of("2014"));
        int before = proxy.forwarded().size();
        SearchResponse held = engine.search(engine.parse(cicaIn2014));
        assertThat(held.total())
            .isPositive()
            .isEqualTo(direct.search(direct.parse(cicaIn2014)).total());
        assertThat(proxy.forwarded().subList(before, proxy.forwarded().size()))
            .singleElement()
            .asString()
            .startsWith("POST /requests/_search");

        before = proxy.forwarded().size();
        SearchResponse unknown =
            engine.search(engine.parse(Map.of("person", List.of("Nazarbeyev"))));
        assertThat(unknown.total()).isZero();
        assertThat(unknown.warnings())
            .singleElement()
            .satisfies(w -> assertThat(w.nearest()).startsWith("Nursultan Nazarbayev"));
        // The search, the lookup of the person values, the search as corrected.
        assertThat(proxy.forwarded().subList(before, proxy.forwarded().size())).hasSize(3);
      } finally {
        client._transport().close();
      }
    }
  }

  @Test
  void eachHitsTextCrossesTheNetworkOnceMarkedInItsHighlight(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("key"), "k\n");
    try (ClusterIndex seeds = ClusterIndex.build("requests", Fixtures.SEED_ARTICLES);
        SecuredProxy proxy =
            SecuredProxy.start(OpenSearchCluster.shared().url(), "ApiKey k", dir)) {
      OpenSearchClient client = client(proxy, key);
      try {
        SearchEngine engine = engine(client, proxy, key);
        int answered = proxy.answers().size();
        Map<String, List<String>> query = Map.of("q", List.of("CICA"));
        SearchResponse cica = engine.search(engine.parse(query));

        JsonNode hits = JSON.readTree(proxy.answers().get(answered)).get("hits").get("hits");
        assertThat(hits.size()).isEqualTo(cica.hits().size()).isPositive();
        for (JsonNode hit : hits) {
          assertThat(hit.get("_source").has(Schema.TEXT)).isFalse();
          assertThat(hit.get("highlight").get(Schema.TEXT).get(0).asString()).contains("<mark>");
        }
        SearchEngine direct = seeds.engine();
        assertThat(cica.hits())
            .map(SearchResponse.Hit::snippet)
            .containsExactlyElementsOf(
                direct.search(direct.parse(query)).hits().stream()
                    .map(SearchResponse.Hit::snippet)
                    .toList());
      } finally {
        client._transport().close();
      }
    }
  }

  private static OpenSearchClient client(SecuredProxy proxy, Path key) throws Exception {
    return config(proxy, key).client();
  }

  private static SearchEngine engine(OpenSearchClient client, SecuredProxy proxy, Path key) {
    return new OpenSearchEngine(
        client,
        new OpenSearchIndex(client, config(proxy, key)),
        new SearchParameters(new Schema(), KnownValues.bundled()),
        SearchEngine.DEFAULT_TIME_LIMIT);
  }

  private static OpenSearchConfig config(SecuredProxy proxy, Path key) {
    return new OpenSearchConfig(
        List.of(URI.create(proxy.url())), "requests", null, null, key, proxy.caFile());
  }
}
