package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LiveIndex;
import dev.passage.index.RulesFingerprint;
import dev.passage.index.Schema;
import dev.passage.opensearch.OpenSearchArticleStore;
import dev.passage.opensearch.OpenSearchConfig;
import dev.passage.opensearch.OpenSearchEngine;
import dev.passage.opensearch.OpenSearchIndex;
import dev.passage.query.KnownValues;
import dev.passage.query.SearchParameters;
import dev.passage.testing.OpenSearchCluster;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The live-archive contract on a real two-node OpenSearch cluster. */
class OpenSearchLiveArchiveTest extends LiveArchiveContract {

  private Path articles;
  private OpenSearchClient client;
  private SearchEngine engine;
  private LiveIndex live;

  @BeforeAll
  void buildFromACopyOfTheSeeds(@TempDir Path dir) throws Exception {
    articles = seedCopy(dir);
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    OpenSearchConfig config =
        new OpenSearchConfig(
            cluster.urls().stream().map(URI::create).toList(), "live", null, null, null, null);
    client = config.client();
    OpenSearchIndex index = new OpenSearchIndex(client, config);
    IndexSource source = new IndexSource(articles, null);
    assertThat(
            index
                .build(source, ArticlePipeline.bundled(), RulesFingerprint.of(null), 2, l -> {})
                .committed())
        .isTrue();
    engine =
        new OpenSearchEngine(
            client,
            index,
            new SearchParameters(new Schema(), KnownValues.bundled()),
            SearchEngine.DEFAULT_TIME_LIMIT);
    live =
        new LiveIndex(
            source,
            new IndexUpdater(
                new OpenSearchArticleStore(client, index), ArticlePipeline.bundled(), 1),
            () -> {});
  }

  @AfterAll
  void close() throws Exception {
    live.close();
    client._transport().close();
  }

  @Override
  SearchEngine engine() {
    return engine;
  }

  @Override
  LiveIndex live() {
    return live;
  }

  @Override
  Path articles() {
    return articles;
  }
}
