package dev.passage.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.Dimension;
import dev.passage.engine.SuggestRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueSuggesterTest {

  @Test
  void whenNamesWouldFillTheListAQuarterOfItIsKeptForPhrases() throws Exception {
    Map<String, Long> boards = new HashMap<>();
    for (int i = 1; i <= 10; i++) {
      boards.put("Trade Board " + (char) ('A' + i), 100L + i);
    }
    ValueSuggester suggester =
        ValueSuggester.of(
            Map.of(Dimension.ORGANISATION, boards),
            KnownValues.bundled(),
            Map.of("trade deficit", 2L, "trade surplus", 3L, "trade talks", 4L));

    List<String> eight =
        suggester.suggest(new SuggestRequest("trade", 8)).stream()
            .map(s -> s.kind() + ":" + s.text())
            .toList();

    assertThat(eight)
        .containsExactly(
            "organisation:Trade Board K",
            "organisation:Trade Board J",
            "organisation:Trade Board I",
            "organisation:Trade Board H",
            "organisation:Trade Board G",
            "organisation:Trade Board F",
            "query:trade talks",
            "query:trade surplus");
    assertThat(suggester.suggest(new SuggestRequest("trade", 3)))
        .extracting(s -> s.kind())
        .containsOnly("organisation");
  }
}
