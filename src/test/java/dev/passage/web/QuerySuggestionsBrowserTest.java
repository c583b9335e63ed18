package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Browser;
import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Phrases of the archive's titles offered under the search box, in a real headless Chromium over
 * four articles whose titles share "trade deficit" and "oil prices": choosing one searches it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySuggestionsBrowserTest {

  @TempDir static Path dir;
  TestServer passage;
  Browser browser;
  SearchBox box;

  @BeforeAll
  void serveArticlesWhoseTitlesSharePhrases() throws Exception {
    passage =
        TestServer.build(
            Fixtures.titlePhraseArticles(dir),
            dir.resolve("index"),
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
  }

  @BeforeEach
  void openTheSearchPage() {
    browser.resize(1280, 900);
    box = new SearchBox(browser, "passage-search");
    browser.open(passage.base() + "/");
    box.awaitAnswers(1);
  }

  private List<String> shown() {
    return box
        .root()
        .findElements(By.cssSelector("#suggestions:not([hidden]) [role=option]"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aPhraseIsOfferedAsASearchAndEnterSearchesItInTheBox() {
    box.input().sendKeys("trade d");
    browser.waitFor(d -> !shown().isEmpty());

    assertThat(shown())
        .containsExactly("trade deficit\nsearch", "World Trade Organization\norganisation");

    new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
    box.andWait(() -> new Actions(browser.driver()).sendKeys(Keys.ENTER).perform());

    browser.waitFor(d -> browser.url().equals(passage.base() + "/?q=trade+deficit"));
    assertThat(box.input().getDomProperty("value")).isEqualTo("trade deficit");
    browser.waitFor(d -> box.status().startsWith("2 paragraphs match “trade deficit”"));
    assertThat(box.checked("organisation")).isEmpty();
    assertThat(shown()).isEmpty();
  }

  @Test
  void clickingAPhraseSearchesIt() {
    box.input().sendKeys("oil p");
    browser.waitFor(d -> !shown().isEmpty());

    box.andWait(() -> box.root().findElement(By.cssSelector("#suggestions [role=option]")).click());

    browser.waitFor(d -> browser.url().equals(passage.base() + "/?q=oil+prices"));
    assertThat(box.input().getDomProperty("value")).isEqualTo("oil prices");
  }
}
