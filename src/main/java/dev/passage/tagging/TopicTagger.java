package dev.passage.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns topics by counting keyword uses in one pass over a paragraph's stems. A paragraph gets up
 * to three topics: those used most, each at least a third as often as the first, so one stray word
 * does not outweigh a paragraph's clear subject.
 */
public final class TopicTagger {

  static final int MAX_TOPICS = 3;

  private final TopicRules rules;
  private final Map<String, List<TopicRules.Keyword>> byFirstStem;

  /** Per topic, the keywords (as written) that count only with the topic's context. */
  private final Map<String, Set<String>> needContext = new HashMap<>();

  public TopicTagger(TopicRules rules) {
    this.rules = rules;
    this.byFirstStem = rules.byFirstStem();
    for (TopicRules.Keyword k : rules.keywords()) {
      if (k.needsContext()) {
        needContext.computeIfAbsent(k.topic(), t -> new HashSet<>()).add(k.written());
      }
    }
  }

  /**
   * The keyword uses of an article's paragraphs, without those of keywords that need context in an
   * article that uses none of their topic's other keywords: "exports" alone is a commodity story,
   * "exports" beside "tariffs" is trade.
   */
  public List<Map<String, List<String>>> inContext(List<Map<String, List<String>>> paragraphs) {
    Set<String> outOfContext = new HashSet<>(needContext.keySet());
    for (Map<String, List<String>> m : paragraphs) {
      m.forEach((topic, words) -> {
        Set<String> weak = needContext.getOrDefault(topic, Set.of());
        if (words.stream().anyMatch(w -> !weak.contains(w))) {
          outOfContext.remove(topic);
        }
      });
    }
    if (outOfContext.isEmpty()) {
      return paragraphs;
    }
    List<Map<String, List<String>>> kept = new ArrayList<>(paragraphs.size());
    for (Map<String, List<String>> m : paragraphs) {
      Map<String, List<String>> copy = new LinkedHashMap<>(m);
      copy.keySet().removeAll(outOfContext);
      kept.add(copy);
    }
    return kept;
  }

  /** The keyword uses of each topic in {@code text}, topics in rule order. */
  public Map<String, List<String>> matches(String text) {
    List<String> stems = rules.stems(text);
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (int i = 0; i < stems.size(); i++) {
      List<TopicRules.Keyword> candidates = byFirstStem.get(stems.get(i));
      if (candidates == null) {
        continue;
      }
      TopicRules.Keyword best = null;
      for (TopicRules.Keyword k : candidates) {
        if (matchesAt(stems, i, k) && (best == null || k.stems().size() > best.stems().size())) {
          best = k;
        }
      }
      if (best != null) {
        found.computeIfAbsent(best.topic(), t -> new ArrayList<>()).add(best.written());
        i += best.stems().size() - 1;
      }
    }
    return found;
  }

  /** The topics of a paragraph, most used first. */
  public List<String> topics(Map<String, List<String>> matches) {
    if (matches.isEmpty()) {
      return List.of();
    }
    List<String> ranked = new ArrayList<>(matches.keySet());
    ranked.sort(
        Comparator.comparingInt((String t) -> -matches.get(t).size())
            .thenComparingInt(TopicRules.TOPICS::indexOf));
    int top = matches.get(ranked.getFirst()).size();
    return ranked.stream().filter(t -> matches.get(t).size() * 3 >= top).limit(MAX_TOPICS).toList();
  }

  private static boolean matchesAt(List<String> stems, int i, TopicRules.Keyword k) {
    if (i + k.stems().size() > stems.size()) {
      return false;
    }
    for (int j = 0; j < k.stems().size(); j++) {
      if (!stems.get(i + j).equals(k.stems().get(j))) {
        return false;
      }
    }
    return true;
  }
}
