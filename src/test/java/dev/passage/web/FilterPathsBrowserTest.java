package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Browser;
import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Ways to a filter beyond the first facet values, in headless Chromium: a tag on a result or on the
 * article page, and the box over a dimension's whole list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterPathsBrowserTest {

  static final String CICA_ARTICLE = "001_4c331c42e6f04ea6";
  static final String CICA = "Conference on Interaction and Confidence Building Measures in Asia";

  @TempDir static Path dir;
  TestServer passage;
  Browser browser;

  @BeforeAll
  void serveTheSeeds() throws Exception {
    passage =
        TestServer.build(
            Fixtures.SEED_ARTICLES, dir.resolve("index"), PassageServer.Options.defaults());
    browser = Browser.start(dir.resolve("profile"));
    browser.onEveryPage(SearchBox.ANSWER_COUNTER);
    browser.resize(1280, 900);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    passage.close();
  }

  @Test
  void aResultsTagAddsItsValueToTheSearchsFilters() {
    SearchBox box = new SearchBox(browser, "passage-search");
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

  @Test
  void typingOverADimensionsWholeListNarrowsItToTheValuesWithAWordStartingSo() {
    SearchBox box = new SearchBox(browser, "passage-search");
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
