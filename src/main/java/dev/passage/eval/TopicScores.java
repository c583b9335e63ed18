package dev.passage.eval;

import dev.passage.index.ProcessedArticle;
import dev.passage.tagging.TaggedParagraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Article-level topics against a labelled corpus's own categories: an article has a topic when one
 * of its paragraphs carries it (as the index holds them), and is about a topic when its labels
 * include one of the topic's categories. Only labelled articles are scored.
 */
public final class TopicScores {

  /**
   * One topic's score over the labelled articles.
   *
   * @param score articles both tagged and labelled ({@code found}), tagged, and labelled
   */
  public record Row(String topic, Set<String> categories, Score score) {}

  private TopicScores() {}

  /**
   * The labels of every labelled article of a JSON-lines corpus, by id: its {@code gold.topics} and
   * its {@code gold.category}.
   */
  public static Map<String, Set<String>> labels(Path file) throws IOException {
    Map<String, Set<String>> labels = new HashMap<>();
    for (CorpusArticle article : CorpusArticle.read(file)) {
      Set<String> set = new LinkedHashSet<>();
      for (JsonNode t : article.gold().path("topics")) {
        set.add(t.asString(""));
      }
      set.add(article.gold().path("category").asString(""));
      set.remove("");
      if (!set.isEmpty() && !article.paragraphs().isEmpty()) {
        labels.put(article.id(), Set.copyOf(set));
      }
    }
    return labels;
  }

  /** Each mapped topic's score over the tagged articles that carry labels. */
  public static List<Row> score(
      List<ProcessedArticle> tagged, Map<String, Set<String>> labels, TopicCategories mapping) {
    Map<String, Score> scores = new HashMap<>();
    for (ProcessedArticle article : tagged) {
      Set<String> gold = labels.get(article.id());
      if (gold == null) {
        continue;
      }
      Set<String> about = mapping.topicsOf(gold);
      Set<String> topics = new HashSet<>();
      for (TaggedParagraph p : article.paragraphs()) {
        topics.addAll(p.tags().topics());
      }
      for (String topic : mapping.topics()) {
        boolean has = topics.contains(topic);
        boolean is = about.contains(topic);
        scores.merge(topic, new Score(has && is ? 1 : 0, has ? 1 : 0, is ? 1 : 0), Score::plus);
      }
    }
    return mapping.topics().stream()
        .map(t -> new Row(t, mapping.categories(t), scores.getOrDefault(t, Score.ZERO)))
        .toList();
  }
}
