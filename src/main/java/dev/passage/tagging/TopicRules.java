package dev.passage.tagging;

import dev.passage.ingest.TsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The topic keywords of {@code passage/topics.tsv}, stemmed by the same English analysis as the
 * search field, so a keyword counts in all its forms ("visit", "visits", "visited").
 */
public final class TopicRules {

  /** The bundled topics file. */
  public static final String RESOURCE = "passage/topics.tsv";

  /** The topics Passage assigns, in the order used to break ties. */
  public static final List<String> TOPICS =
      List.of(
          "diplomacy",
          "trade",
          "energy",
          "investment",
          "security",
          "culture",
          "water",
          "agriculture",
          "transport",
          "technology",
          "multilateral");

  /** One keyword: its topic, its stems, and the words as written in the file. */
  public record Keyword(String topic, List<String> stems, String written) {}

  private final List<Keyword> keywords;
  private final Analyzer analyzer;

  private TopicRules(List<Keyword> keywords, Analyzer analyzer) {
    this.keywords = List.copyOf(keywords);
    this.analyzer = analyzer;
  }

  /** The bundled rules. */
  public static TopicRules bundled() {
    return parse(TsvFile.resource(RESOURCE));
  }

  /** Rules from rows of topic and comma-separated keywords. */
  public static TopicRules parse(List<TsvFile.Row> rows) {
    Analyzer analyzer = new EnglishAnalyzer();
    List<Keyword> keywords = new ArrayList<>();
    for (TsvFile.Row row : rows) {
      String topic = row.column(0);
      if (!TOPICS.contains(topic)) {
        throw row.error("unknown topic '" + topic + "'; topics are " + TOPICS);
      }
      for (String written : row.column(1).split(",")) {
        String w = written.strip();
        if (w.isEmpty()) {
          continue;
        }
        List<String> stems = stems(analyzer, w);
        if (stems.isEmpty()) {
          throw row.error("keyword '" + w + "' is only stop words");
        }
        keywords.add(new Keyword(topic, stems, w));
      }
    }
    return new TopicRules(keywords, analyzer);
  }

  /** Every keyword, in file order. */
  public List<Keyword> keywords() {
    return keywords;
  }

  /** The keywords grouped by their first stem, for a single pass over a paragraph. */
  Map<String, List<Keyword>> byFirstStem() {
    Map<String, List<Keyword>> map = new LinkedHashMap<>();
    for (Keyword k : keywords) {
      map.computeIfAbsent(k.stems().getFirst(), s -> new ArrayList<>()).add(k);
    }
    return map;
  }

  /** The stems of {@code text}, stop words removed. */
  List<String> stems(String text) {
    return stems(analyzer, text);
  }

  private static List<String> stems(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
