package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FurnitureStripperTest {

  private final FurnitureStripper stripper = new FurnitureStripper(FurnitureRules.bundled());

  private CleanText strip(String title, String source, String text) {
    return stripper.strip(new Article("a", title, null, source, null, text, "test"));
  }

  @Test
  void theBreadcrumbAndTheRepeatedTitleAreRemoved() {
    CleanText clean =
        strip(
            "Kazakhstan supported China in taking over the CICA chairmanship in 2014",
            null,
            """
            Asia > Eastern Asia > China > Kazakhstan supported China in taking over the CICA chairmanship in 2014.

            China: Kazakhstan supported China in taking over the CICA chairmanship in 2014.


            In 2013, the partnership continued to deepen.
            """);
    assertThat(clean.body()).isEqualTo("In 2013, the partnership continued to deepen.");
  }

  @Test
  void aRelatedArticlesBlockIsCutWithAllItsTeasers() {
    CleanText clean =
        strip(
            null,
            null,
            """
            The article's last paragraph.

            Related Articles
              • Africa's Relationship With China Is Ancient History

                2017/07/02 In 2002 South Africa's Parliament unveiled a map.
            """);
    assertThat(clean.body()).isEqualTo("The article's last paragraph.");
  }

  @Test
  void newsletterCommentsAndSignOffLinesAreRemoved() {
    CleanText clean =
        strip(
            null,
            "TN Media News",
            """
            Body text.
            Get The Astana Times stories sent directly to you! Sign up via the website.
            Comments (0)

            TN Media News\
            """);
    assertThat(clean.body()).isEqualTo("Body text.");
  }

  @Test
  void aRelatedNewsBlurbAtTheEndIsRemovedButNotInTheMiddle() {
    String text =
        """
        Earlier Reuters reported that talks had stalled.
        The ministers met again on Monday.
        Earlier Daryo reported that China and Uzbekistan upgraded their relationship.
        Comments (0)\
        """;
    assertThat(strip(null, null, text).body())
        .isEqualTo(
            "Earlier Reuters reported that talks had stalled.\nThe ministers met again on Monday.");
  }

  @Test
  void aBylineLeavesTheTextAndIsKept() {
    CleanText clean =
        strip(
            "Analysis: Xi Visits",
            null,
            """
            Analysis: Xi Visits.

            Written by: Ms. Hafsa Akram Research Fellow, PRCCSF, Islamabad.
            On 14 Sep 2022, Xi visited Kazakhstan.\
            """);
    assertThat(clean.byline()).isEqualTo("Ms. Hafsa Akram Research Fellow, PRCCSF, Islamabad.");
    assertThat(clean.body()).isEqualTo("On 14 Sep 2022, Xi visited Kazakhstan.");
  }

  @Test
  void withoutMetadataAShortFirstLineStandingAloneIsTheTitle() {
    CleanText clean =
        strip(
            null,
            null,
            """
            New Historic Milestone Approaching for Kazakhstan-China Relations

            ASTANA – Relations with China have always been defined by dialogue.\
            """);
    assertThat(clean.headerTitle())
        .isEqualTo("New Historic Milestone Approaching for Kazakhstan-China Relations");
    assertThat(clean.body()).startsWith("ASTANA");
  }

  @Test
  void withoutMetadataALeadParagraphIsNotTakenForATitle() {
    String lead =
        "Kazakhstan Foreign Minister Erlan Idrissov met with China Deputy Prime Minister Li"
            + " Yuanchao, Foreign Minister Wang Yi and officials during his visit to China.";
    CleanText clean = strip(null, null, lead + "\nIdrissov visited on the invitation of Wang Yi.");
    assertThat(clean.headerTitle()).isNull();
    assertThat(clean.body()).startsWith(lead);
  }

  @Test
  void linesAreComparedByTheirLettersAndDigitsLowerCasedWithoutAccents() {
    assertThat(FurnitureStripper.key("  China: Xi’s VISIT to Astana!  "))
        .isEqualTo("china xi s visit to astana");
    assertThat(FurnitureStripper.key("Café Ünïcode — ½ price, Ⅻ"))
        .isEqualTo("cafe unicode 1 2 price xii");
    assertThat(FurnitureStripper.key("---")).isEmpty();
  }

  @Test
  void theKeyIsWhatTheRegularExpressionsOfItsDefinitionGive() {
    Random random = new Random(20261123);
    // ASCII, Latin with accents, combining marks, Cyrillic, CJK, numbers, dotted capital I.
    String alphabet = "aZ9 .,:;-’'\"(é)ÉüñçÇ\u0301\u0308ИжшЖ中文¹½Ⅻİß\t\u00a0🙂";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      String line = text.toString();
      String folded = Normalizer.normalize(line, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
      String expected = folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      assertThat(FurnitureStripper.key(line)).as(line).isEqualTo(expected);
    }
  }
}
