package dev.passage.tagging;

import dev.passage.ingest.TsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The topic keywords of {@code passage/topics.tsv}, stemmed by the same English analysis as the
 * search field, so a keyword counts in all its forms ("visit", "visits", "visited"). The file also
 * lists the words the stemmer folds into a keyword but that mean something else ("important" is
 * stemmed as "import"): they count for no topic.
 */
public final class TopicRules {

  /** The bundled topics file. */
  public static final String RESOURCE = "passage/topics.tsv";

  /** The first column of the row of words that count for no topic. */
  public static final String NOT_KEYWORDS = "not keywords";

  /** A topic's name: a word or a few, lower-case. */
  private static final Pattern VALID_TOPIC = Pattern.compile("\\p{Ll}[\\p{Ll}\\p{Nd} -]*");

  /** Written after a keyword ("export?"): it counts only in an article with the topic's context. */
  public static final String NEEDS_CONTEXT = "?";

  /**
   * One keyword: its topic, its stems, the words as written in the file (without the mark), and
   * whether it counts only in an article that also uses one of the topic's unmarked keywords.
   */
  public record Keyword(String topic, List<String> stems, String written, boolean needsContext) {}

  /** The longest run of words a wire puts in angle brackets: a company's full name. */
  private static final int LONGEST_BRACKETS = 80;

  private final List<String> topics;
  private final List<Keyword> keywords;
  private final Set<String> notKeywords;
  private final Analyzer analyzer;

  /** Every keyword as written, lower-cased: a name written so counts as its keyword. */
  private final Set<String> written;

  /**
   * Every stem of every keyword, looked up on the analyser's buffer: most words of a paragraph are
   * no keyword's, and for them {@link #stems} allocates nothing and checks no name.
   */
  private final CharArrayMap<String> keywordStems;

  private TopicRules(
      List<String> topics, List<Keyword> keywords, Set<String> notKeywords, Analyzer analyzer) {
    this.topics = List.copyOf(topics);
    this.keywords = List.copyOf(keywords);
    this.notKeywords = Set.copyOf(notKeywords);
    this.analyzer = analyzer;
    this.written =
        keywords.stream()
            .map(k -> k.written().toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.keywordStems = new CharArrayMap<>(keywords.size() * 2, false);
    for (Keyword k : keywords) {
      for (String stem : k.stems()) {
        keywordStems.put(stem, stem);
      }
    }
  }

  /** The bundled rules, read once per process: serve's start needed them twice. */
  public static TopicRules bundled() {
    return Bundled.RULES;
  }

  private static final class Bundled {
    static final TopicRules RULES = parse(TsvFile.resource(RESOURCE));
  }

  /** Rules from rows of topic and comma-separated keywords, and of words that are not keywords. */
  public static TopicRules parse(List<TsvFile.Row> rows) {
    Analyzer analyzer = new EnglishAnalyzer();
    Set<String> topics = new LinkedHashSet<>();
    List<Keyword> keywords = new ArrayList<>();
    Map<String, TsvFile.Row> notKeywords = new LinkedHashMap<>();
    for (TsvFile.Row row : rows) {
      String topic = row.column(0);
      if (topic.equals(NOT_KEYWORDS)) {
        for (String word : words(row)) {
          notKeywords.put(word.toLowerCase(Locale.ROOT), row);
        }
        continue;
      }
      // A topic is a facet value, filtered on as typed in a search box or a topic: term.
      if (!topic.equals(topic.toLowerCase(Locale.ROOT)) || !VALID_TOPIC.matcher(topic).matches()) {
        throw row.error(
            "topic '"
                + topic
                + "' must be lower-case letters, digits, spaces and hyphens, starting with a"
                + " letter");
      }
      if (words(row).isEmpty()) {
        throw row.error("topic '" + topic + "' has no keywords");
      }
      topics.add(topic);
      for (String marked : words(row)) {
        boolean needsContext = marked.endsWith(NEEDS_CONTEXT);
        String w = needsContext ? marked.substring(0, marked.length() - 1).strip() : marked;
        List<String> stems = stems(analyzer, w);
        if (stems.isEmpty()) {
          throw row.error("keyword '" + w + "' is only stop words");
        }
        keywords.add(new Keyword(topic, stems, w, needsContext));
      }
    }
    for (Keyword k : keywords) {
      TsvFile.Row row = notKeywords.get(k.written().toLowerCase(Locale.ROOT));
      if (row != null) {
        throw row.error("'" + k.written() + "' is a keyword of " + k.topic());
      }
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException(
          "no topics: a topics file needs a row of a topic and its keywords");
    }
    return new TopicRules(new ArrayList<>(topics), keywords, notKeywords.keySet(), analyzer);
  }

  /** The topics, in the order of their first row: a tie between two goes to the earlier. */
  public List<String> topics() {
    return topics;
  }

  private static List<String> words(TsvFile.Row row) {
    return Arrays.stream(row.column(1).split(","))
        .map(String::strip)
        .filter(w -> !w.isEmpty())
        .toList();
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

  /** The words that count for no topic, lower-cased. */
  public Set<String> notKeywords() {
    return notKeywords;
  }

  /**
   * The stems of {@code text}, stop words removed, where a keyword can start or go on; every other
   * word gives an empty stem, which no keyword has. So does a keyword's word that is part of a name
   * in {@code names} (Husky Oil Ltd is a company, not oil); a name that is a keyword as a whole
   * (OPEC, GATT) still counts. Words in angle brackets are a company's name or its ticker, as wires
   * write them ("&lt;Standard Oil Co&gt;", "QUAKER OATS &lt;OAT&gt;"), and count for no topic
   * either.
   */
  List<String> stems(String text, List<Mention> names) {
    List<String> out = new ArrayList<>();
    List<Mention> opaque = null;
    int[] brackets = null;
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String stem = keywordStems.get(term.buffer(), 0, term.length());
        if (stem == null) {
          out.add("");
          continue;
        }
        if (opaque == null) {
          opaque = opaque(names);
          brackets = brackets(text);
        }
        int start = offset.startOffset();
        String word = text.substring(start, offset.endOffset());
        boolean keep =
            !inName(start, opaque, brackets)
                && !notKeywords.contains(word.toLowerCase(Locale.ROOT));
        out.add(keep ? stem : "");
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The names whose words are not keywords: all but those written as a keyword. */
  private List<Mention> opaque(List<Mention> names) {
    List<Mention> opaque = new ArrayList<>(names.size());
    for (Mention m : names) {
      if (!written.contains(m.matched().toLowerCase(Locale.ROOT))) {
        opaque.add(m);
      }
    }
    return opaque;
  }

  /** Whether the word at {@code start} is inside one of the names or the angle brackets. */
  private static boolean inName(int start, List<Mention> names, int[] brackets) {
    for (Mention m : names) {
      if (start >= m.start() && start < m.end()) {
        return true;
      }
    }
    for (int b = 0; b < brackets.length; b += 2) {
      if (start > brackets[b] && start < brackets[b + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The offsets of each '&lt;' and the '&gt;' that closes it on the same line, in pairs, both
   * touching the words between; "rose &lt; 5 pct while prices &gt; 18 dlrs" compares, it brackets
   * nothing.
   */
  private static int[] brackets(String text) {
    int open = text.indexOf('<');
    if (open < 0) {
      return new int[0];
    }
    List<Integer> pairs = new ArrayList<>();
    while (open >= 0) {
      int close = open + 1;
      while (close < text.length()
          && close - open <= LONGEST_BRACKETS
          && "<>\n".indexOf(text.charAt(close)) < 0) {
        close++;
      }
      if (close < text.length()
          && text.charAt(close) == '>'
          && close > open + 1
          && !Character.isWhitespace(text.charAt(open + 1))
          && !Character.isWhitespace(text.charAt(close - 1))) {
        pairs.add(open);
        pairs.add(close);
        open = text.indexOf('<', close);
      } else {
        open = text.indexOf('<', open + 1);
      }
    }
    return pairs.stream().mapToInt(Integer::intValue).toArray();
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
