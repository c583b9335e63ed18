package dev.passage.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryCorrectionTest {

  @Test
  void onlyPlainWordsOfFourLettersOrMoreAreCorrectable() {
    assertThat(
            QueryCorrection.words(
                "title:astana OR oil* AND petrol~ \"Wang Yi\" NOT gas [2013 TO 2014] Wang"))
        .containsExactly("wang");
    assertThat(QueryCorrection.words("CICA chairmanshp")).containsExactly("cica", "chairmanshp");
    assertThat(QueryCorrection.words("/agricultur[a-z]+/ wheat")).isEmpty();
  }

  @Test
  void aCorrectionKeepsTheRestOfTheQueryAndTheCaseTyped() {
    Map<String, String> fixes = Map.of("nazarbaev", "nazarbayev", "chairmanshp", "chairmanship");

    assertThat(QueryCorrection.corrected("Nazarbaev AND \"CICA chairmanshp\"", fixes))
        .isEqualTo("Nazarbayev AND \"CICA chairmanship\"");
    assertThat(QueryCorrection.corrected("NAZARBAEV OR nazarbaev", fixes))
        .isEqualTo("NAZARBAYEV OR nazarbayev");
    assertThat(QueryCorrection.corrected("CICA chairmanship", fixes)).isNull();
    assertThat(QueryCorrection.corrected("chairmanshp", Map.of())).isNull();
  }
}
