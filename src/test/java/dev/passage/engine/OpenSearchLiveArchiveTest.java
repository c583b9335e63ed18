package dev.passage.engine;

import dev.passage.index.LiveIndex;
import dev.passage.testing.ClusterIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The live-archive contract on a real two-node OpenSearch cluster. */
class OpenSearchLiveArchiveTest extends LiveArchiveContract {

  private Path articles;
  private ClusterIndex cluster;
  private LiveIndex live;

  @BeforeAll
  void buildFromACopyOfTheSeeds(@TempDir Path dir) throws Exception {
    articles = seedCopy(dir);
    cluster = ClusterIndex.build("live", articles);
    live = cluster.live();
  }

  @AfterAll
  void close() throws Exception {
    live.close();
    cluster.close();
  }

  @Override
  SearchEngine engine() {
    return cluster.engine();
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
