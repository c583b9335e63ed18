package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.engine.ArticleView;
import dev.passage.engine.Dimension;
import dev.passage.engine.Health;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.SearchResponse;
import dev.passage.engine.SearchResponse.FacetValue;
import dev.passage.engine.SearchResponse.Hit;
import dev.passage.index.Schema;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search on a five-paragraph index whose every count is known. */
class SearchServiceTest {

  @TempDir static Path dir;
  static Fixtures.SearchIndex index;
  static SearchService service;

  @BeforeAll
  static void buildIndex() throws Exception {
    Path articles = dir.resolve("articles");
    Fixtures.write(
        articles,
        "visit.txt",
        Fixtures.article(
            "Wang Yi in Astana",
            "2013-08",
            "Foreign Minister Wang Yi will visit Astana.\n\nTrade turnover in 2012 amounted to $25 billion, and exports grew.\n"));
    Fixtures.write(
        articles,
        "summit.txt",
        Fixtures.article(
            "The CICA summit",
            "2014-03",
            "China will take over the CICA chairmanship from Turkey, a CICA member.\n\n"
                + "The visits and talks of Wang Yi continued in 2013.\n"));
    Fixtures.write(
        articles,
        "energy.txt",
        Fixtures.article(
            "Pipelines",
            "2024",
            "Oil and gas pipelines were discussed in 2023 and 2024 <script>alert(1)</script>.\n"));
    index = Fixtures.searchIndex(articles, dir.resolve("index"));
    service = index.service();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static SearchResponse search(Map<String, List<String>> params) throws Exception {
    return service.search(service.parser().parse(params));
  }

  private static SearchResponse search(String q) throws Exception {
    return service.search(service.parser().query(q));
  }

  private static List<String> counts(List<FacetValue> values) {
    return values.stream()
        .map(v -> v.value() + ":" + v.count() + (v.selected() ? "*" : ""))
        .toList();
  }

  @Test
  void aStemmedFormIsFoundAndMarked() throws Exception {
    SearchResponse r = search("visits");
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.hits())
        .extracting(Hit::snippet)
        .containsExactlyInAnyOrder(
            "Foreign Minister Wang Yi will <mark>visit</mark> Astana.",
            "The <mark>visits</mark> and talks of Wang Yi continued in 2013.");
  }

  @Test
  void aPhraseIsMarkedAsOneSpan() throws Exception {
    SearchResponse r = search("\"CICA chairmanship\"");
    assertThat(r.hits())
        .singleElement()
        .extracting(Hit::snippet)
        .isEqualTo(
            "China will take over the <mark>CICA chairmanship</mark> from Turkey, a CICA member.");
  }

  @Test
  void wordsAreAndedAndEachIsMarked() throws Exception {
    assertThat(search("CICA chairmanship").hits())
        .extracting(Hit::snippet)
        .containsExactly(
            "China will take over the <mark>CICA</mark> <mark>chairmanship</mark> from Turkey, a"
                + " <mark>CICA</mark> member.");
    assertThat(search("CICA trade").total()).isZero();
    assertThat(search("CICA OR trade").total()).isEqualTo(2);
  }

  @Test
  void aHitCarriesItsArticleAndTags() throws Exception {
    Hit hit = search("Astana").hits().getFirst();
    assertThat(hit.id()).isEqualTo("visit#1");
    assertThat(hit.articleId()).isEqualTo("visit");
    assertThat(hit.title()).isEqualTo("Wang Yi in Astana");
    assertThat(hit.date()).isEqualTo("2013-08");
    assertThat(hit.paragraph()).isEqualTo(1);
    assertThat(hit.year()).isEmpty();
    assertThat(hit.person()).containsExactly("Wang Yi");
    assertThat(hit.topic()).containsExactly("diplomacy");
    assertThat(hit.score()).isPositive();
  }

  @Test
  void articleTextIsEscapedSoItCanNeverBecomeMarkup() throws Exception {
    assertThat(search("pipelines").hits().getFirst().snippet())
        .isEqualTo(
            "Oil and gas <mark>pipelines</mark> were discussed in 2023 and 2024"
                + " &lt;script&gt;alert(1)&lt;&#x2F;script&gt;.");
  }

  @Test
  void anEmptyQueryListsEveryParagraphNewestFirstWithAllCounts() throws Exception {
    SearchResponse r = search("");
    assertThat(r.total()).isEqualTo(5);
    assertThat(r.sort()).isEqualTo("newest");
    assertThat(r.hits())
        .extracting(Hit::id)
        .containsExactly("energy#1", "summit#1", "summit#2", "visit#1", "visit#2");
    assertThat(counts(r.facets().year())).containsExactly("2024:1", "2023:1", "2013:1", "2012:1");
    assertThat(counts(r.facets().person())).containsExactly("Wang Yi:2");
    assertThat(counts(r.facets().topic()))
        .containsExactly("diplomacy:2", "energy:1", "multilateral:1", "trade:1");
  }

  @Test
  void choosingAYearKeepsTheOtherYearsCounts() throws Exception {
    SearchResponse r = search(Map.of("year", List.of("2013")));
    assertThat(r.hits()).extracting(Hit::id).containsExactly("summit#2");
    assertThat(counts(r.facets().year())).containsExactly("2024:1", "2023:1", "2013:1*", "2012:1");
    assertThat(counts(r.facets().topic())).containsExactly("diplomacy:1");
  }

  @Test
  void valuesOfOneDimensionAreOredAndDimensionsAnded() throws Exception {
    assertThat(search(Map.of("year", List.of("2013", "2012"))).total()).isEqualTo(2);
    SearchResponse both =
        search(Map.of("year", List.of("2013", "2012"), "topic", List.of("trade")));
    assertThat(both.hits()).extracting(Hit::id).containsExactly("visit#2");
    // Each selected dimension is counted without its own selection, with the others applied.
    assertThat(counts(both.facets().year())).containsExactly("2013:0*", "2012:1*");
    assertThat(counts(both.facets().topic())).containsExactly("diplomacy:1", "trade:1*");
  }

  @Test
  void searchesAtOnceGetTheCountsEachGetsAlone() throws Exception {
    // Facet counts reuse arrays between searches; none may see another's counts.
    List<Map<String, List<String>>> requests =
        List.of(
            Map.of(),
            Map.of("q", List.of("wang")),
            Map.of("q", List.of("pipelines")),
            Map.of("year", List.of("2013")),
            Map.of("year", List.of("2013", "2012"), "topic", List.of("trade")));
    List<SearchResponse.FacetCounts> alone = new ArrayList<>();
    for (Map<String, List<String>> request : requests) {
      alone.add(search(request).facets());
    }
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t;
        runs.add(
            pool.submit(() -> {
              for (int i = 0; i < 500; i++) {
                int r = (first + i) % requests.size();
                assertThat(search(requests.get(r)).facets())
                    .as("request " + r)
                    .isEqualTo(alone.get(r));
              }
              return null;
            }));
      }
      for (var run : runs) {
        run.get();
      }
    }
  }

  @Test
  void aSelectedValueBeyondTheTopIsStillListed() throws Exception {
    SearchResponse r = search(Map.of("topic", List.of("trade"), "facetSize", List.of("1")));
    assertThat(counts(r.facets().topic())).containsExactly("diplomacy:2", "trade:1*");
  }

  @Test
  void aSelectedValueNoParagraphHoldsIsListedWithACountOfZero() throws Exception {
    SearchResponse r = search(Map.of("topic", List.of("trade"), "person", List.of("Nobody Atall")));
    assertThat(r.total()).isZero();
    assertThat(counts(r.facets().person())).contains("Nobody Atall:0*");
  }

  @Test
  void pagesFollowEachOther() throws Exception {
    SearchResponse second = search(Map.of("size", List.of("2"), "page", List.of("2")));
    assertThat(second.hits()).extracting(Hit::id).containsExactly("summit#2", "visit#1");
    assertThat(second.total()).isEqualTo(5);
    assertThat(search(Map.of("size", List.of("2"), "page", List.of("9"))).hits()).isEmpty();
  }

  @Test
  void hitsCanBeSortedOldestFirst() throws Exception {
    SearchResponse r = search(Map.of("q", List.of("Wang"), "sort", List.of("oldest")));
    assertThat(r.hits()).extracting(Hit::id).containsExactly("visit#1", "summit#2");
  }

  @Test
  void tagsCanBeSearchedByField() throws Exception {
    assertThat(search("person:\"Wang Yi\"").total()).isEqualTo(2);
    assertThat(search("title:pipelines").total()).isEqualTo(1);
  }

  @Test
  void aSyntaxErrorSaysWhereAndHow() {
    assertThatThrownBy(() -> search("CICA AND ("))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(
            "cannot parse q 'CICA AND (': the query ends too early (is a bracket or a quote left"
                + " open?)");
    assertThatThrownBy(() -> search("CICA )"))
        .hasMessageStartingWith("cannot parse q 'CICA )': unexpected ')' at column 6");
    assertThatThrownBy(() -> search("*isit"))
        .hasMessageStartingWith("a word cannot start with * or ? ('*isit')");
  }

  @Test
  void aPhraseLeftOpenOrATrailingBackslashIsNamedNotReportedAsALexicalError() {
    assertThatThrownBy(() -> search("Astana \"CICA chairmanship"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(
            "cannot parse q 'Astana \"CICA chairmanship': the quote at column 8 opens a phrase"
                + " that is never closed: end it with another \", or put a backslash before the"
                + " quote to search for it. Use AND");
    assertThatThrownBy(() -> search("CICA\\"))
        .hasMessageStartingWith(
            "cannot parse q 'CICA\\': it ends with a backslash, which makes the character after"
                + " it a plain one; write \\\\ to search for a backslash.");
  }

  @Test
  void aColumnAfterAWordWithASlashIsTheColumnAsTyped() {
    assertThatThrownBy(() -> search("Kazakhstan/China )"))
        .hasMessageStartingWith("cannot parse q 'Kazakhstan/China )': unexpected ')' at column 18");
  }

  @Test
  void anUnknownFieldIsNamed() {
    assertThatThrownBy(() -> search("colour:red"))
        .hasMessageStartingWith("unknown field 'colour' in q");
  }

  @Test
  void aLoneStarMatchesEverything() throws Exception {
    assertThat(search("*").total()).isEqualTo(5);
  }

  @Test
  void theArticleViewHasEveryParagraphInOrderWithReasonsOnRequest() throws Exception {
    ArticleView article = service.article("summit", true).orElseThrow();
    assertThat(article.title()).isEqualTo("The CICA summit");
    assertThat(article.date()).isEqualTo("2014-03");
    assertThat(article.paragraphs())
        .extracting(ArticleView.Paragraph::paragraph)
        .containsExactly(1, 2);
    assertThat(article.paragraphs().getFirst().organisation())
        .containsExactly("Conference on Interaction and Confidence Building Measures in Asia");
    assertThat(article.paragraphs().getFirst().reasons())
        .anySatisfy(reason -> assertThat(reason.matched()).isEqualTo("CICA"));
    assertThat(service.article("summit", false).orElseThrow().paragraphs().getFirst().reasons())
        .isNull();
    assertThat(service.article("nothing-like-it", false)).isEmpty();
  }

  @Test
  void healthCountsArticlesAndParagraphs() throws Exception {
    Health health = service.health();
    assertThat(health.articles()).isEqualTo(3);
    assertThat(health.paragraphs()).isEqualTo(5);
  }

  @Test
  void dimensionsAreTheFourOfTheApi() {
    assertThat(List.of(Dimension.values()))
        .extracting(Dimension::field)
        .containsExactly("year", "person", "organisation", "topic");
  }

  @Test
  void aSearchThatReachesItsTimeLimitAnswersWithWhatItFoundFlaggedPartial() throws Exception {
    SearchService hurried = new SearchService(new Schema(), index.searchers(), Duration.ZERO);

    SearchResponse hurriedAnswer = hurried.search(hurried.parser().query("CICA"));

    assertThat(hurriedAnswer.partial()).isTrue();
    assertThat(hurriedAnswer.total()).isLessThan(search("CICA").total());
    assertThat(search("CICA").partial()).isFalse();
  }
}
