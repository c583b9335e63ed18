package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Did you mean" on a one-article index, and what a reader remembers of it. */
class WordCorrectionsTest {

  @TempDir static Path dir;
  static Fixtures.SearchIndex index;

  @BeforeAll
  static void build() throws Exception {
    Path articles = dir.resolve("articles");
    Fixtures.write(
        articles,
        "cica.txt",
        Fixtures.article(
            "CICA", "2014-05", "China will take over the CICA chairmanship from Turkey.\n"));
    index = Fixtures.searchIndex(articles, dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static String correct(String query, Map<String, String> remembered, AtomicInteger asked)
      throws Exception {
    PassageSearcher searcher = index.searchers().acquire();
    try {
      return new WordCorrections()
          .corrected(
              searcher.getIndexReader(),
              query,
              word -> {
                asked.incrementAndGet();
                return 0;
              },
              remembered);
    } finally {
      index.searchers().release(searcher);
    }
  }

  @Test
  void aMisspeltWordIsCorrectedFromTheArchivesWords() throws Exception {
    assertThat(correct("chairmanshp", new HashMap<>(), new AtomicInteger()))
        .isEqualTo("chairmanship");
  }

  @Test
  void aWordCorrectedOnceIsRememberedAndNotLookedUpAgain() throws Exception {
    Map<String, String> remembered = new HashMap<>();
    AtomicInteger asked = new AtomicInteger();
    assertThat(correct("turkei chairmanshp", remembered, asked)).isEqualTo("turkey chairmanship");
    assertThat(asked).hasValue(2);
    assertThat(remembered).containsEntry("chairmanshp", "chairmanship");
    assertThat(correct("chairmanshp turkei", remembered, asked)).isEqualTo("chairmanship turkey");
    assertThat(asked).hasValue(2);
  }

  @Test
  void aWordTheArchiveHoldsIsRememberedAsLeftAlone() throws Exception {
    Map<String, String> remembered = new HashMap<>();
    assertThat(correct("China chairmanshp", remembered, new AtomicInteger()))
        .isEqualTo("China chairmanship");
    assertThat(remembered).containsEntry("china", "");
  }

  @Test
  void noMoreThanTheLimitIsRemembered() throws Exception {
    Map<String, String> remembered = new HashMap<>();
    for (int i = 0; i < WordCorrections.REMEMBERED; i++) {
      remembered.put("word" + i, "");
    }
    assertThat(correct("chairmanshp", remembered, new AtomicInteger())).isEqualTo("chairmanship");
    assertThat(remembered).hasSize(WordCorrections.REMEMBERED).doesNotContainKey("chairmanshp");
  }
}
