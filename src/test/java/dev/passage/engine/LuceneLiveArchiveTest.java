package dev.passage.engine;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LiveIndex;
import dev.passage.index.LuceneArticleStore;
import dev.passage.index.Schema;
import dev.passage.search.LiveSearchers;
import dev.passage.search.SearchService;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The live-archive contract on the embedded engine. */
class LuceneLiveArchiveTest extends LiveArchiveContract {

  private Path articles;
  private LiveSearchers searchers;
  private SearchService engine;
  private LiveIndex live;

  @BeforeAll
  void buildFromACopyOfTheSeeds(@TempDir Path dir) throws Exception {
    articles = seedCopy(dir);
    Path index = dir.resolve("index");
    Fixtures.build(articles, index);
    Schema schema = new Schema();
    searchers = LiveSearchers.open(index, schema);
    engine = new SearchService(schema, searchers);
    live =
        new LiveIndex(
            new IndexSource(articles, null),
            new IndexUpdater(new LuceneArticleStore(schema, index), ArticlePipeline.bundled(), 1),
            searchers::refreshNow);
  }

  @AfterAll
  void close() throws Exception {
    live.close();
    searchers.close();
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
