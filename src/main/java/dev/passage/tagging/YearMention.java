package dev.passage.tagging;

/**
 * A year a paragraph is about, with the words that say so.
 *
 * @param year the year
 * @param start offset of the first character in the paragraph, or -1 when not from the text
 * @param end offset after the last character, or -1
 * @param matched the words as written ("2014-2016", "this May"), or "" when not from the text
 * @param rule how the year was found
 */
public record YearMention(int year, int start, int end, String matched, String rule) {

  /** True when the year was read in the text, not assumed from the article's date. */
  public boolean stated() {
    return start >= 0;
  }
}
