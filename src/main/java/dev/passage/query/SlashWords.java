package dev.passage.query;

import java.util.Arrays;

/**
 * Reads a slash inside a word as part of the word, as a reader means it: {@code 1986/87}, {@code
 * 24/7} and {@code AC/DC} are searched as the phrase of their parts. Lucene's syntax starts a
 * regular expression at every slash, so the first was an error and {@code a/b/c} searched {@code
 * a}, the pattern {@code /b/} and {@code c}. A slash that opens a word and is closed later still
 * starts a regular expression ({@code /agricultur[a-z]+/}), as documented.
 */
final class SlashWords {

  /**
   * The query as the parser gets it, and where each of its characters came from in the query as
   * typed, so that a syntax error still points at the column the reader sees.
   *
   * @param openQuote where in the typed query a phrase opens that is never closed, or -1
   */
  record Rewritten(String text, int[] origins, int openQuote) {

    /** The column of the typed query that {@code column} of {@link #text} came from. */
    int typedColumn(int column) {
      return origins[Math.clamp(column, 0, origins.length - 1)];
    }
  }

  /** Characters that end a word in Lucene's classic syntax, besides white space. */
  private static final String DELIMITERS = "()[]{}\":^~";

  /** A word holding one of these is a pattern; its slashes are escaped rather than quoted. */
  private static final String PATTERN_CHARS = "*?\\";

  private SlashWords() {}

  /** {@code q} with each word that holds a slash, other than a regular expression, quoted. */
  static Rewritten rewrite(String q) {
    Builder out = new Builder(q.length());
    int n = q.length();
    int openQuote = -1;
    int i = 0;
    while (i < n) {
      char c = q.charAt(i);
      int regexEnd = c == '/' ? closing(q, i, '/') : -1;
      if (c == '\\') {
        int end = Math.min(n, i + 2);
        out.copy(q, i, end);
        i = end;
      } else if (c == '"') {
        int close = closing(q, i, '"');
        if (close < 0) {
          openQuote = i;
        }
        int end = close < 0 ? n : close + 1;
        out.copy(q, i, end);
        i = end;
      } else if (Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0 || "+-!".indexOf(c) >= 0) {
        // Between words; + - ! here are operators on the word that follows.
        out.copy(q, i, i + 1);
        i++;
      } else if (regexEnd >= 0) {
        out.copy(q, i, regexEnd + 1);
        i = regexEnd + 1;
      } else {
        int end = wordEnd(q, i);
        out.word(q, i, end);
        i = end;
      }
    }
    return out.build(n, openQuote);
  }

  /** The index of the next {@code quote} after {@code open} that no backslash escapes, or -1. */
  private static int closing(String q, int open, char quote) {
    for (int i = open + 1; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static int wordEnd(String q, int start) {
    int i = start;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0) {
        break;
      } else {
        i++;
      }
    }
    return Math.min(i, q.length());
  }

  /** The rewritten text with the typed column of each of its characters. */
  private static final class Builder {
    private final StringBuilder text;
    private int[] origins;

    Builder(int capacity) {
      text = new StringBuilder(capacity + 8);
      origins = new int[capacity + 8];
    }

    void copy(String q, int from, int to) {
      for (int i = from; i < to; i++) {
        append(q.charAt(i), i);
      }
    }

    void word(String q, int from, int to) {
      if (!hasUnescapedSlash(q, from, to)) {
        copy(q, from, to);
        return;
      }
      boolean pattern = false;
      for (int i = from; i < to; i++) {
        pattern |= PATTERN_CHARS.indexOf(q.charAt(i)) >= 0;
      }
      if (pattern) {
        // A pattern cannot be a phrase: its slashes become plain characters of the word.
        for (int i = from; i < to; i++) {
          char c = q.charAt(i);
          if (c == '\\' && i + 1 < to) {
            append(c, i);
            append(q.charAt(++i), i);
          } else {
            if (c == '/') {
              append('\\', i);
            }
            append(c, i);
          }
        }
        return;
      }
      append('"', from);
      copy(q, from, to);
      append('"', to - 1);
    }

    private static boolean hasUnescapedSlash(String q, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = q.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '/') {
          return true;
        }
      }
      return false;
    }

    private void append(char c, int origin) {
      if (text.length() == origins.length) {
        origins = Arrays.copyOf(origins, origins.length * 2);
      }
      origins[text.length()] = origin;
      text.append(c);
    }

    Rewritten build(int typedLength, int openQuote) {
      int[] all = Arrays.copyOf(origins, text.length() + 1);
      all[text.length()] = typedLength;
      return new Rewritten(text.toString(), all, openQuote);
    }
  }
}
