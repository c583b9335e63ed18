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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a search asks of the cluster and what it gets back, seen by a proxy in front of it: one
 * request when a filter's values are held as given, the usual case; more only when a value must be
 * looked up among the index's own (written in another case than the index's, or unknown).
 */
class FilteredSearchRequestsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private ClusterIndex seeds;
  private SecuredProxy proxy;
  private OpenSearchClient client;

  /** The seed articles on the cluster, and Passage's engine, reaching it through the proxy. */
  private SearchEngine engine;

  @BeforeEach
  void startTheProxyInFrontOfTheSeeds() throws Exception {
    seeds = ClusterIndex.build("requests", Fixtures.SEED_ARTICLES);
    proxy = SecuredProxy.start(OpenSearchCluster.shared().url(), "ApiKey k", dir);
    OpenSearchConfig config =
        new OpenSearchConfig(
            List.of(URI.create(proxy.url())),
            "requests",
            null,
            null,
            Files.writeString(dir.resolve("key"), "k\n"),
            proxy.caFile());
    client = config.client();
    engine =
        new OpenSearchEngine(
            client,
            new OpenSearchIndex(client, config),
            new SearchParameters(new Schema(), KnownValues.bundled()),
            SearchEngine.DEFAULT_TIME_LIMIT);
  }

  @AfterEach
  void stopThem() throws Exception {
    try {
      if (client != null) {
        client._transport().close();
      }
    } finally {
      try {
        if (proxy != null) {
          proxy.close();
        }
      } finally {
        if (seeds != null) {
          seeds.close();
        }
      }
    }
  }

  @Test
  void aFilterOnHeldValuesCostsOneRequestAndAnUnknownValueCostsALookupAndASecondRun()
      throws Exception {
    SearchEngine direct = seeds.engine();
    Map<String, List<String>> cicaIn2014 = Map.of("q", List.of("CICA"), "year", List.of("2014"));
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
    SearchResponse unknown = engine.search(engine.parse(Map.of("person", List.of("Nazarbeyev"))));
    assertThat(unknown.total()).isZero();
    assertThat(unknown.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.nearest()).startsWith("Nursultan Nazarbayev"));
    // The search, the lookup of the person values, the search as corrected.
    assertThat(proxy.forwarded().subList(before, proxy.forwarded().size())).hasSize(3);
  }

  @Test
  void eachHitsTextCrossesTheNetworkOnceMarkedInItsHighlight() throws Exception {
    int answered = proxy.answers().size();
    Map<String, List<String>> query = Map.of("q", List.of("CICA"));
    SearchResponse cica = engine.search(engine.parse(query));

    List<SecuredProxy.Answer> searches =
        proxy.answers().subList(answered, proxy.answers().size()).stream()
            .filter(a -> a.request().startsWith("POST /requests/_search"))
            .toList();
    assertThat(searches).hasSize(1);
    JsonNode hits = JSON.readTree(searches.getFirst().body()).get("hits").get("hits");
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
  }
}
