package dev.passage.web;

import dev.passage.testing.Browser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * What a reader sees of one {@code <passage-search>} on a page, and what they can do with it: the
 * tests speak of results, marks and facet counts instead of selectors.
 */
final class SearchBox {

  /** Counts the answers every search box on a page has rendered, from the page's first moment. */
  static final String ANSWER_COUNTER =
      "window.passageAnswers = 0;"
          + "document.addEventListener('passage-results', () => window.passageAnswers++);";

  private final Browser browser;
  private final String host;

  SearchBox(Browser browser, String host) {
    this.browser = browser;
    this.host = host;
  }

  SearchContext root() {
    return browser.shadow(host);
  }

  /** How many answers have been rendered on this page so far. */
  long answers() {
    Object n = browser.script("return window.passageAnswers || 0;");
    return ((Number) n).longValue();
  }

  /**
   * Runs {@code action}, then waits until a new answer is on the screen: in this page, or in the
   * page the action opened (a reload, or back to an entry of an earlier page).
   */
  void andWait(Runnable action) {
    browser.script("window.passageBefore = window.passageAnswers || 0;");
    action.run();
    browser.waitFor(d ->
        (Boolean)
            browser.script(
                "const n = window.passageAnswers || 0;"
                    + " return window.passageBefore === undefined ? n >= 1"
                    + " : n > window.passageBefore;"));
  }

  /** Waits until at least {@code count} answers have been rendered. */
  void awaitAnswers(long count) {
    browser.waitFor(d -> answers() >= count);
  }

  WebElement input() {
    return root().findElement(By.cssSelector("input[type=search]"));
  }

  String status() {
    return root().findElement(By.cssSelector(".status")).getText();
  }

  /** The message shown instead of results (empty or error), or "" when there is none. */
  String message() {
    List<WebElement> shown = root().findElements(By.cssSelector(".message:not([hidden])"));
    return shown.isEmpty() ? "" : shown.getFirst().getText();
  }

  List<WebElement> cards() {
    return root().findElements(By.cssSelector(".results .card"));
  }

  List<String> resultLinks() {
    List<String> links = new ArrayList<>();
    for (WebElement card : cards()) {
      links.add(card.findElement(By.cssSelector("a.result-link")).getDomAttribute("href"));
    }
    return links;
  }

  static String snippet(WebElement card) {
    return card.findElement(By.cssSelector(".snippet")).getText();
  }

  static List<String> marks(WebElement card) {
    return card.findElements(By.cssSelector(".snippet mark")).stream()
        .map(WebElement::getText)
        .toList();
  }

  static List<String> tags(WebElement card, String dimension) {
    return card.findElements(By.cssSelector(".tag-" + dimension)).stream()
        .map(t -> t.getText().replaceFirst("^\\S+\\s+", ""))
        .toList();
  }

  /** A dimension's values with their counts, in the order shown. */
  Map<String, Integer> counts(String dimension) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (WebElement item : facetItems(dimension)) {
      counts.put(
          item.findElement(By.cssSelector(".facet-value")).getText(),
          Integer.parseInt(item.findElement(By.cssSelector(".count")).getText().replace(",", "")));
    }
    return counts;
  }

  /** The values of a dimension whose boxes are ticked. */
  List<String> checked(String dimension) {
    List<String> values = new ArrayList<>();
    for (WebElement item : facetItems(dimension)) {
      if (item.findElement(By.cssSelector("input")).isSelected()) {
        values.add(item.findElement(By.cssSelector(".facet-value")).getText());
      }
    }
    return values;
  }

  /** The checkbox of one facet value. */
  WebElement checkbox(String dimension, String value) {
    for (WebElement item : facetItems(dimension)) {
      if (item.findElement(By.cssSelector(".facet-value")).getText().equals(value)) {
        return item.findElement(By.cssSelector("input"));
      }
    }
    throw new AssertionError("no " + dimension + " value '" + value + "' in " + counts(dimension));
  }

  List<WebElement> facetItems(String dimension) {
    return root().findElements(By.cssSelector(".dim-" + dimension + " .facet-values li"));
  }

  /** The timeline's bars, oldest first: each period with the paragraphs it counts. */
  Map<String, Integer> timeline() {
    Map<String, Integer> bars = new LinkedHashMap<>();
    for (WebElement bar :
        root().findElements(By.cssSelector(".timeline:not([hidden]) .timeline-bar"))) {
      String name = bar.getAccessibleName();
      bars.put(
          bar.getDomAttribute("data-period"),
          Integer.parseInt(
              name.replaceFirst("^[^:]+: ([\\d,]+) paragraphs?$", "$1").replace(",", "")));
    }
    return bars;
  }

  /** The bar of one period of the timeline. */
  WebElement timelineBar(String period) {
    return root().findElement(By.cssSelector(".timeline-bar[data-period='" + period + "']"));
  }

  WebElement button(String css) {
    return root().findElement(By.cssSelector(css));
  }
}
