package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.engine.SearchResponse.FacetValue;
import dev.passage.engine.SearchResponse.Hit;
import java.time.Duration;
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

  /**
   * An engine whose searches stop collecting after {@code limit}, over paragraphs enough that one
   * given no time runs out of it: the seed articles, and on an engine that reads its clock only
   * between blocks of paragraphs, as many more as that takes.
   */
  abstract SearchEngine engine(Duration limit) throws Exception;

  /** The engine under test, holding {@link dev.passage.testing.Fixtures#titlePhraseArticles}. */
  abstract SearchEngine phraseEngine();

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
  void aSearchGivenNoTimeAnswersPartialWithFewerCountedAndOneInTimeAnswersComplete()
      throws Exception {
    assertRunsOutOfTime(Map.of("q", List.of("")));
  }

  @Test
  void aFilteredSearchGivenNoTimeAnswersPartialWithFewerCountedToo() throws Exception {
    assertRunsOutOfTime(Map.of("q", List.of(""), "year", List.of("2013")));
  }

  /**
   * The counts say what was searched; the total may not: OpenSearch counts every paragraph of a
   * query as simple as this one without searching them.
   */
  private void assertRunsOutOfTime(Map<String, List<String>> params) throws Exception {
    SearchEngine inTime = engine(SearchEngine.DEFAULT_TIME_LIMIT);
    SearchEngine hurried = engine(Duration.ZERO);

    SearchResponse complete = inTime.search(inTime.parse(params));
    SearchResponse partial = hurried.search(hurried.parse(params));

    assertThat(complete.partial()).isFalse();
    assertThat(partial.partial()).isTrue();
    assertThat(countOf2013(partial)).isLessThan(countOf2013(complete));
  }

  private static int countOf2013(SearchResponse r) {
    return r.facets().year().stream()
        .filter(v -> v.value().equals("2013"))
        .mapToInt(FacetValue::count)
        .sum();
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
        .containsExactly("diplomacy=38", "multilateral=9", "culture=7", "trade=6");
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
  void aWordWithASlashFindsThePhraseOfItsPartsAndTheArticleMarksItAsOneSpan() throws Exception {
    assertThat(ids(search("q", "Kazakhstan/China"))).containsExactly(FOURTH + "#2");
    assertThat(search("q", "-Kazakhstan/China").total()).isEqualTo(57);
    assertThat(marked(article(FOURTH, "q", "Kazakhstan/China"), "Both countries also signed"))
        .contains("in promoting <mark>Kazakhstan-China</mark> extraordinary relations.");
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

  ArticleView article(String id, String... nameValuePairs) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      params.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
    }
    return engine().article(engine().parseArticle(id, params)).orElseThrow();
  }

  static String marked(ArticleView article, String start) {
    return article.paragraphs().stream()
        .filter(p -> p.text().startsWith(start))
        .findFirst()
        .orElseThrow()
        .marked();
  }

  @Test
  void theArticleOpenedFromASearchMarksItsWordsStemsAndPhrasesAndNotTheWordsItExcludes()
      throws Exception {
    ArticleView visits = article(SECOND, "q", "visits -china");
    assertThat(marked(visits, "The focus of talks"))
        .isEqualTo(
            "The focus of talks between Idrissov and his Chinese counterpart was the organization"
                + " of the upcoming state <mark>visit</mark> of President Nazarbayev to China and"
                + " his participation at the CICA Summit in Shanghai.");
    assertThat(marked(visits, "Idrissov visited"))
        .startsWith("Idrissov <mark>visited</mark> on the invitation of Foreign Minister Wang Yi.");
    assertThat(marked(article(FIRST, "q", "\"strategic partnerships\""), "In 2013"))
        .isEqualTo(
            "In 2013, the comprehensive <mark>strategic partnership</mark> between the"
                + " People&#x27;s Republic of China and the Republic of Kazakhstan continued to"
                + " deepen.");
  }

  @Test
  void theArticleOpenedWithoutAQueryIsUnmarked() throws Exception {
    ArticleView plain = article(FIRST);

    assertThat(plain).isEqualTo(engine().article(FIRST, false).orElseThrow());
    assertThat(plain.paragraphs()).allSatisfy(p -> assertThat(p.marked()).isNull());
    assertThat(article(FIRST, "q", "  ")).isEqualTo(plain);
    assertThatThrownBy(() -> article(FIRST, "q", "\"strategic"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> article(FIRST, "explain", "maybe"))
        .hasMessage("explain must be true or false");
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

  private int paragraphsOf(String id) {
    try {
      return engine().article(id, false).orElseThrow().paragraphs().size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> timeline(SearchResponse r) {
    return r.timeline().stream().map(p -> p.period() + "=" + p.count()).toList();
  }

  @Test
  void theTimelineCountsEveryParagraphByItsArticlesYearOrMonthOldestFirst() throws Exception {
    assertThat(timeline(search("q", "")))
        .containsExactly("2013=25", "2014=16", "2022=6", "2024=11");
    // The seed articles are dated 2013, 2013-08, 2014-03, 2022-09 and 2024-05-20.
    assertThat(
            List.of(FIRST, "002_89bf8cead1161fd8", SECOND, FOURTH, NEWEST).stream()
                .map(id -> paragraphsOf(id))
                .toList())
        .containsExactly(8, 17, 16, 6, 11);
    assertThat(timeline(search("q", "", "timeline", "month")))
        .containsExactly("2013=8", "2013-08=17", "2014-03=16", "2022-09=6", "2024-05=11");
  }

  @Test
  void theTimelineCountsOnlyTheHitsOfTheQueryAndItsFilters() throws Exception {
    assertThat(timeline(search("q", "CICA chairmanship"))).containsExactly("2013=1", "2014=1");
    // The year filter keeps the paragraphs that state 2013, not every paragraph of a 2013 article.
    assertThat(timeline(search("q", "china", "topic", "energy", "year", "2013")))
        .containsExactly("2013=1");
    assertThat(timeline(search("q", "xylophone"))).isEmpty();
  }

  @Test
  void fromAndToKeepToArticlesPublishedBetweenThemBothInclusive() throws Exception {
    SearchResponse r = search("q", "", "from", "2014", "to", "2022", "size", "1");

    assertThat(r.total()).isEqualTo(22);
    assertThat(timeline(r)).containsExactly("2014=16", "2022=6");
    assertThat(ids(r)).containsExactly(FOURTH + "#1");
    assertThat(r.from()).isEqualTo("2014");
    assertThat(r.to()).isEqualTo("2022");
    assertThat(search("q", "", "to", "2013").total()).isEqualTo(25);
    assertThat(search("q", "", "from", "2024-05-20", "to", "2024-05-20").total()).isEqualTo(11);
    assertThat(search("q", "", "from", "2024-05-21").total()).isZero();
  }

  @Test
  void anArticleDatedOnlyToTheYearOrMonthCountsAsItsFirstDay() throws Exception {
    assertThat(timeline(search("q", "", "from", "2013-08", "timeline", "month")))
        .containsExactly("2013-08=17", "2014-03=16", "2022-09=6", "2024-05=11");
    assertThat(timeline(search("q", "", "to", "2013-08", "timeline", "month")))
        .containsExactly("2013=8", "2013-08=17");
    assertThat(search("q", "", "from", "2014-03-01").total()).isEqualTo(33);
    assertThat(search("q", "", "from", "2014-03-02").total()).isEqualTo(17);
    assertThat(search("q", "", "from", "2013-01-01").total()).isEqualTo(58);
    assertThat(search("q", "", "to", "2014-03-31").total()).isEqualTo(41);
  }

  @Test
  void datesNarrowTheFacetCountsAndTheQuerysHits() throws Exception {
    SearchResponse r = search("q", "Nazarbayev", "from", "2014", "to", "2014-12", "facetSize", "2");

    assertThat(ids(r)).containsExactly(SECOND + "#7", SECOND + "#2", SECOND + "#4");
    // Of the three, one paragraph states a year (2014); the others carry none.
    assertThat(counts(r.facets().year())).containsExactly("2014=1");
    assertThat(counts(r.facets().person()))
        .containsExactly("Nursultan Nazarbayev=3", "Erlan Idrissov=2");
  }

  @Test
  void aDateThatIsNoDateOrARangeBackwardsIsRefused() {
    assertThatThrownBy(() -> search("from", "2013-13"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "from must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08;"
                + " '2013-13' is no such date");
    assertThatThrownBy(() -> search("to", "last year"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "to must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08, not 'last"
                + " year'");
    assertThatThrownBy(() -> search("from", "2015", "to", "2013"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("from (2015) is after to (2013); give the earlier date as from");
    assertThatThrownBy(() -> search("timeline", "week"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("timeline must be year or month, not 'week'");
  }

  static List<String> groups(SearchResponse r) {
    return r.groups().stream()
        .map(g ->
            g.articleId()
                + " "
                + g.total()
                + " "
                + g.hits().stream().map(h -> "#" + h.paragraph()).toList())
        .toList();
  }

  @Test
  void groupedByArticleEachResultIsAnArticleWithItsBestParagraphsAndBothTotalsAreExact()
      throws Exception {
    SearchResponse r = search("q", "CICA", "group", "article");

    assertThat(r.total()).isEqualTo(7);
    assertThat(r.totalArticles()).isEqualTo(4);
    assertThat(r.group()).isEqualTo("article");
    assertThat(r.hits()).isEmpty();
    // Articles in the order of their best paragraph, as the paragraphs are ranked ungrouped.
    assertThat(ids(search("q", "CICA")))
        .startsWith(FIRST + "#8", SECOND + "#7", SECOND + "#3", NEWEST + "#9");
    assertThat(groups(r))
        .containsExactly(
            FIRST + " 1 [#8]",
            SECOND + " 4 [#7, #3, #8]",
            NEWEST + " 1 [#9]",
            "002_89bf8cead1161fd8 1 [#15]");
    SearchResponse.Group cica = r.groups().get(1);
    assertThat(cica.title()).startsWith("Kazakhstan Foreign Minister Erlan Idrissov met with");
    assertThat(cica.date()).isEqualTo("2014-03");
    assertThat(cica.hits().get(2).snippet())
        .isEqualTo(
            "During the summit, scheduled for May 20-21, China will take over the chairmanship of"
                + " <mark>CICA</mark> from Turkey.");
  }

  @Test
  void groupedByArticleWithoutAQueryListsTheNewestArticlesWithTheirFirstParagraphs()
      throws Exception {
    SearchResponse r = search("q", "", "group", "article", "size", "2");

    assertThat(r.total()).isEqualTo(58);
    assertThat(r.totalArticles()).isEqualTo(5);
    assertThat(groups(r)).containsExactly(NEWEST + " 11 [#1, #2, #3]", FOURTH + " 6 [#1, #2, #3]");
    assertThat(r.groups().getFirst().date()).isEqualTo("2024-05-20");
    assertThat(groups(search("q", "", "group", "article", "size", "2", "page", "3")))
        .containsExactly(FIRST + " 8 [#1, #2, #3]");
    assertThat(groups(search("q", "", "group", "article", "sort", "oldest", "size", "1")))
        .containsExactly(FIRST + " 8 [#1, #2, #3]");
  }

  @Test
  void groupedByArticleTheFiltersAndDatesApplyAndTheFacetsStillCountParagraphs() throws Exception {
    SearchResponse r =
        search(
            "q", "", "person", "Xi Jinping", "from", "2014", "group", "article", "facetSize", "2");

    assertThat(r.total()).isEqualTo(4);
    assertThat(r.totalArticles()).isEqualTo(2);
    assertThat(groups(r)).containsExactly(FOURTH + " 3 [#1, #2, #3]", SECOND + " 1 [#4]");
    assertThat(counts(r.facets().person()))
        .containsExactly("Erlan Idrissov=7", "Wang Yi=5", "Xi Jinping=4 (selected)");
    assertThat(timeline(r)).containsExactly("2014=1", "2022=3");
    assertThat(search("q", "xylophone", "group", "article").groups()).isEmpty();
    assertThat(search("q", "xylophone", "group", "article").totalArticles()).isZero();
  }

  @Test
  void aSearchOfParagraphsCountsNoArticles() throws Exception {
    SearchResponse r = search("q", "CICA");

    assertThat(r.group()).isEqualTo("paragraph");
    assertThat(r.groups()).isNull();
    assertThat(r.totalArticles()).isNull();
    assertThatThrownBy(() -> search("group", "site"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("group must be paragraph or article, not 'site'");
  }

  @Test
  void aDownloadHoldsEveryHitOfTheSearchInOneAnswer() throws Exception {
    SearchResponse r = search("q", "", "format", "jsonl");

    assertThat(r.hits()).hasSize(58);
    assertThat(ids(r)).startsWith(NEWEST + "#1").endsWith(FIRST + "#8");
    assertThat(search("q", "china", "format", "csv", "from", "2022").hits())
        .allSatisfy(h -> assertThat(h.date()).startsWith("202"))
        .hasSize((int) search("q", "china", "from", "2022").total());
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

  List<String> suggested(String prefix, String... more) throws Exception {
    return suggested(engine(), prefix, more);
  }

  static List<String> suggested(SearchEngine engine, String prefix, String... more)
      throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("q", List.of(prefix));
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], List.of(more[i + 1]));
    }
    SuggestResponse r = engine.suggest(engine.parseSuggest(params));
    assertThat(r.query()).isEqualTo(prefix.strip());
    return r.suggestions().stream()
        .peek(s -> assertThat(s.value()).isEqualTo(s.text()))
        .map(s -> s.kind() + ":" + s.text())
        .toList();
  }

  @Test
  void aMisspelledSurnameSuggestsThePersonAndTheOrganisationNamedAfterHim() throws Exception {
    assertThat(suggested("nazarbaev"))
        .containsExactly("person:Nursultan Nazarbayev", "organisation:Nazarbayev University");
  }

  @Test
  void anAliasInAnyCaseSuggestsTheCanonicalName() throws Exception {
    assertThat(suggested("sco")).containsExactly("organisation:Shanghai Cooperation Organisation");
    assertThat(suggested("SCO")).isEqualTo(suggested("sco"));
    assertThat(suggested("cica"))
        .containsExactly(
            "organisation:Conference on Interaction and Confidence Building Measures in Asia");
  }

  @Test
  void valuesCompletedAsTypedComeBeforeThoseFoundByForgivingATypo() throws Exception {
    assertThat(suggested("wat")).containsExactly("topic:water", "person:Wang Yi");
    assertThat(suggested("201", "size", "3"))
        .containsExactly("year:2013", "year:2014", "year:2012");
  }

  @Test
  void aPhraseInTheTitlesOfTwoArticlesCompletesAQueryTypoForgiven() throws Exception {
    assertThat(suggested(phraseEngine(), "oil prises")).containsExactly("query:oil prices");
    // Completed as typed, before a name found by forgiving a typo ("trade o").
    assertThat(suggested(phraseEngine(), "trade d"))
        .containsExactly("query:trade deficit", "organisation:World Trade Organization");
    // In one title only, or ending in a stop word or a number: no phrase.
    assertThat(suggested(phraseEngine(), "japan t")).isEmpty();
    assertThat(suggested(phraseEngine(), "deficit w")).isEmpty();
  }

  @Test
  void aNameComesBeforeAPhraseAndAPhraseThatIsOnlyANameIsLeftToTheName() throws Exception {
    assertThat(suggested(phraseEngine(), "trade"))
        .containsExactly(
            "topic:trade", "organisation:World Trade Organization", "query:trade deficit");
    assertThat(suggested(phraseEngine(), "trade", "size", "2"))
        .containsExactly("topic:trade", "organisation:World Trade Organization");
    assertThat(suggested(phraseEngine(), "bank of j"))
        .containsExactly("organisation:Bank of Japan");
  }

  @Test
  void nothingTypedSuggestsNothingAndBadParametersSayWhatToFix() throws Exception {
    assertThat(suggested("  ")).isEmpty();
    assertThatThrownBy(() -> engine().parseSuggest(Map.of("q", List.of("x"), "size", List.of("0"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("size must be a whole number from 1 to 20, not 0");
    assertThatThrownBy(() -> engine().parseSuggest(Map.of("qq", List.of("x"))))
        .hasMessage("unknown parameter 'qq'; did you mean 'q'? Parameters are: q, size.");
    assertThatThrownBy(() -> engine().parseSuggest(Map.of("q", List.of("x".repeat(101)))))
        .hasMessage("q is 101 characters long; suggestions complete at most 100");
  }

  @Test
  void aMisspeltQueryThatFindsLittleOffersTheArchivesSpellingInTheCaseTyped() throws Exception {
    SearchResponse r = search("q", "CICA chairmanshp");

    assertThat(r.total()).isZero();
    assertThat(r.suggestion()).isEqualTo("CICA chairmanship");
    assertThat(search("q", r.suggestion()).total()).isEqualTo(2);
    assertThat(search("q", "KAZAKHSTAM").suggestion()).isEqualTo("KAZAKHSTAN");
    assertThat(search("q", "CICA").suggestion()).isNull();
    assertThat(search("q", "title:nazarbaev OR petrol*").suggestion()).isNull();
  }

  FacetValuesResponse values(String dimension, String... nameValuePairs) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      params.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return engine().facetValues(engine().parseFacetValues(dimension, params));
  }

  @Test
  void aDimensionsValuesGoPastTheFacetSizeAndNarrowByAnyWordsPrefix() throws Exception {
    List<FacetValue> listed = search("q", "", "facetSize", "100").facets().person();
    FacetValuesResponse all = values("person", "size", "1000");

    assertThat(all.values()).isEqualTo(listed);
    assertThat(all.matching()).isEqualTo(listed.size()).isGreaterThan(10);

    FacetValuesResponse na = values("person", "prefix", "NAZ");
    assertThat(counts(na.values())).containsExactly("Nursultan Nazarbayev=6");
    assertThat(na.matching()).isEqualTo(1);

    FacetValuesResponse two = values("organisation", "prefix", "c", "size", "2");
    assertThat(two.values()).hasSize(2);
    assertThat(two.matching()).isGreaterThan(2);
  }

  @Test
  void aDimensionsValuesAreCountedOverTheSearchWithTheirSelectionFlagged() throws Exception {
    FacetValuesResponse r = values("year", "q", "CICA", "year", "2014");

    assertThat(counts(r.values()))
        .isEqualTo(counts(search("q", "CICA", "year", "2014").facets().year()));
    assertThat(r.values()).anyMatch(v -> v.value().equals("2014") && v.selected());
    assertThatThrownBy(() -> values("people"))
        .hasMessageStartingWith("there is no dimension 'people'");
    assertThatThrownBy(() -> values("person", "page", "2"))
        .hasMessage("'page' means nothing for a dimension's values; leave it out");
  }

  @Test
  void anAliasInFreeTextAlsoFindsTheParagraphsTaggedWithItsCanonicalName() throws Exception {
    long tagged = search("organisation", "Shanghai Cooperation Organisation").total();
    long written = search("q", "Shanghai Cooperation Organisation").total();

    assertThat(search("q", "SCO").total()).isEqualTo(tagged).isGreaterThan(written);
    // An acronym counts only in capitals: "sco" is a word, not the organisation.
    assertThat(search("q", "sco").total()).isLessThan(tagged);
    assertThat(search("q", "SCO summit").total())
        .isEqualTo(
            search("q", "summit", "organisation", "Shanghai Cooperation Organisation").total());
  }
}
