package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Browser;
import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;

/** A tag shown on a result or on the article page applies its filter, in headless Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagLinksBrowserTest {

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
}
