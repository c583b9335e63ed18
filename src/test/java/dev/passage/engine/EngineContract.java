package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.engine.SearchResponse.FacetValue;
import dev.passage.engine.SearchResponse.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every engine must answer alike on the five seed articles: hits, totals, facet counts,
 * snippets, the article view and health, pinned exactly. Each engine runs it through a subclass
 * that builds the seed index its own way; scores are not compared, and hit orders are pinned only
 * where ties are broken by the defined order (newest, then article id, then paragraph).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineContract {

  static final String FIRST = "000_c3b115836f1d2521";
  static final String SECOND = "001_4c331c42e6f04ea6";
  static final String THIRD = "002_89bf8cead1161fd8";
  static final String FOURTH = "003_0e5463e51e88c47b";
  static final String NEWEST = "004_fd3b26c682193b6e";

  /** The engine under test, holding the seed articles. */
  abstract SearchEngine engine();

  SearchResponse search(String... nameValuePairs) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      params.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return engine().search(engine().parse(params));
  }

  static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  static List<String> counts(List<FacetValue> values) {
    return values.stream()
        .map(v -> v.value() + "=" + v.count() + (v.selected() ? " (selected)" : ""))
        .toList();
  }

  @Test
  void cicaChairmanshipFindsTheTwoParagraphsThatAnswerItWithTheirBestSentenceMarked()
      throws Exception {
    SearchResponse r = search("q", "CICA chairmanship");

    assertThat(r.total()).isEqualTo(2);
    assertThat(ids(r)).containsExactly(SECOND + "#8", FIRST + "#8");
    assertThat(r.hits().get(0).snippet())
        .isEqualTo(
            "During the summit, scheduled for May 20-21, China will take over the"
                + " <mark>chairmanship</mark> of <mark>CICA</mark> from Turkey.");
    assertThat(r.hits().get(1).snippet())
        .isEqualTo(
            "Kazakhstan supported China in taking over the <mark>CICA</mark>"
                + " <mark>chairmanship</mark> in 2014.");
    assertThat(counts(r.facets().year())).containsExactly("2014=2");
    assertThat(counts(r.facets().topic())).containsExactly("multilateral=2", "diplomacy=1");
    assertThat(r.partial()).isFalse();
  }

  @Test
  void browsingWithoutAQueryListsEveryParagraphNewestFirstWithTheArchivesCounts() throws Exception {
    SearchResponse r = search("q", "", "size", "3", "facetSize", "4");

    assertThat(r.total()).isEqualTo(58);
    assertThat(ids(r)).containsExactly(NEWEST + "#1", NEWEST + "#2", NEWEST + "#3");
    // Only paragraphs that state a year, or a date read against their article's, have one.
    assertThat(counts(r.facets().year()))
        .containsExactly(
            "2024=1", "2023=1", "2022=1", "2020=1", "2016=1", "2015=1", "2014=8", "2013=9",
            "2012=1", "2005=1");
    assertThat(counts(r.facets().person()))
        .containsExactly(
            "Erlan Idrissov=12", "Wang Yi=9", "Xi Jinping=8", "Nursultan Nazarbayev=6");
    assertThat(counts(r.facets().organisation()))
        .containsExactly(
            "Conference on Interaction and Confidence Building Measures in Asia=7",
            "Shanghai Cooperation Organisation=7",
            "Mazhilis=3",
            "China Institute of International Studies=2");
    assertThat(counts(r.facets().topic()))
        .containsExactly("diplomacy=36", "multilateral=8", "culture=7", "energy=7");
  }

  @Test
  void aSelectedYearNarrowsTheHitsButCountsItsOwnDimensionAsIfUnselected() throws Exception {
    SearchResponse r = search("q", "Nazarbayev", "year", "2013", "facetSize", "3");

    assertThat(r.total()).isEqualTo(3);
    assertThat(ids(r)).containsExactly(FOURTH + "#3", FIRST + "#2", FIRST + "#5");
    assertThat(counts(r.facets().year())).containsExactly("2014=1", "2013=3 (selected)");
    assertThat(counts(r.facets().person()))
        .containsExactly("Nursultan Nazarbayev=3", "Xi Jinping=3", "Nurlan Nigmatulin=2");
    assertThat(r.filters()).containsExactly(Map.entry("year", List.of("2013")));
  }

  @Test
  void valuesOfOneDimensionAreOredAndDimensionsAnded() throws Exception {
    SearchResponse people =
        search("q", "Silk Road", "person", "Xi Jinping", "person", "Nursultan Nazarbayev");
    assertThat(ids(people)).containsExactly(FOURTH + "#3");

    SearchResponse r = search("q", "china", "topic", "diplomacy", "year", "2013", "facetSize", "2");
    assertThat(r.total()).isEqualTo(5);
    assertThat(ids(r))
        .containsExactly(FIRST + "#5", FIRST + "#1", THIRD + "#2", THIRD + "#1", FOURTH + "#3");
    assertThat(counts(r.facets().topic())).containsExactly("diplomacy=5 (selected)", "culture=1");
    assertThat(counts(r.facets().year()))
        .containsExactly(
            "2024=1", "2022=1", "2020=1", "2015=1", "2014=4", "2013=5 (selected)", "2012=1");
  }

  @Test
  void aSelectedValueBelowTheTopIsStillListedWithItsCount() throws Exception {
    SearchResponse r = search("q", "", "person", "Wang Yi", "facetSize", "1");

    assertThat(r.total()).isEqualTo(9);
    assertThat(counts(r.facets().person()))
        .containsExactly("Erlan Idrissov=12", "Wang Yi=9 (selected)");
  }

  @Test
  void patternsFuzzyTermsPhrasesFieldsAndNegationsMatchWhatTheEmbeddedEngineMatches()
      throws Exception {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String q :
        List.of(
            "cooperation*",
            "Nazarbaev~",
            "NOT Kazakhstan",
            "person:\"Xi Jinping\"",
            "\"Silk Road\"",
            "\"chairmanship of CICA\"",
            "title:astana",
            "energy OR oil",
            "Kazakh* AND china",
            "/agricultur[a-z]+/")) {
      totals.put(q, search("q", q).total());
    }
    assertThat(totals)
        .containsExactly(
            Map.entry("cooperation*", 26L),
            Map.entry("Nazarbaev~", 5L),
            Map.entry("NOT Kazakhstan", 21L),
            Map.entry("person:\"Xi Jinping\"", 8L),
            Map.entry("\"Silk Road\"", 1L),
            Map.entry("\"chairmanship of CICA\"", 1L),
            Map.entry("title:astana", 0L),
            Map.entry("energy OR oil", totals.get("energy OR oil")),
            Map.entry("Kazakh* AND china", totals.get("Kazakh* AND china")),
            Map.entry("/agricultur[a-z]+/", totals.get("/agricultur[a-z]+/")));
  }

  @Test
  void filterValuesTakeAnyAliasOrCaseTheIndexOrTheNamesKnow() throws Exception {
    assertThat(search("person", "xi jingpin").total()).isEqualTo(8);
    assertThat(search("person", "erlan idrissov").filters())
        .containsExactly(Map.entry("person", List.of("Erlan Idrissov")));
    assertThat(search("organisation", "SCO").total())
        .isEqualTo(search("organisation", "Shanghai Cooperation Organisation").total())
        .isEqualTo(7);
    assertThat(search("q", "organisation:SCO").total()).isEqualTo(7);
    assertThat(search("topic", "Water").total()).isEqualTo(search("topic", "water").total());
  }

  @Test
  void anUnknownFilterValueFindsNothingAndTheAnswerNamesTheNearestKnownValues() throws Exception {
    SearchResponse r = search("person", "Nazarbeyev", "topic", "Waters");

    assertThat(r.total()).isZero();
    assertThat(r.warnings()).hasSize(2);
    SearchResponse.Warning person = r.warnings().get(0);
    assertThat(person.parameter()).isEqualTo("person");
    assertThat(person.value()).isEqualTo("Nazarbeyev");
    assertThat(person.nearest().getFirst()).isEqualTo("Nursultan Nazarbayev");
    assertThat(person.message())
        .startsWith(
            "no paragraph is tagged person 'Nazarbeyev', so this filter matches nothing; the"
                + " nearest person values are 'Nursultan Nazarbayev', ");
    assertThat(r.warnings().get(1).nearest().getFirst()).isEqualTo("water");
    assertThat(search("q", "CICA").warnings()).isEmpty();
  }

  @Test
  void aPatternsHitsAreRankedByTheWordsTheyMatch() throws Exception {
    assertThat(ids(search("q", "cooperation*", "size", "5")))
        .containsExactly(
            SECOND + "#3", FOURTH + "#5", "002_89bf8cead1161fd8#15", FIRST + "#6", SECOND + "#13");
    assertThat(ids(search("q", "/strateg[a-z]+/", "size", "3")))
        .containsExactly(SECOND + "#14", FIRST + "#1", SECOND + "#13");
  }

  @Test
  void aPatternMarksTheWordsItMatchedInEverySnippet() throws Exception {
    SearchResponse r = search("q", "cooperation*");

    assertThat(r.hits()).isNotEmpty();
    assertThat(r.hits())
        .allSatisfy(h -> assertThat(h.snippet()).containsIgnoringCase("<mark>cooperation"));
  }

  @Test
  void oldestFirstBeginsWithTheEarliestArticleInParagraphOrder() throws Exception {
    SearchResponse r = search("q", "", "sort", "oldest", "size", "3");

    assertThat(ids(r)).containsExactly(FIRST + "#1", FIRST + "#2", FIRST + "#3");
    assertThat(r.sort()).isEqualTo("oldest");
  }

  @Test
  void pagesWalkThroughTheHitsAndAPageBeyondThemIsEmptyButStillCountsThem() throws Exception {
    assertThat(ids(search("q", "CICA chairmanship", "size", "1", "page", "2")))
        .containsExactly(FIRST + "#8");
    SearchResponse beyond = search("q", "CICA chairmanship", "size", "1", "page", "3");
    assertThat(beyond.hits()).isEmpty();
    assertThat(beyond.total()).isEqualTo(2);
  }

  @Test
  void snippetsAreHtmlEscapedSoArticleTextNeverBecomesMarkup() throws Exception {
    SearchResponse r = search("q", "comprehensive strategic partnership", "year", "2013");

    assertThat(r.hits().getFirst().snippet())
        .isEqualTo(
            "In 2013, the <mark>comprehensive</mark> <mark>strategic</mark>"
                + " <mark>partnership</mark> between the People&#x27;s Republic of China and the"
                + " Republic of Kazakhstan continued to deepen.");
  }

  @Test
  void theArticleViewHoldsEveryParagraphInOrderWithItsTags() throws Exception {
    ArticleView article = engine().article(FIRST, false).orElseThrow();

    assertThat(article.title())
        .isEqualTo("Kazakhstan supported China in taking over the CICA chairmanship in 2014");
    assertThat(article.date()).isEqualTo("2013");
    assertThat(article.paragraphs())
        .extracting(ArticleView.Paragraph::paragraph)
        .isEqualTo(
            java.util.stream.IntStream.rangeClosed(1, article.paragraphs().size())
                .boxed()
                .toList());
    assertThat(article.paragraphs().get(7).organisation())
        .contains("Conference on Interaction and Confidence Building Measures in Asia");
    assertThat(engine().article("no-such-article", false)).isEmpty();
    assertThat(engine().hasArticle(FIRST)).isTrue();
    assertThat(engine().hasArticle("no-such-article")).isFalse();
  }

  @Test
  void theArticleViewExplainsWhyEachTagWasGivenWhenAsked() throws Exception {
    ArticleView article = engine().article(SECOND, true).orElseThrow();

    assertThat(article.paragraphs().get(7).reasons()).isNotEmpty();
    assertThat(engine().article(SECOND, false).orElseThrow().paragraphs().get(7).reasons())
        .isNull();
  }

  @Test
  void healthCountsTheArticlesAndParagraphsItServes() throws Exception {
    Health health = engine().health();

    assertThat(health.status()).isEqualTo("ok");
    assertThat(health.articles()).isEqualTo(5);
    assertThat(health.paragraphs()).isEqualTo(58);
    assertThat(health.builtAt()).isNotBlank();
  }

  @Test
  void aMalformedQueryIsRefusedBeforeTheEngineSeesIt() {
    assertThatThrownBy(() -> search("q", "\"chairmanship of"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("q");
    assertThatThrownBy(() -> search("q", "CICA", "size", "1000"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("size must be a whole number from 1 to 100");
  }
}
