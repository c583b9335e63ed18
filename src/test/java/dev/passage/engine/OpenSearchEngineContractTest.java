package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import dev.passage.testing.ClusterIndex;
import dev.passage.testing.Fixtures;
import dev.passage.testing.OpenSearchCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * The engine contract on a real two-node OpenSearch cluster, the seed articles in an index of two
 * primary shards and one replica; and what only a cluster has: the alias moved by a rebuild, and a
 * cluster that cannot be reached.
 */
class OpenSearchEngineContractTest extends EngineContract {

  private static final String ALIAS = "contract";

  /** Paragraphs added to the seed articles' so that a search given no time runs out of it. */
  private static final int PADDING = 40_000;

  private static final int PADDING_BATCHES = 8;

  private OpenSearchCluster cluster;
  private ClusterIndex seeds;
  private ClusterIndex padded;
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
    if (padded != null) {
      padded.close();
    }
  }

  @Override
  SearchEngine engine() {
    return seeds.engine();
  }

  @Override
  SearchEngine engine(Duration limit) throws Exception {
    if (padded == null) {
      padded = ClusterIndex.build("padded", Fixtures.SEED_ARTICLES);
      pad(padded);
    }
    return padded.engine(limit);
  }

  /**
   * Adds {@link #PADDING} paragraphs of 2013 to the index, in batches that each shard keeps as
   * segments of their own: a node checks a search's time only as it begins each segment and between
   * blocks of 4,096 paragraphs and more within one, so a search given no time must collect for a
   * while before a check can find its time gone.
   */
  private static void pad(ClusterIndex index) throws Exception {
    String target = index.index().current();
    int perBatch = PADDING / PADDING_BATCHES;
    for (int batch = 0; batch < PADDING_BATCHES; batch++) {
      List<BulkOperation> operations = new ArrayList<>(perBatch);
      for (int n = batch * perBatch; n < (batch + 1) * perBatch; n++) {
        String article = "padding-" + n / 100;
        String id = article + "#" + (n % 100 + 1);
        Map<String, Object> paragraph =
            Map.of(
                Schema.ID,
                id,
                Schema.ARTICLE_ID,
                article,
                Schema.PARAGRAPH,
                n % 100 + 1,
                Schema.DATE_SORT,
                0,
                Schema.TEXT,
                "A paragraph that pads the index.",
                Dimension.YEAR.field(),
                List.of("2013"));
        operations.add(
            BulkOperation.of(
                o -> o.index(i -> i.index(target).id(id).routing(article).document(paragraph))));
      }
      BulkResponse written =
          index.client().bulk(b -> b.operations(operations).refresh(Refresh.True));
      assertThat(written.errors()).isFalse();
    }
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
