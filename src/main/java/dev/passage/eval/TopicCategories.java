package dev.passage.eval;

import dev.passage.ingest.TsvFile;
import dev.passage.tagging.TopicRules;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a labelled corpus's own categories mean in the tagger's topics ({@code
 * passage/topic-categories.tsv}): Reuters' {@code crude} and {@code nat-gas} are {@code energy}.
 */
public final class TopicCategories {

  /** The bundled mapping, Reuters-21578's. */
  public static final String RESOURCE = "passage/topic-categories.tsv";

  private final Map<String, Set<String>> categories;

  /** The topics in the tagger's order. */
  private final List<String> order;

  private TopicCategories(Map<String, Set<String>> categories, List<String> order) {
    this.categories = categories;
    this.order = order;
  }

  /** The bundled mapping, of the bundled topics. */
  public static TopicCategories bundled() {
    return parse(TsvFile.resource(RESOURCE), TopicRules.bundled().topics());
  }

  /**
   * A mapping from rows of topic and comma-separated categories, each topic one of {@code topics}.
   */
  public static TopicCategories parse(List<TsvFile.Row> rows, List<String> topics) {
    Map<String, Set<String>> categories = new LinkedHashMap<>();
    for (TsvFile.Row row : rows) {
      String topic = row.column(0);
      if (!topics.contains(topic)) {
        throw row.error("unknown topic '" + topic + "'; topics are " + topics);
      }
      Set<String> set = categories.computeIfAbsent(topic, t -> new LinkedHashSet<>());
      Arrays.stream(row.column(1).split(","))
          .map(String::strip)
          .filter(c -> !c.isEmpty())
          .forEach(set::add);
      if (set.isEmpty()) {
        throw row.error("topic '" + topic + "' has no categories");
      }
    }
    categories.replaceAll((t, s) -> Set.copyOf(s));
    return new TopicCategories(Map.copyOf(categories), List.copyOf(topics));
  }

  /** The topics mapped, in the order of the topics file they belong to. */
  public List<String> topics() {
    return order.stream().filter(categories::containsKey).toList();
  }

  /** The categories that mean {@code topic}; empty when it is not mapped. */
  public Set<String> categories(String topic) {
    return categories.getOrDefault(topic, Set.of());
  }

  /** The mapped topics that an article with these labels is about. */
  public Set<String> topicsOf(Set<String> labels) {
    Set<String> topics = new LinkedHashSet<>();
    for (String topic : topics()) {
      if (categories.get(topic).stream().anyMatch(labels::contains)) {
        topics.add(topic);
      }
    }
    return topics;
  }
}
