package dev.passage.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns topics by counting keyword uses in one pass over a paragraph's stems. A paragraph gets up
 * to three topics: those used most, each at least a third as often as the first, so one stray word
 * does not outweigh a paragraph's clear subject.
 */
public final class TopicTagger {

  static final int MAX_TOPICS = 3;

  private final TopicRules rules;
  private final Map<String, List<TopicRules.Keyword>> byFirstStem;

  public TopicTagger(TopicRules rules) {
    this.rules = rules;
    this.byFirstStem = rules.byFirstStem();
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
