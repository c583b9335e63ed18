package dev.passage.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean": a query with its misspelt words replaced by words of the index, offered when the
 * query finds fewer than {@link #FEW} paragraphs. Only plain words are corrected, each by itself
 * (not operators, field names, patterns or regular expressions), and the rest of the query stays as
 * written. Which word of the index replaces a word is the engine's part (Lucene's {@code
 * DirectSpellChecker}, OpenSearch's term suggester, set alike).
 */
public final class QueryCorrection {

  /** A query that finds fewer paragraphs than this gets a correction, when one exists. */
  public static final long FEW = 3;

  /** Shorter words are not corrected: too many words are one or two edits from them. */
  public static final int MIN_WORD_LENGTH = 4;

  /**
   * A run of letters standing alone: not part of a field name ({@code title:}), a pattern ({@code
   * oil*}, {@code petrol~}) or a regular expression, and not touching digits or other symbols.
   */
  private static final Pattern WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}_*?~/:\\\\\\[{.'-])\\p{L}+(?![\\p{L}\\p{N}_*?~/:\\]}.'-])");

  private static final List<String> OPERATORS = List.of("AND", "OR", "NOT", "TO");

  private QueryCorrection() {}

  /** The words of {@code query} a correction may replace, lower-cased, each once, in order. */
  public static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    if (query.indexOf('/') >= 0) {
      // A regular expression's letters are not words; leave such a query as it is.
      return words;
    }
    Matcher m = WORD.matcher(query);
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      if (!OPERATORS.contains(word) && word.length() >= MIN_WORD_LENGTH && !words.contains(lower)) {
        words.add(lower);
      }
    }
    return words;
  }

  /**
   * {@code query} with each word that {@code replacements} names (by its lower-cased form)
   * replaced, or null when none is.
   */
  public static String corrected(String query, Map<String, String> replacements) {
    if (replacements.isEmpty() || query.indexOf('/') >= 0) {
      return null;
    }
    Matcher m = WORD.matcher(query);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      String replacement =
          OPERATORS.contains(word) ? null : replacements.get(word.toLowerCase(Locale.ROOT));
      if (replacement != null && !replacement.equalsIgnoreCase(word)) {
        m.appendReplacement(out, Matcher.quoteReplacement(inCaseOf(word, replacement)));
        changed = true;
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(word));
      }
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }

  /** {@code replacement} written in the case of {@code word}: CAPITALS, Capitalised or lower. */
  private static String inCaseOf(String word, String replacement) {
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
      return replacement.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(word.charAt(0))) {
      return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }
    return replacement;
  }
}
