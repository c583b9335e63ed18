package dev.passage.query;

import dev.passage.ingest.TsvFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The phrases of two or three words that recur in the titles of an archive's articles, with how
 * many articles' titles hold each: the source of the query completions ("trade deficit", "money
 * market"). Titles, not the text: an archive has one title per article against some hundred words,
 * so they are read in a fraction of a second from what the index already stores, and an editor
 * chose their words. A phrase never spans punctuation that separates clauses ("Analysis: Xi
 * Visits"), and one that begins or ends with a word of {@code phrase-stop-words.txt} or a word
 * without a letter ("in 1987") is left out.
 */
public final class TitlePhrases {

  /** A phrase must be in the titles of this many articles: one title's words are no pattern. */
  static final int MIN_ARTICLES = 2;

  /** The most frequent phrases kept, which bounds the suggester of a very large archive. */
  static final int MAX_PHRASES = 50_000;

  static final String RESOURCE = "passage/phrase-stop-words.txt";

  private static final int SHORTEST = 2;
  private static final int LONGEST = 3;

  /** Punctuation before or after a word that ends a clause, so no phrase runs across it. */
  private static final String CLAUSE_MARKS = ",:;!?()[]{}\"“”‘’'«»…|";

  private static final TitlePhrases BUNDLED = new TitlePhrases(bundledStopWords());

  private final Set<String> stopWords;

  TitlePhrases(Set<String> stopWords) {
    this.stopWords = Set.copyOf(stopWords);
  }

  /** The phrases by the bundled stop words. */
  public static TitlePhrases bundled() {
    return BUNDLED;
  }

  /**
   * The phrases of {@code titles} (one per article) in at least {@link #MIN_ARTICLES} of them, in
   * lower case, with the number of titles that hold each; the {@link #MAX_PHRASES} most frequent.
   */
  public Map<String, Long> count(Iterable<String> titles) {
    Map<String, Long> counts = new HashMap<>();
    Set<String> ofOneTitle = new HashSet<>();
    for (String title : titles) {
      ofOneTitle.clear();
      for (List<String> clause : clauses(title)) {
        for (int length = SHORTEST; length <= LONGEST; length++) {
          for (int i = 0; i + length <= clause.size(); i++) {
            if (useful(clause.get(i)) && useful(clause.get(i + length - 1))) {
              ofOneTitle.add(String.join(" ", clause.subList(i, i + length)));
            }
          }
        }
      }
      ofOneTitle.forEach(phrase -> counts.merge(phrase, 1L, Long::sum));
    }
    counts.values().removeIf(n -> n < MIN_ARTICLES);
    if (counts.size() > MAX_PHRASES) {
      List<Map.Entry<String, Long>> best = new ArrayList<>(counts.entrySet());
      best.sort(
          Map.Entry.<String, Long>comparingByValue()
              .reversed()
              .thenComparing(Map.Entry.comparingByKey()));
      Map<String, Long> kept = new HashMap<>();
      best.subList(0, MAX_PHRASES).forEach(e -> kept.put(e.getKey(), e.getValue()));
      return kept;
    }
    return counts;
  }

  /** A word a phrase may begin or end with: not a stop word, and holding a letter. */
  private boolean useful(String word) {
    return !stopWords.contains(word) && word.codePoints().anyMatch(Character::isLetter);
  }

  /**
   * The title's clauses as lists of words in lower case, split where punctuation separates them: a
   * comma, colon, quote, bracket or a dash standing alone. A ticker in angle brackets ("Chrysler
   * <C>") splits too, and a full stop ends a clause unless the word is an abbreviation ("U.S.").
   */
  static List<List<String>> clauses(String title) {
    List<List<String>> clauses = new ArrayList<>();
    List<String> clause = new ArrayList<>();
    for (String token : title.toLowerCase(Locale.ROOT).split("\\s+")) {
      int start = 0;
      int end = token.length();
      while (start < end && CLAUSE_MARKS.indexOf(token.charAt(start)) >= 0) {
        start++;
      }
      boolean closes = false;
      while (end > start && CLAUSE_MARKS.indexOf(token.charAt(end - 1)) >= 0) {
        end--;
        closes = true;
      }
      String word = token.substring(start, end);
      if (word.endsWith(".") && word.indexOf('.') == word.length() - 1) {
        word = word.substring(0, word.length() - 1);
        closes = true;
      }
      boolean opens = start > 0;
      boolean ticker = word.startsWith("<") || word.endsWith(">");
      boolean dash =
          !word.isEmpty() && word.chars().allMatch(c -> c == '-' || c == '–' || c == '—');
      if (opens || ticker || dash || word.isEmpty()) {
        clause = next(clauses, clause);
      }
      if (!ticker && !dash && !word.isEmpty()) {
        clause.add(word);
      }
      if (closes) {
        clause = next(clauses, clause);
      }
    }
    next(clauses, clause);
    return clauses;
  }

  /** Keeps {@code clause} when it has words, and starts a new one. */
  private static List<String> next(List<List<String>> clauses, List<String> clause) {
    if (clause.size() >= SHORTEST) {
      clauses.add(clause);
    }
    return clause.isEmpty() ? clause : new ArrayList<>();
  }

  private static Set<String> bundledStopWords() {
    Set<String> words = new HashSet<>();
    for (TsvFile.Row row : TsvFile.resource(RESOURCE)) {
      words.add(row.column(0).toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
