package dev.passage.engine;

/** What a reader typed, as a message quotes it back: short enough to read, never cut mid-letter. */
public final class QuotedInput {

  private QuotedInput() {}

  /**
   * {@code text} cut after {@code maxChars} characters, with an ellipsis when cut; a letter outside
   * the Basic Multilingual Plane (two chars) is kept whole or dropped whole, so a message never
   * carries half of one.
   */
  public static String clip(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, end) + SnippetRules.ELLIPSIS;
  }
}
