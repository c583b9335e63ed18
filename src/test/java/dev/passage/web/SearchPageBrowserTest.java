package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.passage.testing.Browser;
import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The search page, the article page and the embedded search box in a real headless Chromium, over
 * the bundled articles plus one hostile article, served as {@code passage serve} serves them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserTest {

  static final String CICA_ARTICLE = "001_4c331c42e6f04ea6";

  /** An article whose title and text try to run script in whoever shows them. */
  static final String HOSTILE =
      Fixtures.article(
          "Zanzibarite <script>alert(1)</script> report",
          "2020-01",
          "Zanzibarite <script>alert(1)</script> report\n\n"
              + "The zanzibarite committee wrote <script>alert(1)</script> into its minutes.\n\n"
              + "Its annex held <img src=x onerror=\"window.passageHacked=true\"> and nothing"
              + " else about zanzibarite.\n");

  @TempDir static Path dir;
  TestServer passage;
  String base;
  Browser browser;
  SearchBox box;

  @BeforeAll
  void serveTheSeedsAndAHostileArticle() throws Exception {
    Path articles = dir.resolve("articles");
    Files.createDirectories(articles);
    try (Stream<Path> seeds = Files.list(Fixtures.SEED_ARTICLES)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, articles.resolve(seed.getFileName()));
      }
    }
    Fixtures.write(articles, "hostile.txt", HOSTILE);
    passage = TestServer.build(articles, dir.resolve("index"), PassageServer.Options.defaults());
    base = passage.base();
    browser = Browser.start(dir.resolve("profile"));
    browser.onEveryPage(SearchBox.ANSWER_COUNTER);
    browser.onEveryPage(
        "window.alert = (m) => { window.passageAlerts = (window.passageAlerts || 0) + 1; };");
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    passage.close();
  }

  @BeforeEach
  void desktopWindow() {
    browser.resize(1280, 900);
    box = new SearchBox(browser, "passage-search");
  }

  /** Opens a page of the Passage server and waits for its first answer. */
  private void open(String pathAndQuery) {
    browser.open(base + pathAndQuery);
    box.awaitAnswers(1);
  }

  @Test
  void typingCicaChairmanshipShowsResultsWithBothWordsMarked() {
    open("/");
    box.andWait(() -> box.input().sendKeys("CICA chairmanship"));
    browser.waitFor(d -> box.status().startsWith("2 paragraphs match “CICA chairmanship”"));

    List<WebElement> cards = box.cards();
    assertThat(cards).hasSize(2);
    assertThat(SearchBox.snippet(cards.get(0)))
        .isEqualTo(
            "During the summit, scheduled for May 20-21, China will take over the chairmanship"
                + " of CICA from Turkey.");
    assertThat(SearchBox.marks(cards.get(0))).containsExactly("chairmanship", "CICA");
    assertThat(SearchBox.marks(cards.get(1))).containsExactly("CICA", "chairmanship");
    assertThat(SearchBox.tags(cards.get(0), "organisation"))
        .containsExactly("Conference on Interaction and Confidence Building Measures in Asia");
    assertThat(browser.url()).isEqualTo(base + "/?q=CICA+chairmanship");
  }

  @Test
  void openingAnAddressWithAQueryShowsItsResultsWithoutTyping() {
    open("/?q=CICA+chairmanship");

    assertThat(box.input().getDomProperty("value")).isEqualTo("CICA chairmanship");
    assertThat(box.cards()).hasSize(2);
    assertThat(box.resultLinks())
        .first()
        .isEqualTo(base + "/articles/" + CICA_ARTICLE + "?q=CICA+chairmanship&p=8");
    assertThat(browser.driver().getTitle()).isEqualTo("CICA chairmanship — Passage");
  }

  @Test
  void tickingAYearNarrowsTheResultsAndTheOtherYearsKeepTheirCounts() {
    open("/?q=Xi+Jinping");
    Map<String, Integer> years = Map.of("2022", 1, "2013", 4);
    assertThat(box.counts("year")).containsExactlyEntriesOf(ordered(years));
    assertThat(box.cards()).hasSize(7);

    box.andWait(() -> box.checkbox("year", "2013").click());

    assertThat(box.cards()).hasSize(4);
    assertThat(box.cards()).allSatisfy(c -> assertThat(SearchBox.tags(c, "year")).contains("2013"));
    assertThat(box.counts("year")).containsExactlyEntriesOf(ordered(years));
    assertThat(box.checked("year")).containsExactly("2013");
    assertThat(box.counts("person")).containsEntry("Xi Jinping", 4);

    box.andWait(() -> box.checkbox("year", "2022").click());

    assertThat(box.cards()).hasSize(5);
    assertThat(box.checked("year")).containsExactly("2022", "2013");
    assertThat(browser.url()).isEqualTo(base + "/?q=Xi+Jinping&year=2013&year=2022");
  }

  @Test
  void theAddressKeepsTheStateThroughReloadBackAndForward() {
    open("/?q=Xi+Jinping");
    List<String> unfiltered = box.resultLinks();
    box.andWait(() -> box.checkbox("year", "2013").click());
    List<String> filtered = box.resultLinks();
    assertThat(browser.url()).isEqualTo(base + "/?q=Xi+Jinping&year=2013");

    box.andWait(() -> browser.driver().navigate().refresh());
    assertThat(box.resultLinks()).isEqualTo(filtered);
    assertThat(box.checked("year")).containsExactly("2013");
    assertThat(box.input().getDomProperty("value")).isEqualTo("Xi Jinping");

    box.andWait(() -> browser.driver().navigate().back());
    assertThat(browser.url()).isEqualTo(base + "/?q=Xi+Jinping");
    assertThat(box.resultLinks()).isEqualTo(unfiltered);
    assertThat(box.checked("year")).isEmpty();

    box.andWait(() -> browser.driver().navigate().forward());
    assertThat(box.resultLinks()).isEqualTo(filtered);
    assertThat(box.checked("year")).containsExactly("2013");
  }

  @Test
  void pagesMoveThroughTheResultsAndLiveInTheAddress() {
    open("/?q=cooperation");
    assertThat(box.status()).startsWith("26 paragraphs match “cooperation” · showing 1–10");

    box.andWait(() -> box.button(".pages button[rel=next]").click());

    assertThat(browser.url()).isEqualTo(base + "/?q=cooperation&page=2");
    assertThat(box.status()).startsWith("26 paragraphs match “cooperation” · showing 11–20");
    assertThat(box.cards()).hasSize(10);
    assertThat(box.button(".pages [aria-current=page]").getText()).isEqualTo("2");
  }

  @Test
  void openingAResultShowsTheArticleAtThatParagraph() {
    open("/?q=CICA+chairmanship");

    box.cards().getFirst().findElement(By.cssSelector("a.result-link")).click();

    SearchContext article = browser.shadow("passage-article");
    WebElement target =
        browser.waitFor(d ->
            article.findElements(By.cssSelector(".para.target")).stream().findFirst().orElse(null));
    assertThat(browser.url()).startsWith(base + "/articles/" + CICA_ARTICLE + "?");
    assertThat(target.getDomAttribute("data-paragraph")).isEqualTo("8");
    assertThat(target.getText()).contains("China will take over the chairmanship of CICA");
    assertThat(article.findElement(By.cssSelector("h1")).getText())
        .startsWith("Kazakhstan Foreign Minister Erlan Idrissov met with China");
    assertThat(article.findElements(By.cssSelector(".para"))).hasSizeGreaterThan(8);
    browser.waitFor(d -> isInViewport(target));

    WebElement back = article.findElement(By.cssSelector("a.back"));
    assertThat(back.getDomAttribute("href")).isEqualTo(base + "/?q=CICA+chairmanship");
    box.andWait(back::click);
    assertThat(box.cards()).hasSize(2);
  }

  @Test
  void aSyntaxErrorShowsTheApisMessage() {
    open("/");
    box.andWait(() -> box.input().sendKeys("CICA AND (", Keys.ENTER));

    assertThat(box.message()).contains("cannot parse q 'CICA AND ('");
    assertThat(box.cards()).isEmpty();
  }

  @Test
  void aSearchWithNoMatchesSaysWhatToTryNext() {
    open("/?q=xylophone&year=2014");

    assertThat(box.message())
        .isEqualTo(
            "No paragraphs match “xylophone” — try fewer words or remove a filter.\n"
                + "Remove all filters");
    box.andWait(() -> box.button(".message button").click());
    assertThat(browser.url()).isEqualTo(base + "/?q=xylophone");
    assertThat(box.message())
        .isEqualTo("No paragraphs match “xylophone” — try fewer or other words.");
  }

  @Test
  void anAliasInTheAddressBecomesTheCanonicalNameWhoseBoxUnticksIt() {
    open("/?person=xi+jingpin");
    assertThat(browser.url()).isEqualTo(base + "/?person=Xi+Jinping");
    assertThat(box.checked("person")).containsExactly("Xi Jinping");
    assertThat(box.cards()).hasSize(8);

    box.andWait(() -> box.checkbox("person", "Xi Jinping").click());

    assertThat(browser.url()).isEqualTo(base + "/");
    assertThat(box.checked("person")).isEmpty();
  }

  @Test
  void anUnknownFilterValueSaysSoAndOffersTheNearestKnownOnes() {
    open("/?person=Nazarbeyev");
    assertThat(box.message())
        .startsWith(
            "No paragraphs match these filters — try fewer words or remove a filter.\n"
                + "no paragraph is tagged person 'Nazarbeyev', so this filter matches nothing;");
    assertThat(box.message()).contains("Use instead: Nursultan Nazarbayev, ");

    box.andWait(() -> box.button(".message .nearest").click());

    assertThat(browser.url()).isEqualTo(base + "/?person=Nursultan+Nazarbayev");
    assertThat(box.message()).isEmpty();
    assertThat(box.checked("person")).containsExactly("Nursultan Nazarbayev");
  }

  @Test
  void clearingADimensionAndClearingAllDropTheirFilters() {
    open("/?q=Xi+Jinping&year=2013&topic=diplomacy");
    assertThat(box.cards()).hasSize(4);
    for (String dimension : List.of("year", "topic")) {
      WebElement clear = box.button(".dim-" + dimension + " .clear");
      for (WebElement item : box.facetItems(dimension)) {
        assertThat(overlap(clear, item)).as(dimension + " " + item.getText()).isFalse();
      }
      assertThat(clear.getText()).isEqualTo("Clear");
      assertThat(clear.getAccessibleName()).isEqualTo("Clear " + dimension + " filter");
    }

    box.andWait(() -> box.button(".dim-year .clear").click());
    assertThat(browser.url()).isEqualTo(base + "/?q=Xi+Jinping&topic=diplomacy");
    assertThat(box.checked("topic")).containsExactly("diplomacy");

    box.andWait(() -> box.button(".clear-all").click());
    assertThat(browser.url()).isEqualTo(base + "/?q=Xi+Jinping");
    assertThat(box.cards()).hasSize(7);
  }

  @Test
  void theTimelineDrawsTheHitsByYearAndABarKeepsTheSearchToItsYear() {
    open("/?q=CICA+chairmanship");
    assertThat(box.timeline()).containsExactly(Map.entry("2013", 1), Map.entry("2014", 1));

    box.andWait(() -> box.timelineBar("2014").click());

    assertThat(browser.url()).isEqualTo(base + "/?q=CICA+chairmanship&from=2014&to=2014");
    assertThat(box.resultLinks())
        .containsExactly(
            base + "/articles/" + CICA_ARTICLE + "?q=CICA+chairmanship&from=2014&to=2014&p=8");
    assertThat(box.timeline()).containsExactly(Map.entry("2014-03", 1));
    assertThat(box.button(".timeline-head").getText()).isEqualTo("Published in 2014 Clear dates");

    box.andWait(() -> box.button(".clear-dates").click());
    assertThat(browser.url()).isEqualTo(base + "/?q=CICA+chairmanship");
    assertThat(box.cards()).hasSize(2);
  }

  @Test
  void theTimelineStandsEachYearAtItsPlaceWithTheEmptyYearsBetweenThem() {
    open("/");
    Map<String, Integer> years = new java.util.LinkedHashMap<>();
    for (int year = 2013; year <= 2024; year++) {
      years.put(Integer.toString(year), 0);
    }
    years.putAll(Map.of("2013", 25, "2014", 16, "2020", 2, "2022", 6, "2024", 11));

    assertThat(box.timeline()).containsExactlyEntriesOf(years);
    assertThat(box.timelineBar("2015").isEnabled()).isFalse();
    assertThat(box.timelineBar("2020").getAccessibleName()).isEqualTo("2020: 2 paragraphs");
  }

  @Test
  void theGroupToggleShowsArticlesWithTheirBestParagraphsAndCountsInBothUnits() {
    open("/?q=CICA");
    assertThat(box.cards()).hasSize(7);

    box.andWait(() -> box.button("#group").click());

    assertThat(browser.url()).isEqualTo(base + "/?q=CICA&group=article");
    assertThat(box.status()).startsWith("7 paragraphs in 4 articles match “CICA”");
    List<WebElement> articles = box.root().findElements(By.cssSelector(".results .article-card"));
    assertThat(articles).hasSize(4);
    assertThat(articles.get(1).findElement(By.cssSelector(".card-meta")).getText())
        .isEqualTo("2014-03 · 4 matching paragraphs");
    assertThat(articles.get(1).findElements(By.cssSelector(".para-link")))
        .extracting(WebElement::getText)
        .containsExactly("¶ 7", "¶ 3", "¶ 8");
    assertThat(
            articles
                .get(1)
                .findElements(By.cssSelector(".para-link"))
                .get(2)
                .getDomAttribute("href"))
        .isEqualTo(base + "/articles/" + CICA_ARTICLE + "?q=CICA&group=article&p=8");
    assertThat(box.button(".facets-unit").getText())
        .isEqualTo("Counts are paragraphs, not articles.");
    assertThat(box.counts("year")).containsEntry("2014", 3);

    box.andWait(() -> box.button("#group").click());

    assertThat(browser.url()).isEqualTo(base + "/?q=CICA");
    assertThat(box.cards()).hasSize(7);
    assertThat(box.button(".facets-unit").isDisplayed()).isFalse();
  }

  @Test
  void theDownloadLinksFetchTheSearchsParagraphsWithTheirTags() throws Exception {
    open("/?q=CICA&year=2014&group=article");

    assertThat(box.button(".downloads").getText())
        .isEqualTo("Download 3 paragraphs with their tags: CSV · JSON lines");
    String csv = box.button(".download-csv").getDomAttribute("href");
    assertThat(csv).isEqualTo(base + "/api/search?q=CICA&year=2014&format=csv");
    assertThat(box.button(".download-jsonl").getDomAttribute("href"))
        .isEqualTo(base + "/api/search?q=CICA&year=2014&format=jsonl");
    assertThat(passage.get(csv.substring(base.length())).body().lines()).hasSize(1 + 3);
  }

  @Test
  void showMoreListsTheRestOfALongDimension() {
    open("/");
    assertThat(box.facetItems("organisation")).hasSize(8);

    box.andWait(() -> box.button(".dim-organisation .more").click());

    assertThat(box.facetItems("organisation")).hasSizeGreaterThan(8);
    assertThat(box.button(".dim-organisation .more").getText()).isEqualTo("Show fewer");
  }

  @Test
  void theKeyboardMovesFromTheQueryThroughTheResultsAndTicksFacets() {
    open("/?q=CICA+chairmanship");
    List<String> links = box.resultLinks();

    box.input().sendKeys(Keys.ARROW_DOWN);
    assertThat(focusedHref()).isEqualTo(links.get(0));
    browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    assertThat(focusedHref()).isEqualTo(links.get(1));

    WebElement year = box.checkbox("year", "2014");
    box.andWait(() -> year.sendKeys(Keys.SPACE));
    assertThat(box.checked("year")).containsExactly("2014");
    assertThat(browser.script("return document.activeElement.shadowRoot.activeElement.dataset.key"))
        .as("focus stays on the ticked box")
        .isEqualTo("year:2014");
  }

  @Test
  void atPhoneWidthTheFiltersWaitBehindAButton() {
    browser.resize(390, 844);
    open("/?q=Xi+Jinping");

    WebElement toggle = box.button(".filters-toggle");
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(box.button(".facets").isDisplayed()).isFalse();
    toggle.click();
    assertThat(box.button(".facets").isDisplayed()).isTrue();
    assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(horizontalOverflow()).isFalse();
  }

  @Test
  void anArticleContainingScriptShowsTheTextAndRunsNoScript() {
    open("/?q=zanzibarite");

    List<WebElement> cards = box.cards();
    assertThat(cards).isNotEmpty();
    assertThat(cards.getFirst().findElement(By.cssSelector(".card-title")).getText())
        .isEqualTo("Zanzibarite <script>alert(1)</script> report");
    assertThat(cards.stream().map(SearchBox::snippet))
        .anySatisfy(s -> assertThat(s).contains("wrote <script>alert(1)</script> into"))
        .anySatisfy(
            s -> assertThat(s).contains("<img src=x onerror=\"window.passageHacked=true\">"));
    assertThat(box.root().findElements(By.cssSelector(".results script, .results img"))).isEmpty();

    cards.getFirst().findElement(By.cssSelector("a.result-link")).click();
    SearchContext article = browser.shadow("passage-article");
    browser.waitFor(d -> !article.findElements(By.cssSelector(".para")).isEmpty());
    assertThat(article.findElement(By.cssSelector("h1")).getText())
        .isEqualTo("Zanzibarite <script>alert(1)</script> report");
    assertThat(
            article.findElements(By.cssSelector(".para .text")).stream().map(WebElement::getText))
        .anySatisfy(t -> assertThat(t).contains("<img src=x onerror="));
    assertThat(article.findElements(By.cssSelector("article script, article img"))).isEmpty();
    assertThat(browser.script("return [window.passageAlerts || 0, window.passageHacked || false]"))
        .isEqualTo(List.of(0L, false));
    assertThatThrownBy(() -> browser.driver().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void theSnippetOnAPageOfAnotherOriginShowsResults() throws Exception {
    HttpServer otherSite = siteEmbedding(base);
    try {
      // 127.0.0.1 and another port: a different origin from localhost:<passage port>.
      browser.open("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
      box.awaitAnswers(1);

      assertThat(box.cards()).hasSize(2);
      assertThat(SearchBox.marks(box.cards().getFirst())).containsExactly("chairmanship", "CICA");
      assertThat(box.resultLinks())
          .allSatisfy(href -> assertThat(href).startsWith(base + "/articles/"));
      // The site's rule `p { display: none }` does not reach into the box, nor ours out of it.
      assertThat(box.cards().getFirst().findElement(By.cssSelector(".snippet")).isDisplayed())
          .isTrue();
      assertThat(browser.driver().findElement(By.cssSelector("p.own")).isDisplayed()).isFalse();

      box.andWait(() -> box.checkbox("topic", "diplomacy").click());
      assertThat(box.cards()).hasSize(1);

      // The site asks for articles: group="article" on the element.
      box.andWait(() ->
          browser.script(
              "document.querySelector('passage-search').setAttribute('group', 'article');"));
      assertThat(box.status()).startsWith("1 paragraph in 1 article match “CICA chairmanship”");
      assertThat(box.root().findElements(By.cssSelector(".article-card .para-link")))
          .extracting(WebElement::getText)
          .containsExactly("¶ 8");
    } finally {
      otherSite.stop(0);
    }
  }

  @Test
  void aScriptOfTheSiteThatWaitsForTheElementToBeDefinedSearchesThroughIt() throws Exception {
    HttpServer otherSite = siteEmbedding(base);
    try {
      browser.open("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
      // As the README tells a site: the element exists once embed.js's modules have loaded.
      browser.script(
          "customElements.whenDefined('passage-search')"
              + ".then(() => document.querySelector('passage-search').search('Tokayev'));");
      browser.waitFor(d -> box.status().contains("match “Tokayev”"));

      assertThat(box.input().getDomProperty("value")).isEqualTo("Tokayev");
      assertThat(box.cards()).isNotEmpty();
    } finally {
      otherSite.stop(0);
    }
  }

  @Test
  void anEmbedOnASiteTheServerDoesNotAllowSaysSo() throws Exception {
    TestServer strict =
        passage.sharing(new PassageServer.Options(List.of("https://news.example.org")));
    String strictBase = strict.base();
    HttpServer otherSite = siteEmbedding(strictBase);
    try {
      browser.open("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
      box.awaitAnswers(1);

      assertThat(box.message())
          .startsWith("Cannot reach Passage at " + strictBase + ".")
          .contains("--cors-origins");
      assertThat(box.cards()).isEmpty();
    } finally {
      otherSite.stop(0);
      strict.close();
    }
  }

  @Test
  void theEmbedDemoShowsTheSnippetAtWorkAndAThemedBoxWithAFixedTopic() throws Exception {
    browser.open(base + "/embed-demo.html");
    box.awaitAnswers(2);

    assertThat(box.cards()).hasSize(2);
    SearchBox themed = new SearchBox(browser, "passage-search.themed");
    assertThat(themed.cards())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(SearchBox.tags(c, "topic")).contains("energy"));
    assertThat(themed.root().findElements(By.cssSelector(".dim-topic"))).isEmpty();
    String accent =
        (String)
            browser.script(
                "return getComputedStyle(arguments[0].shadowRoot.querySelector('.go'))"
                    + ".backgroundColor",
                browser.driver().findElement(By.cssSelector("passage-search.themed")));
    assertThat(accent).isEqualTo("rgb(122, 46, 14)");
  }

  /**
   * Pictures for the README: {@code scripts/refresh-screenshots} writes them to {@code docs/}, an
   * ordinary test run to {@code target/screenshots/}.
   */
  @Test
  void screenshotsShowTheSearchPageTheArticleAndTheEmbedDemoWithResults() throws Exception {
    Path out = Path.of(System.getProperty("passage.screenshots", "target/screenshots"));
    open("/?q=CICA+chairmanship");
    assertThat(box.cards()).hasSize(2);
    browser.screenshot(out.resolve("search-page.png"), 1000);

    browser.open(base + "/articles/" + CICA_ARTICLE + "?q=CICA+chairmanship&p=8");
    SearchContext article = browser.shadow("passage-article");
    browser.waitFor(d -> !article.findElements(By.cssSelector(".para.target")).isEmpty());
    browser.screenshot(out.resolve("article-page.png"), 900);

    browser.open(base + "/embed-demo.html");
    box.awaitAnswers(2);
    assertThat(box.cards()).hasSize(2);
    browser.screenshot(out.resolve("embed-demo.png"), 2600);

    assertThat(out.resolve("search-page.png")).isNotEmptyFile();
    assertThat(out.resolve("article-page.png")).isNotEmptyFile();
    assertThat(out.resolve("embed-demo.png")).isNotEmptyFile();
  }

  private String focusedHref() {
    return (String)
        browser.script(
            "const a = document.activeElement.shadowRoot.activeElement;"
                + " return a && a.getAttribute('href');");
  }

  private boolean isInViewport(WebElement element) {
    return (Boolean)
        browser.script(
            "const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;",
            element);
  }

  /** True when the two elements' boxes share any pixel. */
  private boolean overlap(WebElement a, WebElement b) {
    return (Boolean)
        browser.script(
            "const a = arguments[0].getBoundingClientRect();"
                + " const b = arguments[1].getBoundingClientRect();"
                + " return a.left < b.right && b.left < a.right"
                + " && a.top < b.bottom && b.top < a.bottom;",
            a,
            b);
  }

  private boolean horizontalOverflow() {
    return (Boolean)
        browser.script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
  }

  /** The years in the order the page lists them: newest first. */
  private static Map<String, Integer> ordered(Map<String, Integer> years) {
    Map<String, Integer> sorted = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    sorted.putAll(years);
    return sorted;
  }

  /** Another web site, on another origin, with the two-line snippet and CSS of its own. */
  private static HttpServer siteEmbedding(String passageBase) throws Exception {
    String page =
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Another site</title>
        <style>p { display: none } * { color: red; font-family: monospace }</style>
        <script src="%1$s/embed.js" defer></script></head>
        <body><h1>Our newsroom</h1><p class="own">Our own paragraph.</p>
        <passage-search server="%1$s" query="CICA chairmanship"></passage-search>
        </body></html>
        """
            .formatted(passageBase);
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }
}
