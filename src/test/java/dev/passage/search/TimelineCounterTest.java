package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.SearchResponse;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LuceneArticleStore;
import dev.passage.index.Schema;
import dev.passage.ingest.ArticleFolder;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline on an index of two segments, each sorted newest first: every match counted once, in
 * its article's year or month, whether a search matches many paragraphs or few.
 */
class TimelineCounterTest {

  @TempDir static Path dir;
  static LiveSearchers searchers;
  static SearchService service;

  @BeforeAll
  static void buildTwoSegments() throws Exception {
    Path articles = dir.resolve("articles");
    write(articles, "a2012.txt", "2012-05", 150, true);
    write(articles, "a2014.txt", "2014-03", 150, true);
    Path index = dir.resolve("index");
    Fixtures.build(articles, index);
    write(articles, "b2013.txt", "2013-08", 150, false);
    write(articles, "b2014.txt", "2014-11", 20, true);
    Schema schema = new Schema();
    new IndexUpdater(new LuceneArticleStore(schema, index), ArticlePipeline.bundled(), 1)
        .update(new ArticleFolder(articles));
    searchers = LiveSearchers.open(index, schema);
    service = new SearchService(schema, searchers);
  }

  /** An article of {@code paragraphs} harvest reports, and one about a comet when asked. */
  private static void write(Path dir, String name, String date, int paragraphs, boolean comet)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= paragraphs; i++) {
      body.append("Harvest report ").append(i).append(" of ").append(name).append(".\n\n");
    }
    if (comet) {
      body.append("A comet was seen over the fields.\n");
    }
    Fixtures.write(dir, name, Fixtures.article("Reports " + name, date, body.toString()));
  }

  @AfterAll
  static void close() throws Exception {
    searchers.close();
  }

  private static List<String> timeline(String q, String unit) throws Exception {
    SearchResponse r =
        service.search(service.parser().parse(Map.of("q", List.of(q), "timeline", List.of(unit))));
    return r.timeline().stream().map(p -> p.period() + "=" + p.count()).toList();
  }

  @Test
  void theIndexHasTwoSegmentsBothSortedByDate() throws Exception {
    PassageSearcher searcher = searchers.acquire();
    try {
      assertThat(searcher.getIndexReader().leaves()).hasSize(2);
      assertThat(searcher.periods(0)).isNotNull();
      assertThat(searcher.periods(1)).isNotNull();
    } finally {
      searchers.release(searcher);
    }
  }

  @Test
  void aSearchMatchingMostParagraphsCountsEachYearAcrossSegments() throws Exception {
    assertThat(timeline("harvest", "year")).containsExactly("2012=150", "2013=150", "2014=170");
  }

  @Test
  void aSearchMatchingFewParagraphsCountsEachYear() throws Exception {
    assertThat(timeline("comet", "year")).containsExactly("2012=1", "2014=2");
  }

  @Test
  void monthsSplitAYearThatTwoArticlesShare() throws Exception {
    assertThat(timeline("harvest", "month"))
        .containsExactly("2012-05=150", "2013-08=150", "2014-03=150", "2014-11=20");
    assertThat(timeline("comet", "month")).containsExactly("2012-05=1", "2014-03=1", "2014-11=1");
  }
}
