package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParagraphSplitterTest {

  private final ParagraphSplitter splitter = new ParagraphSplitter();

  @Test
  void blankLinesSeparateParagraphs() {
    assertThat(splitter.split("One sentence.\n\n\nTwo sentences. Here.\n"))
        .containsExactly(
            new Paragraph(1, null, "One sentence."),
            new Paragraph(2, null, "Two sentences. Here."));
  }

  @Test
  void withoutBlankLinesEachLineIsAParagraph() {
    assertThat(splitter.split("First paragraph.\nSecond paragraph.\n“A quote,” he said."))
        .extracting(Paragraph::text)
        .containsExactly("First paragraph.", "Second paragraph.", "“A quote,” he said.");
  }

  @Test
  void hardWrappedLinesAreJoined() {
    assertThat(splitter.split("A sentence that was\nwrapped by an editor.\nNext one."))
        .extracting(Paragraph::text)
        .containsExactly("A sentence that was wrapped by an editor.", "Next one.");
  }

  @Test
  void shortTitleCasedLinesAreSectionsOfTheParagraphsBelow() {
    List<Paragraph> paragraphs =
        splitter.split(
            """
            The lead paragraph.
            Economic and Trade Cooperation
            Trade grew by 30%.
            Exports grew too.
            Agricultural Collaboration
            Farms were discussed.\
            """);
    assertThat(paragraphs)
        .containsExactly(
            new Paragraph(1, null, "The lead paragraph."),
            new Paragraph(2, "Economic and Trade Cooperation", "Trade grew by 30%."),
            new Paragraph(3, "Economic and Trade Cooperation", "Exports grew too."),
            new Paragraph(4, "Agricultural Collaboration", "Farms were discussed."));
  }

  @Test
  void aHeadingWithNothingBelowIsDropped() {
    assertThat(splitter.split("Text.\nRead More Stories"))
        .containsExactly(new Paragraph(1, null, "Text."));
  }

  @Test
  void tableRowsAreNotHeadings() {
    assertThat(splitter.split("Shr 20 cts vs 15 cts\n\nNet 5,000 vs 4,000\n\nRevs up."))
        .extracting(Paragraph::section)
        .containsOnlyNulls();
  }

  @Test
  void aLeadInIsJoinedToTheQuotationItIntroduces() {
    assertThat(
            splitter.split(
                "Murat Nurtleu emphasized the relationship, stating,\n“Kazakhstan attaches"
                    + " priority importance to it.”\nHe also noted more.\nThe list:\nfirst item."))
        .extracting(Paragraph::text)
        .containsExactly(
            "Murat Nurtleu emphasized the relationship, stating, “Kazakhstan attaches priority"
                + " importance to it.”",
            "He also noted more.",
            "The list: first item.");
  }

  @Test
  void anOverlongBlockIsCutAtSentenceEnds() {
    String sentence = "This sentence is exactly fifty characters long ok. ";
    String block = sentence.repeat(200).strip();
    List<Paragraph> paragraphs = splitter.split(block);
    assertThat(paragraphs).hasSizeGreaterThan(2);
    assertThat(paragraphs)
        .allSatisfy(p -> {
          assertThat(p.text().length()).isLessThanOrEqualTo(ParagraphSplitter.MAX_PARAGRAPH_CHARS);
          assertThat(p.text()).endsWith("ok.");
        });
    assertThat(String.join(" ", paragraphs.stream().map(Paragraph::text).toList()))
        .isEqualTo(block);
  }

  @Test
  void aRunWithoutSpacesIsCutAtTheLimitAndNeverInsideACharacter() {
    String emoji = "\uD83D\uDE00";
    String run = "x" + emoji.repeat(ParagraphSplitter.MAX_PARAGRAPH_CHARS * 3);
    List<Paragraph> paragraphs = splitter.split(run);
    assertThat(paragraphs).hasSizeGreaterThan(5);
    assertThat(paragraphs)
        .allSatisfy(p -> {
          assertThat(p.text().length()).isLessThanOrEqualTo(ParagraphSplitter.MAX_PARAGRAPH_CHARS);
          assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1))).isFalse();
          assertThat(Character.isLowSurrogate(p.text().charAt(0))).isFalse();
        });
    assertThat(String.join("", paragraphs.stream().map(Paragraph::text).toList())).isEqualTo(run);
  }

  @Test
  void linesWithoutLettersOrDigitsAreNotParagraphs() {
    assertThat(splitter.split("Text.\n\n* * *\n\n—\n\nMore text."))
        .extracting(Paragraph::text)
        .containsExactly("Text.", "More text.");
  }

  @Test
  void runsOfSpacesTabsAndFeedsInALineBecomeOneSpaceAsTheRegularExpressionWould() {
    assertThat(Text.collapseSpaces("a  b\t\tc \f d")).isEqualTo("a b c d");
    assertThat(Text.collapseSpaces("plain words")).isSameAs("plain words");
    Random random = new Random(20261123);
    String alphabet = "ab \t\u000B\f\r\n\u00a0\u2003é";
    for (int n = 0; n < 10_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = line.toString();
      assertThat(Text.collapseSpaces(text)).as(text).isEqualTo(text.replaceAll("\\s+", " "));
    }
  }
}
