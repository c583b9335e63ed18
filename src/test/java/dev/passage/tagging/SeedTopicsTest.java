package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.ProcessedArticle;
import dev.passage.ingest.TsvFile;
import dev.passage.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topic rules against a careful reader on news nobody tuned them for: every paragraph of the
 * seed articles, labelled by hand in {@code seed-topics.tsv}.
 *
 * <p>The rules agree with the reader on a paragraph when they find what it is chiefly about (the
 * reader's first topic is among the rules' topics) and give nothing the reader would not (every
 * topic of the rules is among the reader's). A paragraph the rules leave without topics disagrees.
 */
class SeedTopicsTest {

  private static final String LABELS = "seed-topics.tsv";

  /** The share of paragraphs on which the rules must agree with the reader. */
  private static final double REQUIRED_AGREEMENT = 0.80;

  /** One paragraph: the reader's topics (chief subject first) and the rules' topics. */
  private record Judged(String id, String start, List<String> reader, List<String> rules) {

    boolean agrees() {
      return rules.contains(reader.getFirst()) && reader.containsAll(rules);
    }

    @Override
    public String toString() {
      return id + " \"" + start + "…\": reader " + reader + ", rules " + rules;
    }
  }

  private static final Map<String, TaggedParagraph> PARAGRAPHS = new LinkedHashMap<>();
  private static final List<TsvFile.Row> ROWS = TsvFile.resource(LABELS);

  @BeforeAll
  static void tagTheSeedArticles() throws Exception {
    for (ProcessedArticle article : Fixtures.seedArticles()) {
      for (TaggedParagraph p : article.paragraphs()) {
        PARAGRAPHS.put(article.id() + "#" + p.paragraph().number(), p);
      }
    }
  }

  @Test
  void theReaderLabelledEveryParagraphOnceWithKnownTopics() {
    List<String> labelled = new ArrayList<>();
    for (TsvFile.Row row : ROWS) {
      String id = row.column(0) + "#" + row.column(1);
      labelled.add(id);
      assertThat(PARAGRAPHS).as(id).containsKey(id);
      assertThat(PARAGRAPHS.get(id).paragraph().text()).as(id).startsWith(row.column(3));
      assertThat(TopicRules.bundled().topics()).as(id).containsAll(readerTopics(row));
    }
    assertThat(labelled).hasSize(58).containsExactlyElementsOf(PARAGRAPHS.keySet());
  }

  @Test
  void theRulesAgreeWithTheReaderOnAtLeastFourParagraphsInFive() {
    List<Judged> judged = new ArrayList<>();
    for (TsvFile.Row row : ROWS) {
      String id = row.column(0) + "#" + row.column(1);
      judged.add(
          new Judged(id, row.column(3), readerTopics(row), PARAGRAPHS.get(id).tags().topics()));
    }
    List<Judged> disagreeing = judged.stream().filter(j -> !j.agrees()).toList();
    int agreeing = judged.size() - disagreeing.size();
    String report =
        String.format(
            "the rules agree with the reader on %d of %d paragraphs (%.0f %%); they disagree on:%n%s",
            agreeing,
            judged.size(),
            100.0 * agreeing / judged.size(),
            String.join("\n", disagreeing.stream().map(Judged::toString).toList()));
    System.out.println(report);
    assertThat(agreeing).as(report).isGreaterThanOrEqualTo(required(judged.size()));
  }

  private static int required(int paragraphs) {
    return (int) Math.ceil(REQUIRED_AGREEMENT * paragraphs);
  }

  private static List<String> readerTopics(TsvFile.Row row) {
    return List.of(row.column(2).split("\\s*,\\s*"));
  }
}
