package dev.passage.tagging;

import dev.passage.ingest.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into tokens for the name rules. Unlike the search analyzer it keeps case,
 * punctuation and exact offsets, because names are recognised by their capitals and their
 * surroundings, and a tag's explanation points at the characters it came from.
 */
public final class Tokenizer {

  /** Abbreviations whose period does not end a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "capt", "sgt", "prof",
          "rev", "gov", "sen", "rep", "no", "vs", "corp", "inc", "co", "ltd", "jan", "feb", "mar",
          "apr", "aug", "sep", "sept", "oct", "nov", "dec");

  private Tokenizer() {}

  /** The tokens of {@code text}, in order. */
  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        boolean digits = Character.isDigit(c);
        i = wordEnd(text, i);
        boolean hyphenJoined =
            start >= 2
                && isHyphen(text.charAt(start - 1))
                && Character.isLetterOrDigit(text.charAt(start - 2));
        String word = text.substring(start, i);
        // Split a possessive "'s" off its word, so that "Nazarbayev's" is the name Nazarbayev.
        int apostrophe = word.length() - 2;
        if (word.length() > 2
            && isApostrophe(word.charAt(apostrophe))
            && (word.charAt(apostrophe + 1) == 's' || word.charAt(apostrophe + 1) == 'S')) {
          String stem = word.substring(0, apostrophe);
          tokens.add(
              token(stem, start, start + stem.length(), digits, hyphenJoined, sentenceStart));
          tokens.add(
              new Token(
                  word.substring(apostrophe),
                  "'s",
                  start + apostrophe,
                  i,
                  Token.Kind.POSSESSIVE,
                  false,
                  false));
        } else {
          tokens.add(token(word, start, i, digits, hyphenJoined, sentenceStart));
        }
        sentenceStart = false;
        continue;
      }
      if (isHyphen(c)
          && i > 0
          && i + 1 < n
          && Character.isLetterOrDigit(text.charAt(i - 1))
          && Character.isLetterOrDigit(text.charAt(i + 1))) {
        i++;
        continue;
      }
      tokens.add(
          new Token(
              String.valueOf(c),
              String.valueOf(c),
              i,
              i + 1,
              Token.Kind.PUNCTUATION,
              false,
              false));
      if (c == '.' || c == '!' || c == '?' || c == ';') {
        sentenceStart = c != '.' || !abbreviationBefore(tokens);
      }
      i++;
    }
    return List.copyOf(tokens);
  }

  /** Lower-case and accent-free, with one kind of apostrophe: how words are compared. */
  public static String key(String text) {
    return Text.withoutAccents(text).replace('’', '\'').toLowerCase(Locale.ROOT);
  }

  private static Token token(
      String word,
      int start,
      int end,
      boolean digits,
      boolean hyphenJoined,
      boolean sentenceStart) {
    return new Token(
        word,
        key(word),
        start,
        end,
        digits ? Token.Kind.NUMBER : Token.Kind.WORD,
        hyphenJoined,
        sentenceStart);
  }

  private static int wordEnd(String text, int i) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        i++;
      } else if (isApostrophe(c)
          && i + 1 < n
          && Character.isLetter(text.charAt(i + 1))
          && i > 0
          && Character.isLetter(text.charAt(i - 1))) {
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  private static boolean abbreviationBefore(List<Token> tokens) {
    if (tokens.size() < 2) {
      return false;
    }
    Token before = tokens.get(tokens.size() - 2);
    return before.isWord() && (before.text().length() == 1 || ABBREVIATIONS.contains(before.key()));
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '‐' || c == '‑';
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }
}
