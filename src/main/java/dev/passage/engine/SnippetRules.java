package dev.passage.engine;

import java.text.BreakIterator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every engine's snippets share: the best sentence of the paragraph, HTML-escaped, each match
 * in {@code <mark>}, cut to about {@link #MAX_CHARS} characters around the first match.
 */
public final class SnippetRules {

  /** Snippets longer than this are cut to a window around the first match. */
  public static final int MAX_CHARS = 320;

  public static final String ELLIPSIS = "…";

  public static final String MARK = "<mark>";

  public static final String END_MARK = "</mark>";

  private static final Pattern CHARACTER_REFERENCE =
      Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

  private SnippetRules() {}

  /** A snippet as plain text: the marks left out, the escaped characters given back. */
  public static String plainText(String snippet) {
    String unmarked = snippet.replace(MARK, "").replace(END_MARK, "");
    return CHARACTER_REFERENCE
        .matcher(unmarked)
        .replaceAll(m -> Matcher.quoteReplacement(character(m.group(1))));
  }

  private static String character(String reference) {
    return switch (reference) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> {
        boolean hex = reference.charAt(1) == 'x' || reference.charAt(1) == 'X';
        int code = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
        yield Character.isValidCodePoint(code) ? Character.toString(code) : "\uFFFD";
      }
    };
  }

  /**
   * The best sentence of a whole paragraph already escaped and marked (an engine whose highlighter
   * cannot return exactly one sentence): the one with the most different marked words, then the
   * most marks, then the first; the first sentence when nothing is marked.
   */
  public static String bestSentence(String marked) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(marked);
    String best = null;
    int bestWords = -1;
    int bestMarks = -1;
    for (int start = sentences.first(), end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      String sentence = marked.substring(start, end);
      Set<String> words = new HashSet<>();
      int marks = 0;
      for (int at = sentence.indexOf(MARK); at >= 0; at = sentence.indexOf(MARK, at + 1)) {
        int close = sentence.indexOf(END_MARK, at);
        words.add(
            sentence
                .substring(at + MARK.length(), close < 0 ? sentence.length() : close)
                .toLowerCase(Locale.ROOT));
        marks++;
      }
      if (words.size() > bestWords || words.size() == bestWords && marks > bestMarks) {
        best = sentence;
        bestWords = words.size();
        bestMarks = marks;
      }
    }
    return best == null ? marked : best;
  }

  /**
   * Cuts an escaped, marked snippet to about {@code max} characters around its first mark, at
   * spaces and never inside a mark, so the result is still well-formed.
   */
  public static String trim(String snippet) {
    return trim(snippet, MAX_CHARS);
  }

  public static String trim(String snippet, int max) {
    if (snippet.length() <= max) {
      return snippet;
    }
    int mark = Math.max(0, snippet.indexOf("<mark>"));
    int start = Math.max(0, mark - max / 3);
    if (start > 0) {
      int space = snippet.indexOf(' ', start);
      start = space < 0 || space >= mark ? mark : space + 1;
      start = outsideMark(snippet, start, true);
    }
    int end = Math.min(snippet.length(), start + max);
    if (end < snippet.length()) {
      int space = snippet.lastIndexOf(' ', end);
      end = space <= start ? end : space;
      end = outsideMark(snippet, end, false);
    }
    return (start > 0 ? ELLIPSIS + " " : "")
        + snippet.substring(start, end).strip()
        + (end < snippet.length() ? " " + ELLIPSIS : "");
  }

  /** Moves a cut out of a marked span: before its opening tag, or after its closing tag. */
  private static int outsideMark(String s, int at, boolean moveBack) {
    int open = s.lastIndexOf("<mark>", at - 1);
    int close = s.lastIndexOf("</mark>", at - 1);
    if (open > close) {
      if (moveBack) {
        return open;
      }
      int after = s.indexOf("</mark>", at);
      return after < 0 ? s.length() : after + "</mark>".length();
    }
    return at;
  }
}
