package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.ingest.TsvFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every keyword of topics.tsv gives its topic. */
class TopicRulesTest {

  private static final TopicTagger TAGGER = new TopicTagger(TopicRules.bundled());

  static Stream<TopicRules.Keyword> keywords() {
    return TopicRules.bundled().keywords().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keywords")
  void eachKeywordAloneGivesItsTopic(TopicRules.Keyword keyword) {
    assertThat(
            TAGGER.topics(TAGGER.matches("Yesterday the " + keyword.written() + " was discussed.")))
        .as("'%s'", keyword.written())
        .containsExactly(keyword.topic());
  }

  @Test
  void keywordsCountInAllTheirForms() {
    assertThat(TAGGER.matches("He visited; visits and visiting.").get("diplomacy")).hasSize(3);
  }

  @Test
  void aParagraphGetsAtMostThreeTopicsAndNoStrayOnes() {
    String text =
        "Oil, gas and uranium dominated; trade, exports and imports grew; investors and loans;"
            + " rivers and irrigation; one farm was mentioned.";
    assertThat(TAGGER.topics(TAGGER.matches(text)))
        .containsExactly("trade", "energy", "investment");
  }

  @Test
  void anUnknownTopicIsReportedWithItsLine() {
    assertThatThrownBy(() -> TopicRules.parse(TsvFile.parse("topics.tsv", "sport\tfootball\n")))
        .hasMessageStartingWith("topics.tsv:1: unknown topic 'sport'");
  }
}
