package dev.passage.tagging;

/**
 * A word, number or punctuation mark of a paragraph, with its character offsets.
 *
 * @param text the characters as written
 * @param key the text lower-cased and accent-free, for dictionary lookups
 * @param start offset of the first character
 * @param end offset after the last character
 * @param kind what sort of token it is
 * @param hyphenJoined true when a hyphen joins it to the previous word ("Kassym-Jomart")
 * @param sentenceStart true when it starts a sentence, where capitals prove nothing
 */
public record Token(
    String text,
    String key,
    int start,
    int end,
    Kind kind,
    boolean hyphenJoined,
    boolean sentenceStart) {

  /** Sorts of token. */
  public enum Kind {
    WORD,
    NUMBER,
    /** The "'s" of a possessive, split from its word. */
    POSSESSIVE,
    PUNCTUATION
  }

  public boolean isWord() {
    return kind == Kind.WORD;
  }

  /** A word that starts with a capital letter. */
  public boolean isCapitalised() {
    return kind == Kind.WORD && Character.isUpperCase(text.codePointAt(0));
  }

  /** A word of two or more letters, all capitals: "SCO", "CICA". */
  public boolean isAllCaps() {
    if (kind != Kind.WORD || text.length() < 2) {
      return false;
    }
    boolean letters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }

  /** True for punctuation token {@code c}. */
  public boolean is(char c) {
    return kind == Kind.PUNCTUATION && text.length() == 1 && text.charAt(0) == c;
  }
}
