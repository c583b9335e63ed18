package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.Schema;
import dev.passage.search.SearchService;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine contract on the embedded Lucene engine, the default. */
class LuceneEngineContractTest extends EngineContract {

  private Fixtures.SearchIndex index;
  private Fixtures.SearchIndex phrases;

  @BeforeAll
  void buildTheSeedIndex(@TempDir Path dir) throws Exception {
    index = Fixtures.searchIndex(Fixtures.SEED_ARTICLES, dir.resolve("index"));
    phrases =
        Fixtures.searchIndex(
            Fixtures.titlePhraseArticles(dir.resolve("phrases")), dir.resolve("phrase-index"));
  }

  @AfterAll
  void close() throws Exception {
    index.close();
    phrases.close();
  }

  @Override
  SearchEngine engine() {
    return index.service();
  }

  @Override
  SearchEngine engine(Duration limit) {
    return new SearchService(new Schema(), index.searchers(), limit);
  }

  @Override
  SearchEngine phraseEngine() {
    return phrases.service();
  }

  /** The cluster's highlighter marks a phrase word by word (README, OpenSearch). */
  @Test
  void aWordWithASlashIsMarkedInTheSnippetAsOnePhrase() throws Exception {
    assertThat(search("q", "Kazakhstan/China").hits().getFirst().snippet())
        .endsWith("in promoting <mark>Kazakhstan-China</mark> extraordinary relations.");
  }
}
