package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FurnitureRulesTest {

  static Stream<FurnitureRules.Rule> bundledRules() {
    return FurnitureRules.bundled().rules().stream();
  }

  /** Each rule's example, as the last line of an article with real text before it. */
  private static String strip(FurnitureRules.Rule rule) {
    FurnitureRules only = new FurnitureRules(java.util.List.of(rule));
    String text =
        switch (rule.kind()) {
          case LEAD -> rule.example();
          case SIGNOFF -> "A real paragraph of the article. " + rule.example() + "\n";
          default -> "A real paragraph of the article.\n\n" + rule.example() + "\n";
        };
    Article article = new Article("a", "Some Title", null, null, null, text, "test");
    return new FurnitureStripper(only).strip(article).body();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundledRules")
  void everyBundledRuleRemovesItsExample(FurnitureRules.Rule rule) {
    assertThat(rule.example()).as("rule at %s has an example", rule.origin()).isNotBlank();
    String body = strip(rule);
    if (rule.kind() == FurnitureRules.Kind.LEAD) {
      assertThat(body).isNotEmpty().doesNotContain(" > ");
      assertThat(rule.example()).endsWith(body);
    } else {
      assertThat(body).isEqualTo("A real paragraph of the article.");
    }
  }

  @Test
  void aWireSignOffEndsNoArticleWhenItIsPartOfTheLastSentence() {
    FurnitureStripper stripper = new FurnitureStripper(FurnitureRules.bundled());
    assertThat(body(stripper, "Rates rose.\n\nThe bonds mature in 2002. REUTER\n"))
        .isEqualTo("Rates rose.\n\nThe bonds mature in 2002.");
    assertThat(body(stripper, "Rates rose.\n\nREUTER\n")).isEqualTo("Rates rose.");
    assertThat(body(stripper, "Defence 9.4 mln vs 13.1 mln REUTER\n"))
        .isEqualTo("Defence 9.4 mln vs 13.1 mln");
    assertThat(body(stripper, "Rates rose, he told Reuters\n"))
        .isEqualTo("Rates rose, he told Reuters");
    assertThat(body(stripper, "Rates rose, he told the AP\n"))
        .isEqualTo("Rates rose, he told the AP");
    assertThat(body(stripper, "Rates rose. AP\n\nMore text.\n"))
        .isEqualTo("Rates rose. AP\n\nMore text.");
  }

  private static String body(FurnitureStripper stripper, String text) {
    return stripper.strip(new Article("a", "Some Title", null, null, null, text, "test")).body();
  }

  @Test
  void aMistakeInTheRulesFileNamesItsLine() {
    assertThatThrownBy(
            () -> FurnitureRules.parse(TsvFile.parse("mine.tsv", "# rules\nremove\tfoo\tfoo\n")))
        .hasMessage(
            "mine.tsv:2: unknown kind 'remove'; use from, line, trailing, lead, byline or signoff");
    assertThatThrownBy(
            () -> FurnitureRules.parse(TsvFile.parse("mine.tsv", "line\t(unclosed\tx\n")))
        .hasMessageStartingWith("mine.tsv:1: bad regular expression");
  }
}
