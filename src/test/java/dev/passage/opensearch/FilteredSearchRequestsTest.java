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

/**
 * What a filtered search asks of the cluster, counted by a proxy in front of it: one request when
 * the filter's values are held as given, the usual case; more only when a value must be looked up
 * among the index's own (written in another case than the index's, or unknown).
 */
class FilteredSearchRequestsTest {

  @Test
  void aFilterOnHeldValuesCostsOneRequestAndAnUnknownValueCostsALookupAndASecondRun(
      @TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("key"), "k\n");
    try (ClusterIndex seeds = ClusterIndex.build("requests", Fixtures.SEED_ARTICLES);
        SecuredProxy proxy =
            SecuredProxy.start(OpenSearchCluster.shared().url(), "ApiKey k", dir)) {
      OpenSearchConfig config =
          new OpenSearchConfig(
              List.of(URI.create(proxy.url())), "requests", null, null, key, proxy.caFile());
      OpenSearchClient client = config.client();
      try {
        SearchEngine engine =
            new OpenSearchEngine(
                client,
                new OpenSearchIndex(client, config),
                new SearchParameters(new Schema(), KnownValues.bundled()),
                SearchEngine.DEFAULT_TIME_LIMIT);

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
}
