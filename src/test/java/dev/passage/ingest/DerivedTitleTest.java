package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedTitleTest {

  private static String title(String firstParagraph) {
    return DerivedTitle.from(new Paragraph(1, null, firstParagraph));
  }

  @Test
  void aShortFirstSentenceIsTheWholeTitleWithoutItsPeriod() {
    assertThat(title("Astana hosts the summit. Delegations arrive on Monday."))
        .isEqualTo("Astana hosts the summit");
  }

  @Test
  void aLongSentenceIsCutAfterTwelveWords() {
    assertThat(title("one two three four five six seven eight nine ten eleven twelve thirteen."))
        .isEqualTo("one two three four five six seven eight nine ten eleven twelve…");
  }

  @Test
  void aCutInsideANameRunsOnToTheNamesEnd() {
    assertThat(
            title(
                "Kazakhstan Foreign Minister Erlan Idrissov met with China Deputy Prime Minister Li"
                    + " Yuanchao, Foreign Minister Wang Yi and officials during his visit."))
        .isEqualTo(
            "Kazakhstan Foreign Minister Erlan Idrissov met with China Deputy Prime Minister Li"
                + " Yuanchao…");
  }

  @Test
  void aNameTooLongToFinishIsLeftOutRatherThanHalved() {
    assertThat(
            title(
                "The talks on the pipeline were opened by Deputy Prime Minister Of The Republic"
                    + " Of Kazakhstan Bakytzhan Sagintayev today."))
        .isEqualTo("The talks on the pipeline were opened by…");
  }

  @Test
  void aCutAtTheEndOfAClauseDropsItsComma() {
    assertThat(
            title(
                "In a statement on Monday the ministry said that the long talks, held in"
                    + " Astana, were useful."))
        .isEqualTo("In a statement on Monday the ministry said that the long talks…");
  }
}
