package dev.passage.ingest;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * A title for an article that has none: the first sentence of its first paragraph, cut to about a
 * dozen words. The cut never falls inside a run of capitalised words, so a name is kept whole
 * ("…Deputy Prime Minister Li Yuanchao…") or left out, never halved ("…Minister Li…").
 */
public final class DerivedTitle {

  /** Titles are cut to this many words… */
  static final int MAX_WORDS = 12;

  /** …or up to this many more, to finish a name the cut would split. */
  static final int MAX_EXTRA_WORDS = 4;

  private DerivedTitle() {}

  /** The title from {@code first}, the article's first paragraph. */
  public static String from(Paragraph first) {
    String sentence = firstSentence(first.text()).strip();
    String[] words = sentence.split("\\s+");
    if (words.length <= MAX_WORDS) {
      return Text.trimTrailingPeriod(sentence);
    }
    int cut = cutAt(words);
    if (cut >= words.length) {
      return Text.trimTrailingPeriod(sentence);
    }
    String kept = String.join(" ", Arrays.asList(words).subList(0, cut));
    return kept.replaceFirst("[\\s,;:–—-]+$", "") + "…";
  }

  /** How many words to keep: MAX_WORDS, moved to the nearest end of a name it would split. */
  private static int cutAt(String[] words) {
    int cut = MAX_WORDS;
    if (!joined(words, cut)) {
      return cut;
    }
    int end = cut;
    while (end < words.length && joined(words, end)) {
      end++;
    }
    if (end - MAX_WORDS <= MAX_EXTRA_WORDS) {
      return end;
    }
    int start = cut - 1;
    while (start > 0 && joined(words, start)) {
      start--;
    }
    // A sentence of capitals from its start has no name boundary to cut at.
    return start > 0 ? start : MAX_WORDS;
  }

  /** True when words {@code i - 1} and {@code i} belong to one run of capitalised words. */
  private static boolean joined(String[] words, int i) {
    String before = words[i - 1];
    char last = before.charAt(before.length() - 1);
    boolean clauseEnds = ",;:.!?)\"”’".indexOf(last) >= 0;
    return !clauseEnds && capitalised(before) && capitalised(words[i]);
  }

  private static boolean capitalised(String word) {
    for (int i = 0; i < word.length(); ) {
      int c = word.codePointAt(i);
      if (Character.isLetter(c)) {
        return Character.isUpperCase(c);
      }
      if (Character.isDigit(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  private static String firstSentence(String text) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    int end = sentences.next();
    return end == BreakIterator.DONE ? text : text.substring(0, end);
  }
}
