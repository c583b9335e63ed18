package dev.passage.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.tagging.EntityList;
import dev.passage.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation scores tiny corpora in the shapes of CoNLL-2003 and Reuters-21578 exactly. */
class TaggingEvaluationTest {

  private static final String CONLL =
      """
      {"id": "c1", "title": "GERMANY - POEHL WARNS BUNDESBANK .", "text": "BONN 1996-08-30\\n\\nKarl Otto Poehl met the Bundesbank on Friday , Poehl said .\\n\\nThe KDP denied it .", "gold": {"entities": [{"type": "PER", "text": "POEHL"}, {"type": "LOC", "text": "BONN"}, {"type": "PER", "text": "Karl Otto Poehl"}, {"type": "ORG", "text": "Bundesbank"}, {"type": "PER", "text": "Poehl"}, {"type": "ORG", "text": "KDP"}]}}
      {"id": "c2", "title": "SOCCER - BARCELONA WIN .", "text": "Ronaldo scored twice for Barcelona .", "gold": {"entities": [{"type": "PER", "text": "Ronaldo"}, {"type": "ORG", "text": "Barcelona"}]}}
      """;

  private static final String REUTERS =
      """
      {"id": "r1", "title": "BAKER ON DOLLAR", "text": "Treasury Secretary James Baker said the IMF should act.", "gold": {"people_names": ["Treasury Secretary James Baker"], "orgs_names": ["International Monetary Fund"]}}
      {"id": "r2", "title": "COCOA", "text": "Showers continued in the cocoa zone.", "gold": {"people_names": [], "orgs_names": []}}
      {"id": "r3", "title": "EC MINISTERS", "text": "Ministers met in Brussels on Monday.", "gold": {"people_names": [], "orgs_names": ["European Community"]}}
      """;

  @TempDir Path dir;

  private final TaggingEvaluation evaluation = new TaggingEvaluation(EntityList.bundled());

  @Test
  void conllCountsDistinctNamesPerArticleWithSurnamesFoldedAndHeadlinesLeftOut() throws Exception {
    TaggingEvaluation.ConllTable t = evaluation.conll(Fixtures.write(dir, "conll.jsonl", CONLL));

    assertThat(t.articles()).isEqualTo(2);
    assertThat(t.newsArticles()).isEqualTo(1);
    assertThat(t.newsPersons()).isEqualTo(new Score(1, 1, 1));
    assertThat(t.newsOrganisations()).isEqualTo(new Score(2, 2, 2));
    assertThat(t.persons()).isEqualTo(new Score(1, 1, 2));
    assertThat(t.organisations()).isEqualTo(new Score(2, 2, 3));

    StringWriter out = new StringWriter();
    TaggingEvaluation.printConll(t, "conll.jsonl", new PrintWriter(out, true));
    assertThat(out.toString())
        .contains(
            "| conll.jsonl, all articles | 2 | 1.000 | 0.500 | **0.667** | 1.000 | 0.667 |"
                + " **0.800** |")
        .contains(
            "| conll.jsonl, news articles | 1 | 1.000 | 1.000 | **1.000** | 1.000 | 1.000 |"
                + " **1.000** |");
  }

  @Test
  void reutersCountsTheLabelsFoundAndTheArticlesWithEveryLabelTagged() throws Exception {
    ReutersEvaluation.Totals t = evaluation.reuters(Fixtures.write(dir, "reuters.jsonl", REUTERS));

    assertThat(t.articles()).isEqualTo(2);
    assertThat(t.complete()).isEqualTo(1);
    assertThat(t.persons().found()).isEqualTo(1);
    assertThat(t.persons().gold()).isEqualTo(1);
    assertThat(t.organisations().found()).isEqualTo(1);
    assertThat(t.organisations().gold()).isEqualTo(2);
  }

  @Test
  void tokenisedTextIsReadAsANewsroomWroteIt() {
    assertThat(ConllEvaluation.detokenise("England 's costs ( up 5 % ) rose , he said ."))
        .isEqualTo("England's costs (up 5%) rose, he said.");
    assertThat(ConllEvaluation.isNews("SOCCER - BARCELONA WIN .")).isFalse();
    assertThat(ConllEvaluation.isNews("BASKETBALLSOCCER - RESULTS")).isFalse();
    assertThat(ConllEvaluation.isNews("GERMANY - POEHL WARNS BUNDESBANK .")).isTrue();
  }
}
