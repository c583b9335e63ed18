package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexInfo;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexSummary;
import dev.passage.index.RulesFingerprint;
import dev.passage.index.Schema;
import dev.passage.opensearch.OpenSearchConfig;
import dev.passage.opensearch.OpenSearchEngine;
import dev.passage.opensearch.OpenSearchIndex;
import dev.passage.query.KnownValues;
import dev.passage.query.SearchParameters;
import dev.passage.testing.Fixtures;
import dev.passage.testing.OpenSearchCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The engine contract on a real two-node OpenSearch cluster, the seed articles in an index of two
 * primary shards and one replica; and what only a cluster has: the alias moved by a rebuild, and a
 * cluster that cannot be reached.
 */
class OpenSearchEngineContractTest extends EngineContract {

  private static final String ALIAS = "contract";

  private OpenSearchCluster cluster;
  private OpenSearchClient client;
  private OpenSearchIndex index;
  private SearchEngine engine;

  @BeforeAll
  void buildTheSeedIndexOnTheCluster() throws Exception {
    cluster = OpenSearchCluster.shared();
    OpenSearchConfig config = config(cluster.urls());
    client = config.client();
    index = new OpenSearchIndex(client, config);
    IndexSummary summary = build();
    assertThat(summary.committed()).isTrue();
    engine =
        new OpenSearchEngine(
            client,
            index,
            new SearchParameters(new Schema(), KnownValues.bundled()),
            SearchEngine.DEFAULT_TIME_LIMIT);
  }

  private static OpenSearchConfig config(List<String> urls) {
    return new OpenSearchConfig(
        urls.stream().map(URI::create).toList(), ALIAS, null, null, null, null);
  }

  private IndexSummary build() throws Exception {
    return index.build(
        new IndexSource(Fixtures.SEED_ARTICLES.toAbsolutePath(), null),
        ArticlePipeline.bundled(),
        RulesFingerprint.of(null),
        2,
        line -> {});
  }

  @AfterAll
  void close() throws Exception {
    client._transport().close();
  }

  @Override
  SearchEngine engine() {
    return engine;
  }

  private String get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(cluster.url() + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  @Test
  void theSeedIndexHasTwoPrimaryShardsEachWithAReplicaOnTheOtherNode() throws Exception {
    String shards = get("/_cat/shards/" + ALIAS + "?h=shard,prirep,state,node&s=shard,prirep");

    assertThat(shards.lines().toList()).hasSize(4).allMatch(line -> line.contains("STARTED"));
    assertThat(shards.lines().map(l -> l.split("\\s+")[0] + l.split("\\s+")[1]).toList())
        .containsExactly("0p", "0r", "1p", "1r");
  }

  @Test
  void aRebuildMovesTheAliasToANewIndexInOneStepAndDeletesTheOldOne() throws Exception {
    String before = index.current();

    build();

    String after = index.current();
    assertThat(after).isNotEqualTo(before).startsWith(ALIAS + "-");
    assertThat(get("/_cat/indices/" + ALIAS + "-*?h=index").lines().map(String::strip).toList())
        .containsExactly(after);
    IndexInfo info = index.info();
    assertThat(info.articles()).isEqualTo(5);
    assertThat(info.source().articles()).isEqualTo(Fixtures.SEED_ARTICLES.toAbsolutePath());
    assertThat(engine.search(engine.query("CICA chairmanship")).total()).isEqualTo(2);
  }

  @Test
  void aClusterThatCannotBeReachedIsAnUnavailableEngineNamingIt() throws Exception {
    OpenSearchConfig nowhere = config(List.of("http://127.0.0.1:9"));
    OpenSearchClient lost = nowhere.client();
    try {
      SearchEngine unreachable =
          new OpenSearchEngine(
              lost,
              new OpenSearchIndex(lost, nowhere),
              new SearchParameters(new Schema(), KnownValues.bundled()),
              SearchEngine.DEFAULT_TIME_LIMIT);

      assertThatThrownBy(() -> unreachable.search(unreachable.query("CICA")))
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:9");
      assertThatThrownBy(unreachable::health)
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:9");
    } finally {
      lost._transport().close();
    }
  }
}
