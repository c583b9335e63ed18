package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedInputTest {

  @Test
  void shortTextIsQuotedAsItIs() {
    assertThat(QuotedInput.clip("CICA", 4)).isEqualTo("CICA");
  }

  @Test
  void longTextIsCutAfterTheLimitWithAnEllipsis() {
    assertThat(QuotedInput.clip("CICA chairmanship", 4)).isEqualTo("CICA…");
  }

  @Test
  void aLetterOfTwoCharsIsNeverCutInHalf() {
    String text = "ab\uD835\uDD38cd"; // "ab𝔸cd": 𝔸 is two chars
    assertThat(QuotedInput.clip(text, 3)).isEqualTo("ab…");
    assertThat(QuotedInput.clip(text, 4)).isEqualTo("ab\uD835\uDD38…");
  }
}
