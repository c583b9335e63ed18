package dev.passage.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Small judgements about lines of text, shared by the cleaning stages. */
public final class Text {

  /** Words that stay lower-case in a title-cased line ("Economic and Trade Cooperation"). */
  private static final Set<String> MINOR_WORDS =
      Set.of(
          "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
          "the", "to", "vs", "via", "with");

  /** Combining marks, compiled once: tagging folds every word that is not plain ASCII. */
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Text() {}

  /**
   * The text without accents and other combining marks, compatibility forms spelled out (NFKD):
   * "Erdoğan" → "Erdogan", "½" → "1⁄2". ASCII text comes back as it is, without normalising.
   */
  public static String withoutAccents(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
      }
    }
    return text;
  }

  /** The number of whitespace-separated words. */
  public static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** True when the line ends a sentence: with . ! ? or a closing quote after one. */
  public static boolean endsWithSentencePunctuation(String line) {
    String s = line.strip();
    while (!s.isEmpty() && "\"'”’)]".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return !s.isEmpty() && ".!?…".indexOf(s.charAt(s.length() - 1)) >= 0;
  }

  /**
   * True when every word but the minor ones starts with a capital letter, as in headings and
   * titles. Words that start with a digit fail, so table rows ("Net 5,000 vs 4,000") are not
   * headings.
   */
  public static boolean isTitleCase(String line) {
    int words = 0;
    for (String word : line.strip().split("\\s+")) {
      String w = word.replaceAll("^[^\\p{L}\\p{N}]+", "");
      if (w.isEmpty()) {
        continue;
      }
      if (MINOR_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        continue;
      }
      char c = w.charAt(0);
      if (!Character.isUpperCase(c)) {
        return false;
      }
      words++;
    }
    return words > 0;
  }

  /**
   * Every run of spaces, tabs, line and form feeds as one space: {@code replaceAll("\\s+", " ")}
   * without a regular expression, which showed in indexing profiles: it runs on every line.
   */
  public static String collapseSpaces(String line) {
    StringBuilder out = null;
    boolean inRun = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (out == null && space && (c != ' ' || inRun)) {
        // The first place that changes: copy what came before, then build.
        out = new StringBuilder(line.length()).append(line, 0, i);
      }
      if (out != null && !(space && inRun)) {
        out.append(space ? ' ' : c);
      }
      inRun = space;
    }
    return out == null ? line : out.toString();
  }

  /** The line without one final period. */
  public static String trimTrailingPeriod(String line) {
    String s = line.strip();
    return s.endsWith(".") && !s.endsWith("..") ? s.substring(0, s.length() - 1) : s;
  }
}
