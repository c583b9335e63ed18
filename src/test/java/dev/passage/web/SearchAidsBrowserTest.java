package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Browser;
import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What helps a reader from words to filters, in a real headless Chromium over the bundled articles:
 * suggestions under the search box, did you mean, tags that filter, the box over a dimension's
 * whole list and the article's marked words; and, over four articles whose titles share "trade
 * deficit" and "oil prices", the phrases suggested as searches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAidsBrowserTest {

  static final String CICA_ARTICLE = "001_4c331c42e6f04ea6";
  static final String CICA = "Conference on Interaction and Confidence Building Measures in Asia";

  @TempDir static Path dir;
  TestServer passage;
  TestServer phrases;
  Browser browser;
  SearchBox box;

  @BeforeAll
  void serveTheSeeds() throws Exception {
    passage =
        TestServer.build(
            Fixtures.SEED_ARTICLES, dir.resolve("index"), PassageServer.Options.defaults());
    phrases =
        TestServer.build(
            Fixtures.titlePhraseArticles(dir.resolve("phrases")),
            dir.resolve("phrase-index"),
            PassageServer.Options.defaults());
    browser = Browser.start(dir.resolve("profile"));
    browser.onEveryPage(SearchBox.ANSWER_COUNTER);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    passage.close();
    phrases.close();
  }

  @BeforeEach
  void openTheSearchPage() {
    browser.resize(1280, 900);
    box = new SearchBox(browser, "passage-search");
    browser.open(passage.base() + "/");
    box.awaitAnswers(1);
  }

  private List<WebElement> options() {
    return box.root().findElements(By.cssSelector("#suggestions:not([hidden]) [role=option]"));
  }

  /**
   * Presses a key in whatever has the focus, as a reader does; an element's sendKeys would focus
   * the box again first, and the list closes when the box loses the focus.
   */
  private void press(CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  private List<String> shown() {
    return options().stream().map(WebElement::getText).toList();
  }

  @Test
  void aMisspelledNameIsOfferedAndArrowDownThenEnterFiltersByIt() {
    box.input().sendKeys("nazarbaev");
    browser.waitFor(d -> !options().isEmpty());

    assertThat(shown()).first().asString().startsWith("Nursultan Nazarbayev").endsWith("person");
    assertThat(box.input().getDomAttribute("aria-expanded")).isEqualTo("true");

    press(Keys.ARROW_DOWN);
    assertThat(options().getFirst().getDomAttribute("aria-selected")).isEqualTo("true");
    assertThat(box.input().getDomAttribute("aria-activedescendant")).isEqualTo("suggestion-0");

    box.andWait(() -> press(Keys.ENTER));
    browser.waitFor(d -> browser.url().equals(passage.base() + "/?person=Nursultan+Nazarbayev"));
    assertThat(box.input().getDomProperty("value")).isEmpty();
    assertThat(box.checked("person")).containsExactly("Nursultan Nazarbayev");
    assertThat(options()).isEmpty();
    assertThat(box.input().getDomAttribute("aria-expanded")).isEqualTo("false");
  }

  /** Opens the search page of the server whose titles share phrases. */
  private void openThePhrasesSearchPage() {
    browser.open(phrases.base() + "/");
    box.awaitAnswers(1);
  }

  @Test
  void aPhraseIsOfferedAsASearchAndEnterSearchesItInTheBox() {
    openThePhrasesSearchPage();
    box.input().sendKeys("trade d");
    browser.waitFor(d -> !options().isEmpty());

    assertThat(shown())
        .containsExactly("trade deficit\nsearch", "World Trade Organization\norganisation");

    press(Keys.ARROW_DOWN);
    box.andWait(() -> press(Keys.ENTER));

    browser.waitFor(d -> browser.url().equals(phrases.base() + "/?q=trade+deficit"));
    assertThat(box.input().getDomProperty("value")).isEqualTo("trade deficit");
    browser.waitFor(d -> box.status().startsWith("2 paragraphs match “trade deficit”"));
    assertThat(box.checked("organisation")).isEmpty();
    assertThat(options()).isEmpty();
  }

  @Test
  void clickingAPhraseSearchesIt() {
    openThePhrasesSearchPage();
    box.input().sendKeys("oil p");
    browser.waitFor(d -> !options().isEmpty());

    box.andWait(() -> options().getFirst().click());

    browser.waitFor(d -> browser.url().equals(phrases.base() + "/?q=oil+prices"));
    assertThat(box.input().getDomProperty("value")).isEqualTo("oil prices");
  }

  @Test
  void escapeClosesTheListAndKeepsTheWordsTyped() {
    box.input().sendKeys("sco");
    browser.waitFor(d -> !options().isEmpty());
    assertThat(shown()).first().asString().startsWith("Shanghai Cooperation Organisation");

    press(Keys.ESCAPE);

    assertThat(options()).isEmpty();
    assertThat(box.input().getDomProperty("value")).isEqualTo("sco");
  }

  @Test
  void clickingANameFiltersByIt() {
    box.input().sendKeys("cica");
    browser.waitFor(d -> !options().isEmpty());

    box.andWait(() -> options().getFirst().click());

    browser.waitFor(d -> browser.url().contains("organisation=Conference+on+Interaction"));
    assertThat(box.checked("organisation"))
        .containsExactly("Conference on Interaction and Confidence Building Measures in Asia");
  }

  @Test
  void aMisspeltQueryOffersTheArchivesSpellingAsALink() {
    box.andWait(() -> box.input().sendKeys("CICA chairmanshp"));
    browser.waitFor(d -> box.message().contains("Did you mean CICA chairmanship?"));

    box.andWait(() -> box.root().findElement(By.cssSelector(".did-you-mean")).click());

    browser.waitFor(d -> box.status().startsWith("2 paragraphs match “CICA chairmanship”"));
    assertThat(box.input().getDomProperty("value")).isEqualTo("CICA chairmanship");
  }

  @Test
  void aResultsTagAddsItsValueToTheSearchsFilters() {
    browser.open(passage.base() + "/?q=chairmanship");
    box.awaitAnswers(1);

    box.andWait(() ->
        box.cards().getFirst().findElement(By.cssSelector(".tag-organisation .tag-value")).click());

    browser.waitFor(d ->
        browser
            .url()
            .equals(
                passage.base()
                    + "/?q=chairmanship&organisation=Conference+on+Interaction+and+Confidence"
                    + "+Building+Measures+in+Asia"));
    assertThat(box.checked("organisation")).containsExactly(CICA);
  }

  @Test
  void aTagOnTheArticlePageLinksToTheSearchItCameFromWithThatFilter() {
    browser.open(passage.base() + "/articles/" + CICA_ARTICLE + "?q=chairmanship&p=8");
    browser.waitFor(d ->
        !browser
            .shadow("passage-article")
            .findElements(By.cssSelector("#p8 .tag-value"))
            .isEmpty());
    SearchContext article = browser.shadow("passage-article");

    String href =
        article.findElement(By.cssSelector("#p8 .tag-year .tag-value")).getDomAttribute("href");

    assertThat(href).isEqualTo(passage.base() + "/?q=chairmanship&year=2014");
  }

  /** The marked words of each paragraph of the article page, by paragraph number. */
  private Map<String, List<String>> articleMarks() {
    Map<String, List<String>> marks = new TreeMap<>();
    for (WebElement mark :
        browser.shadow("passage-article").findElements(By.cssSelector(".para mark"))) {
      String paragraph =
          mark.findElement(By.xpath("ancestor::div[@data-paragraph]"))
              .getDomAttribute("data-paragraph");
      marks.computeIfAbsent(paragraph, p -> new ArrayList<>()).add(mark.getText());
    }
    return marks;
  }

  @Test
  void aResultOpensItsArticleWithTheQuerysWordsMarkedInEveryParagraph() {
    browser.open(passage.base() + "/?q=visits");
    box.awaitAnswers(1);
    String href =
        box.cards().getFirst().findElement(By.cssSelector(".result-link")).getDomAttribute("href");
    assertThat(href).contains("q=visits");

    browser.open(passage.base() + "/articles/" + CICA_ARTICLE + "?q=visits&p=7");
    browser.waitFor(d -> !articleMarks().isEmpty());

    assertThat(articleMarks())
        .isEqualTo(
            Map.of(
                "1", List.of("visit"),
                "2", List.of("visited", "visit", "visit"),
                "4", List.of("visit"),
                "7", List.of("visit")));
  }

  @Test
  void anArticleOpenedWithoutAQueryMarksNothing() {
    browser.open(passage.base() + "/articles/" + CICA_ARTICLE + "?p=7");
    browser.waitFor(d ->
        !browser.shadow("passage-article").findElements(By.cssSelector("#p7 .text")).isEmpty());

    assertThat(articleMarks()).isEmpty();
    assertThat(browser.shadow("passage-article").findElement(By.cssSelector("#p7 .text")).getText())
        .endsWith(
            "upcoming state visit of President Nazarbayev to China and his participation at"
                + " the CICA Summit in Shanghai.");
  }

  @Test
  void typingOverADimensionsWholeListNarrowsItToTheValuesWithAWordStartingSo() {
    browser.open(passage.base() + "/");
    box.awaitAnswers(1);
    box.andWait(() -> box.button(".dim-organisation .more").click());

    box.button(".dim-organisation .facet-find").sendKeys("shang");

    browser.waitFor(
        d -> values(box, "organisation").equals(List.of("Shanghai Cooperation Organisation")));
    box.andWait(() -> box.checkbox("organisation", "Shanghai Cooperation Organisation").click());
    assertThat(box.checked("organisation")).containsExactly("Shanghai Cooperation Organisation");
  }

  /** The values a dimension lists now; the list is redrawn as answers come, so read it whole. */
  private static List<String> values(SearchBox box, String dimension) {
    try {
      return box.facetItems(dimension).stream()
          .map(i -> i.findElement(By.cssSelector(".facet-value")).getText())
          .toList();
    } catch (StaleElementReferenceException | NoSuchElementException e) {
      return List.of();
    }
  }
}
