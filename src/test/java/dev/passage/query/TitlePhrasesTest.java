package dev.passage.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.TsvFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TitlePhrasesTest {

  private static Map<String, Long> phrases(String... titles) {
    return TitlePhrases.bundled().count(List.of(titles));
  }

  @Test
  void aPhraseOfTwoOrThreeWordsInTwoTitlesIsCountedOncePerTitleInLowerCase() {
    assertThat(
            phrases(
                "U.S. TRADE DEFICIT WIDENS",
                "Japan trade deficit narrows, trade deficit seen",
                "Trade surplus grows"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("trade deficit", 2L));
    assertThat(phrases("Money market shortage forecast", "U.K. money market shortage forecast"))
        .containsOnlyKeys(
            "money market",
            "market shortage",
            "shortage forecast",
            "money market shortage",
            "market shortage forecast");
  }

  @Test
  void aPhraseNeverSpansPunctuationATickerOrADashStandingAlone() {
    assertThat(TitlePhrases.clauses("Analysis: Xi Visits Kazakhstan, Again"))
        .containsExactly(List.of("xi", "visits", "kazakhstan"));
    assertThat(TitlePhrases.clauses("Chrysler <C> sets payout - U.S. car sales (\"up\")"))
        .containsExactly(List.of("sets", "payout"), List.of("u.s.", "car", "sales"));
    assertThat(TitlePhrases.clauses("Oil falls. Gold rises"))
        .containsExactly(List.of("oil", "falls"), List.of("gold", "rises"));
  }

  @Test
  void aPhraseThatBeginsOrEndsWithANumberIsLeftOutButOneInsideIsKept() {
    assertThat(phrases("Boeing 747 orders rise in 1987", "Boeing 747 orders rise in 1987"))
        .containsOnlyKeys("boeing 747 orders", "orders rise");
  }

  @Test
  void everyStopWordKeepsOutThePhrasesThatBeginOrEndWithItButNotThoseItIsInside() {
    List<TsvFile.Row> rows = TsvFile.resource(TitlePhrases.RESOURCE);
    assertThat(rows).hasSizeGreaterThan(30);
    for (TsvFile.Row row : rows) {
      String word = row.column(0);
      String title = "cocoa " + word + " grain";
      assertThat(phrases(word + " cocoa prices", word + " cocoa prices", title, title))
          .as(word)
          .isEqualTo(Map.of("cocoa prices", 2L, title, 2L));
    }
  }

  @Test
  void onlyTheMostFrequentPhrasesAreKeptOnAVeryLargeArchive() {
    List<String> titles = new java.util.ArrayList<>();
    for (int i = 0; i < TitlePhrases.MAX_PHRASES + 10; i++) {
      titles.add("alpha" + i + " beta");
      titles.add("alpha" + i + " beta");
    }
    titles.add("alpha0 beta");
    Map<String, Long> kept = TitlePhrases.bundled().count(titles);

    assertThat(kept).hasSize(TitlePhrases.MAX_PHRASES).containsEntry("alpha0 beta", 3L);
    assertThat(Set.copyOf(kept.values())).containsExactlyInAnyOrder(2L, 3L);
  }
}
