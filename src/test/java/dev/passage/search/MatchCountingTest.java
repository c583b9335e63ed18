package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse;
import dev.passage.engine.TimelineUnit;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LuceneArticleStore;
import dev.passage.index.ParagraphDocuments;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.Schema;
import dev.passage.ingest.ArticleFolder;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting the matches while they are collected gives what counting them from Lucene's set of
 * matches gives: the same total, facet counts and timeline, on an index of several segments, on one
 * thread and with the segments split into parts searched on several.
 */
class MatchCountingTest {

  private static final String[] PEOPLE = {
    "Nursultan Nazarbayev", "Xi Jinping", "Kassym-Jomart Tokayev", "Vladimir Putin"
  };
  private static final String[] WORDS = {"oil", "pipeline", "trade", "harvest", "border", "bank"};

  @TempDir static Path dir;
  static LiveSearchers searchers;
  static SearchService service;
  static ExecutorService threads;

  @BeforeAll
  static void buildSeveralSegments() throws Exception {
    Random random = new Random(20261205);
    Path articles = dir.resolve("articles");
    for (int a = 0; a < 40; a++) {
      writeArticle(articles, "a" + a, random);
    }
    Path index = dir.resolve("index");
    Fixtures.build(articles, index);
    for (int a = 40; a < 60; a++) {
      writeArticle(articles, "b" + a, random);
    }
    Schema schema = new Schema();
    new IndexUpdater(new LuceneArticleStore(schema, index), ArticlePipeline.bundled(), 1)
        .update(new ArticleFolder(articles));
    searchers = LiveSearchers.open(index, schema);
    service = new SearchService(schema, searchers);
    threads = Executors.newFixedThreadPool(3);
  }

  /** An article of a few paragraphs naming people, years and common words, dated 2001-2020. */
  private static void writeArticle(Path dir, String name, Random random) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int p = 1 + random.nextInt(6); p > 0; p--) {
      body.append("In ").append(1990 + random.nextInt(30)).append(", ");
      body.append(PEOPLE[random.nextInt(PEOPLE.length)]).append(" spoke of the ");
      body.append(WORDS[random.nextInt(WORDS.length)]).append(" and the ");
      body.append(WORDS[random.nextInt(WORDS.length)]).append(".\n\n");
    }
    String date = (2001 + random.nextInt(20)) + "-0" + (1 + random.nextInt(9));
    Fixtures.write(dir, name + ".txt", Fixtures.article("Report " + name, date, body.toString()));
  }

  @AfterAll
  static void close() throws Exception {
    threads.shutdownNow();
    searchers.close();
  }

  @Test
  void countsEqualThoseOfTheSetOfMatchesOnOneThreadAndOnSeveral() throws Exception {
    PassageSearcher shared = searchers.acquire();
    try {
      assertThat(shared.getIndexReader().leaves()).hasSizeGreaterThan(1);
      PassageSearcher one = shared.withTimeout(new QueryTimeoutImpl(-1));
      PassageSearcher several = shared.withTimeout(new QueryTimeoutImpl(-1), threads, 10);
      assertThat(several.getSlices().length)
          .as("segments split into parts")
          .isGreaterThan(shared.getIndexReader().leaves().size());
      int compared = 0;
      for (String q : new String[] {"oil", "oil pipeline", "spoke", "nazarbayev", "zebra"}) {
        for (String unit : new String[] {"year", "month"}) {
          SearchRequest request =
              service.parser().parse(Map.of("q", List.of(q), "timeline", List.of(unit)));
          Query query = service.parser().luceneQuery(request);
          String expected = fromSetOfMatches(one, query, request);
          assertThat(whileCollecting(one, query, request)).as(q + " " + unit).isEqualTo(expected);
          assertThat(whileCollecting(several, query, request))
              .as(q + " " + unit + " in parts")
              .isEqualTo(expected);
          compared++;
        }
      }
      assertThat(compared).isEqualTo(10);
    } finally {
      searchers.release(shared);
    }
  }

  @Test
  void theServiceAnswersAsTheSetOfMatchesCounts() throws Exception {
    SearchRequest request =
        service.parser().parse(Map.of("q", List.of("spoke"), "timeline", List.of("year")));
    SearchResponse response = service.search(request);
    PassageSearcher shared = searchers.acquire();
    try {
      Query query = service.parser().luceneQuery(request);
      assertThat(describe(response.total(), response.facets(), response.timeline()))
          .isEqualTo(
              fromSetOfMatches(shared.withTimeout(new QueryTimeoutImpl(-1)), query, request));
      assertThat(response.total()).isGreaterThan(60);
      assertThat(response.facets().person()).isNotEmpty();
      assertThat(response.timeline()).hasSizeGreaterThan(5);
    } finally {
      searchers.release(shared);
    }
  }

  @Test
  void aServiceThatSplitsTheIndexAnswersAsOneThatDoesNot() throws Exception {
    // The service splits only while fewer searches run than cores: one search at a time here.
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs two cores or more");
    Schema schema = new Schema();
    try (LiveSearchers splitting =
        LiveSearchers.open(FSDirectory.open(dir.resolve("index")), schema, 0, 10)) {
      SearchService split = new SearchService(schema, splitting);
      PassageSearcher shared = splitting.acquire();
      try {
        PassageSearcher widened = splitting.widened(shared, new QueryTimeoutImpl(-1));
        assertThat(widened).as("a search alone on the index is split").isNotNull();
        assertThat(widened.getSlices().length).isGreaterThan(1);
      } finally {
        splitting.release(shared);
      }
      for (String q : new String[] {"oil", "oil pipeline", "spoke", "nazarbayev", "zebra"}) {
        for (String sort : new String[] {"relevance", "newest"}) {
          SearchRequest request =
              service.parser().parse(Map.of("q", List.of(q), "sort", List.of(sort)));
          SearchResponse one = service.search(request);
          SearchResponse parts = split.search(request);
          assertThat(describe(parts.total(), parts.facets(), parts.timeline()))
              .as(q + " " + sort)
              .isEqualTo(describe(one.total(), one.facets(), one.timeline()));
          assertThat(parts.hits().stream().map(SearchResponse.Hit::id).toList())
              .as(q + " " + sort + ": the page")
              .isEqualTo(one.hits().stream().map(SearchResponse.Hit::id).toList());
          assertThat(parts.partial()).isFalse();
        }
      }
    }
  }

  @Test
  void aSegmentNotSortedByDateIsCountedFromItsDatesAlike() throws Exception {
    Schema schema = new Schema();
    try (Directory directory = new ByteBuffersDirectory()) {
      // The seed articles in one segment written without the index sort: no date runs to count by.
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(schema.analyzer()))) {
        ParagraphDocuments documents = new ParagraphDocuments(schema);
        for (ProcessedArticle article : Fixtures.seedArticles()) {
          writer.addDocuments(documents.build(article, null));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        PassageSearcher searcher =
            PassageSearcher.open(
                reader, schema, new SegmentOrdinals.Cache(), new SegmentPeriods.Cache());
        assertThat(searcher.periods(0)).as("no date runs").isNull();
        for (String unit : new String[] {"year", "month"}) {
          SearchRequest request =
              service.parser().parse(Map.of("q", List.of("china"), "timeline", List.of(unit)));
          Query query = service.parser().luceneQuery(request);
          String counted = whileCollecting(searcher, query, request);
          assertThat(counted).isEqualTo(fromSetOfMatches(searcher, query, request));
          assertThat(counted).as("dated matches counted").contains("Period[period=20");
        }
      }
    }
  }

  private static String whileCollecting(
      PassageSearcher searcher, Query query, SearchRequest request) throws Exception {
    List<TouchedFacetCounts> counted = new ArrayList<>();
    try {
      MatchCounting.Counter counter =
          searcher.search(query, new MatchCounting(searcher, request.timeline(), counted));
      return describe(
          counter.hits(), FacetCounter.counts(counter.facets(), request), counter.timeline());
    } finally {
      counted.forEach(TouchedFacetCounts::release);
    }
  }

  /** The counts as the search made them before: from Lucene's set of matches. */
  private static String fromSetOfMatches(
      PassageSearcher searcher, Query query, SearchRequest request) throws Exception {
    FacetsCollector matching =
        FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager())
            .facetsCollector();
    TouchedFacetCounts counts = new TouchedFacetCounts(searcher.facets(), matching);
    try {
      long total = 0;
      for (FacetsCollector.MatchingDocs docs : matching.getMatchingDocs()) {
        total += docs.totalHits();
      }
      TimelineUnit unit = request.timeline();
      return describe(
          total,
          FacetCounter.counts(counts, request),
          TimelineCounter.count(matching, unit, searcher));
    } finally {
      counts.release();
    }
  }

  private static String describe(
      long total, SearchResponse.FacetCounts facets, List<SearchResponse.Period> timeline) {
    return total + " matches; " + facets + "; " + timeline;
  }
}
