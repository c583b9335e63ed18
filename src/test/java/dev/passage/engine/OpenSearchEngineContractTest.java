package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.index.IndexInfo;
import dev.passage.testing.ClusterIndex;
import dev.passage.testing.Fixtures;
import dev.passage.testing.OpenSearchCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine contract on a real two-node OpenSearch cluster, the seed articles in an index of two
 * primary shards and one replica; and what only a cluster has: the alias moved by a rebuild, and a
 * cluster that cannot be reached.
 */
class OpenSearchEngineContractTest extends EngineContract {

  private static final String ALIAS = "contract";

  private OpenSearchCluster cluster;
  private ClusterIndex seeds;
  private ClusterIndex phrases;

  @BeforeAll
  void buildTheSeedIndexOnTheCluster(@TempDir Path dir) throws Exception {
    cluster = OpenSearchCluster.shared();
    seeds = ClusterIndex.build(ALIAS, Fixtures.SEED_ARTICLES);
    phrases = ClusterIndex.build("phrases-contract", Fixtures.titlePhraseArticles(dir));
  }

  @AfterAll
  void close() throws Exception {
    seeds.close();
    phrases.close();
  }

  @Override
  SearchEngine engine() {
    return seeds.engine();
  }

  @Override
  SearchEngine phraseEngine() {
    return phrases.engine();
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
    String before = seeds.index().current();

    assertThat(seeds.rebuild().committed()).isTrue();

    String after = seeds.index().current();
    assertThat(after).isNotEqualTo(before).startsWith(ALIAS + "-");
    assertThat(get("/_cat/indices/" + ALIAS + "-*?h=index").lines().map(String::strip).toList())
        .containsExactly(after);
    IndexInfo info = seeds.index().info();
    assertThat(info.articles()).isEqualTo(5);
    assertThat(info.source().articles()).isEqualTo(Fixtures.SEED_ARTICLES.toAbsolutePath());
    assertThat(engine().search(engine().query("CICA chairmanship")).total()).isEqualTo(2);
  }

  @Test
  void aClusterThatCannotBeReachedIsAnUnavailableEngineNamingIt() throws Exception {
    try (ClusterIndex nowhere =
        ClusterIndex.on(List.of("http://127.0.0.1:9"), ALIAS, Fixtures.SEED_ARTICLES)) {
      SearchEngine unreachable = nowhere.engine();

      assertThatThrownBy(() -> unreachable.search(unreachable.query("CICA")))
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:9");
      assertThatThrownBy(unreachable::health)
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:9");
    }
  }
}
