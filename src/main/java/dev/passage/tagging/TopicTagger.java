package dev.passage.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Assigns topics by counting keyword uses in one pass over a paragraph's stems. A topic is what a
 * paragraph is about, not a word it contains: the paragraph uses the topic's keywords at least
 * twice, or once in an article about the topic, one that uses them at least twice and at least a
 * quarter as often as its most used topic. The headline counts as part of the article. A paragraph
 * gets up to three such topics: those used most, each at least a third as often as the first, so
 * one stray word does not outweigh a paragraph's clear subject. A paragraph with none gets the
 * article's main topic, when the headline (or, without one, the first paragraph) names it. A word
 * that ends a longer keyword of another topic used in the same article is read in that keyword's
 * sense ("oil" beside "palm oil"), and a name the paragraphs name is a name in the headline too.
 */
public final class TopicTagger {

  static final int MAX_TOPICS = 3;

  /** Keyword uses that make a paragraph about a topic on its own. */
  static final int PARAGRAPH_USES = 2;

  /** Keyword uses that make an article about a topic, so that one use makes a paragraph so. */
  static final int ARTICLE_USES = 2;

  /**
   * An article is about a topic only if it uses it at least a quarter as often as its most used
   * one: a takeover story that says "oil" twice and "stake", "shareholders" and "capital" a dozen
   * times is no energy story.
   */
  static final int ARTICLE_SHARE = 4;

  /** One topic of a paragraph and the rule that gave it, as {@code explain=true} shows it. */
  public record Topic(String name, String reason) {}

  private final TopicRules rules;
  private final Map<String, List<TopicRules.Keyword>> byFirstStem;

  /** Per topic, the keywords (as written) that count only with the topic's context. */
  private final Map<String, Set<String>> needContext = new HashMap<>();

  /**
   * Per topic and keyword of one word (as written), the longer keywords that end in it: those of
   * other topics give it their sense, those of its own topic keep it.
   */
  private final Map<String, Map<String, List<TopicRules.Keyword>>> endingIn = new HashMap<>();

  public TopicTagger(TopicRules rules) {
    this.rules = rules;
    this.byFirstStem = rules.byFirstStem();
    for (TopicRules.Keyword k : rules.keywords()) {
      if (k.needsContext()) {
        needContext.computeIfAbsent(k.topic(), t -> new HashSet<>()).add(k.written());
      }
    }
    for (TopicRules.Keyword word : rules.keywords()) {
      if (word.stems().size() != 1 || word.needsContext()) {
        continue;
      }
      List<TopicRules.Keyword> longer =
          rules.keywords().stream()
              .filter(
                  k -> k.stems().size() > 1 && k.stems().getLast().equals(word.stems().getFirst()))
              .toList();
      if (longer.stream().anyMatch(k -> !k.topic().equals(word.topic()))) {
        endingIn.computeIfAbsent(word.topic(), t -> new HashMap<>()).put(word.written(), longer);
      }
    }
  }

  /**
   * The keyword uses of an article's paragraphs (the headline last), with a word that ends a longer
   * keyword of another topic used in the same article read in that keyword's sense: "oil" in an
   * article about palm oil is palm oil, not energy. An article that also uses a longer keyword of
   * the word's own topic ("crude oil") shows both senses, and the word keeps its own.
   */
  List<Map<String, List<String>>> inSense(List<Map<String, List<String>>> paragraphs) {
    if (endingIn.isEmpty()) {
      return paragraphs;
    }
    Map<String, Set<String>> used = new HashMap<>();
    for (Map<String, List<String>> m : paragraphs) {
      m.forEach((topic, words) -> used.computeIfAbsent(topic, t -> new HashSet<>()).addAll(words));
    }
    Map<String, Map<String, TopicRules.Keyword>> senses = new HashMap<>();
    used.forEach((topic, words) -> {
      Map<String, List<TopicRules.Keyword>> ending = endingIn.getOrDefault(topic, Map.of());
      for (String w : words) {
        List<TopicRules.Keyword> longer = ending.get(w);
        if (longer == null) {
          continue;
        }
        List<TopicRules.Keyword> inArticle =
            longer.stream()
                .filter(k -> used.getOrDefault(k.topic(), Set.of()).contains(k.written()))
                .toList();
        if (!inArticle.isEmpty() && inArticle.stream().noneMatch(k -> k.topic().equals(topic))) {
          senses.computeIfAbsent(topic, t -> new HashMap<>()).put(w, inArticle.getFirst());
        }
      }
    });
    if (senses.isEmpty()) {
      return paragraphs;
    }
    List<Map<String, List<String>>> read = new ArrayList<>(paragraphs.size());
    for (Map<String, List<String>> m : paragraphs) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      m.forEach((topic, words) -> {
        Map<String, TopicRules.Keyword> sense = senses.getOrDefault(topic, Map.of());
        for (String w : words) {
          TopicRules.Keyword k = sense.get(w);
          copy.computeIfAbsent(k == null ? topic : k.topic(), t -> new ArrayList<>())
              .add(k == null ? w : w + " (as in " + k.written() + ")");
        }
      });
      read.add(copy);
    }
    return read;
  }

  /**
   * The keyword uses of an article's paragraphs, without those of keywords that need context in an
   * article that uses none of their topic's other keywords: "exports" alone is a commodity story,
   * "exports" beside "tariffs" is trade.
   */
  List<Map<String, List<String>>> inContext(List<Map<String, List<String>>> paragraphs) {
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
    return matches(text, List.of());
  }

  /** The keyword uses of each topic in {@code text} outside the {@code names} found in it. */
  Map<String, List<String>> matches(String text, List<Mention> names) {
    List<String> stems = rules.stems(text, names);
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

  /**
   * The topics of each paragraph of one article, most used first, each with its reason; {@code
   * names} are the names found in each paragraph, whose words are not keywords.
   */
  public List<List<Topic>> tag(List<String> paragraphs, List<List<Mention>> names) {
    return tag(null, paragraphs, names);
  }

  /**
   * The topics of each paragraph of one article whose headline is {@code headline} (or null). The
   * headline is read as part of the article, not tagged: its keywords give the context of the
   * article's paragraphs ("BP RAISES NORTH SEA BUTANE PRICES" over "BP said it raised its posted
   * prices for butane"), and only a topic it names is given to paragraphs that use no keyword. An
   * article without a headline names its subject in its first paragraph, the lead.
   */
  public List<List<Topic>> tag(
      String headline, List<String> paragraphs, List<List<Mention>> names) {
    List<Map<String, List<String>>> found = new ArrayList<>(paragraphs.size() + 1);
    for (int i = 0; i < paragraphs.size(); i++) {
      found.add(matches(paragraphs.get(i), names.get(i)));
    }
    found.add(headline == null ? Map.of() : matches(headline, namesIn(headline, names)));
    List<Map<String, List<String>>> matches = inContext(inSense(found));
    Map<String, List<String>> headlineMatches = matches.getLast();
    matches = matches.subList(0, paragraphs.size());
    Map<String, List<String>> named =
        headline == null && !matches.isEmpty() ? matches.getFirst() : headlineMatches;
    Map<String, Integer> totals = new HashMap<>();
    for (Map<String, List<String>> m : matches) {
      m.forEach((topic, words) -> totals.merge(topic, words.size(), Integer::sum));
    }
    headlineMatches.forEach((topic, words) -> totals.merge(topic, words.size(), Integer::sum));
    Set<String> about = about(totals);
    String main = mainTopic(totals);
    List<List<Topic>> tagged = new ArrayList<>(matches.size());
    for (Map<String, List<String>> m : matches) {
      List<Topic> topics = new ArrayList<>();
      for (String topic : topics(m, about)) {
        String words = String.join(", ", new LinkedHashSet<>(m.get(topic)));
        topics.add(
            new Topic(
                topic,
                m.get(topic).size() >= PARAGRAPH_USES
                    ? "keywords " + words
                    : "keyword " + words + " in an article about " + topic));
      }
      if (topics.isEmpty() && main != null && named.containsKey(main)) {
        topics.add(
            new Topic(
                main,
                "main topic of the article, named in its "
                    + (headline == null ? "first paragraph" : "headline")));
      }
      tagged.add(List.copyOf(topics));
    }
    return tagged;
  }

  /**
   * The names the article's paragraphs name, found again in its headline, whatever their case:
   * "KANSAS GAS AND ELECTRIC CO" over a story about Kansas Gas and Electric Co names a utility, not
   * gas. A name is also found as its canonical form ("STANDARD OIL" for Standard Oil Co). Only
   * names of several words: a surname alone ("Rice") would hide a headline's crop.
   */
  static List<Mention> namesIn(String headline, List<List<Mention>> names) {
    String lower = headline.toLowerCase(Locale.ROOT);
    List<Mention> found = new ArrayList<>();
    for (List<Mention> paragraph : names) {
      for (Mention m : paragraph) {
        for (String form : new LinkedHashSet<>(List.of(m.matched(), m.name()))) {
          String f = form.toLowerCase(Locale.ROOT);
          if (f.indexOf(' ') < 0) {
            continue;
          }
          for (int at = lower.indexOf(f); at >= 0; at = lower.indexOf(f, at + 1)) {
            int end = at + f.length();
            if ((at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)))
                && (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
              found.add(
                  new Mention(
                      m.type(), m.name(), -1, at, end, headline.substring(at, end), m.rule()));
            }
          }
        }
      }
    }
    return found;
  }

  /** The topics of a paragraph that stands alone, most used first. */
  public List<String> topics(Map<String, List<String>> matches) {
    Map<String, Integer> totals = new HashMap<>();
    matches.forEach((topic, words) -> totals.put(topic, words.size()));
    return topics(matches, about(totals));
  }

  /** The topics an article whose keyword uses per topic are {@code totals} is about. */
  private static Set<String> about(Map<String, Integer> totals) {
    int most = totals.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> about = new HashSet<>();
    totals.forEach((topic, uses) -> {
      if (uses >= ARTICLE_USES && uses * ARTICLE_SHARE >= most) {
        about.add(topic);
      }
    });
    return about;
  }

  /** The topics of a paragraph of an article about the topics {@code about}, most used first. */
  private List<String> topics(Map<String, List<String>> matches, Set<String> about) {
    List<String> ranked = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : matches.entrySet()) {
      if (e.getValue().size() >= PARAGRAPH_USES || about.contains(e.getKey())) {
        ranked.add(e.getKey());
      }
    }
    if (ranked.isEmpty()) {
      return List.of();
    }
    ranked.sort(
        Comparator.comparingInt((String t) -> -matches.get(t).size())
            .thenComparingInt(rules.topics()::indexOf));
    int top = matches.get(ranked.getFirst()).size();
    return ranked.stream().filter(t -> matches.get(t).size() * 3 >= top).limit(MAX_TOPICS).toList();
  }

  /** The topic with the most keyword uses in the article, if it is about it; else null. */
  private String mainTopic(Map<String, Integer> totals) {
    return totals.entrySet().stream()
        .filter(e -> e.getValue() >= ARTICLE_USES)
        .max(
            Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                .thenComparingInt(e -> -rules.topics().indexOf(e.getKey())))
        .map(Map.Entry::getKey)
        .orElse(null);
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
