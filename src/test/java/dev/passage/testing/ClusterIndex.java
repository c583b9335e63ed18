package dev.passage.testing;

import dev.passage.engine.SearchEngine;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexSummary;
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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Passage's index of an articles folder on a cluster, with the engine that searches it, as {@code
 * passage serve --engine opensearch} makes them; closing it frees the client.
 */
public record ClusterIndex(
    OpenSearchClient client, OpenSearchIndex index, SearchEngine engine, IndexSource source)
    implements AutoCloseable {

  /** The index {@code alias} on the nodes at {@code urls}, not built. */
  public static ClusterIndex on(List<String> urls, String alias, Path articles) throws IOException {
    OpenSearchConfig config =
        new OpenSearchConfig(
            urls.stream().map(URI::create).toList(), alias, null, null, null, null);
    OpenSearchClient client = config.client();
    OpenSearchIndex index = new OpenSearchIndex(client, config);
    return new ClusterIndex(
        client,
        index,
        engine(client, index, SearchEngine.DEFAULT_TIME_LIMIT),
        new IndexSource(articles.toAbsolutePath(), null));
  }

  /** The searches of this index, each stopped by the cluster after {@code timeLimit}. */
  public SearchEngine engine(Duration timeLimit) {
    return engine(client, index, timeLimit);
  }

  private static SearchEngine engine(
      OpenSearchClient client, OpenSearchIndex index, Duration timeLimit) {
    return new OpenSearchEngine(
        client, index, new SearchParameters(new Schema(), KnownValues.bundled()), timeLimit);
  }

  /** The index {@code alias} of {@code articles} built whole on the test cluster. */
  public static ClusterIndex build(String alias, Path articles) throws IOException {
    ClusterIndex built = on(OpenSearchCluster.shared().urls(), alias, articles);
    built.rebuild();
    return built;
  }

  /** Builds the index whole again, as a new index behind the alias. */
  public IndexSummary rebuild() throws IOException {
    return index.build(
        source, ArticlePipeline.bundled(), RulesFingerprint.of(null, null), 2, l -> {});
  }

  /** The index kept in step with its folder, as serve keeps it. */
  public LiveIndex live() {
    return new LiveIndex(
        source,
        new IndexUpdater(new OpenSearchArticleStore(client, index), ArticlePipeline.bundled(), 1),
        () -> {});
  }

  @Override
  public void close() throws IOException {
    client._transport().close();
  }
}
