package dev.passage.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits cleaned text into paragraphs. Both layouts of published articles are handled: paragraphs
 * separated by blank lines, and one paragraph a line. Short title-cased lines are headings: they
 * become the section of the paragraphs below rather than paragraphs of their own. A lead-in that
 * ends in ":" or introduces a quotation with "," is joined to what it introduces, so the quote is
 * found with its speaker.
 */
public final class ParagraphSplitter {

  /** Headings are short; anything longer is text. */
  static final int MAX_HEADING_WORDS = 8;

  static final int MAX_HEADING_CHARS = 80;

  /**
   * Longer blocks are cut at sentence ends. Paragraph documents stay small so that scores, snippets
   * and facet counts speak about one passage, not about a whole page pasted as one line.
   */
  static final int MAX_PARAGRAPH_CHARS = 4000;

  /** Splits {@code body} into numbered paragraphs. */
  public List<Paragraph> split(String body) {
    List<String> units = units(body);
    List<Paragraph> paragraphs = new ArrayList<>();
    String section = null;
    String pending = null;
    for (int i = 0; i < units.size(); i++) {
      String unit = units.get(i);
      if (pending == null && isHeading(unit) && i + 1 < units.size()) {
        section = unit;
        continue;
      }
      if (pending == null && isHeading(unit)) {
        continue;
      }
      String text = pending == null ? unit : pending + " " + unit;
      pending = null;
      if (i + 1 < units.size() && isLeadIn(text, units.get(i + 1))) {
        pending = text;
        continue;
      }
      for (String piece : cut(text)) {
        paragraphs.add(new Paragraph(paragraphs.size() + 1, section, piece));
      }
    }
    if (pending != null) {
      paragraphs.add(new Paragraph(paragraphs.size() + 1, section, pending));
    }
    return List.copyOf(paragraphs);
  }

  /**
   * The candidate paragraphs, in order: blocks between blank lines, where each line of a block
   * stands alone unless it was hard-wrapped (no sentence end, next line in lower case).
   */
  static List<String> units(String body) {
    List<String> units = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : body.split("\n", -1)) {
      String line = Text.collapseSpaces(raw.strip());
      if (line.isEmpty()) {
        flush(current, units);
        continue;
      }
      if (current.length() > 0 && !continues(current, line)) {
        flush(current, units);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(line);
    }
    flush(current, units);
    return units;
  }

  private static boolean continues(CharSequence previous, String line) {
    String prev = previous.toString();
    return !Text.endsWithSentencePunctuation(prev)
        && !prev.endsWith(":")
        && Character.isLowerCase(line.codePointAt(0));
  }

  private static void flush(StringBuilder current, List<String> units) {
    if (current.length() > 0) {
      String unit = current.toString();
      if (unit.codePoints().anyMatch(Character::isLetterOrDigit)) {
        units.add(unit);
      }
      current.setLength(0);
    }
  }

  /** A short, unpunctuated, title-cased line such as "Economic and Trade Cooperation". */
  static boolean isHeading(String unit) {
    String trimmed = unit.strip();
    if (trimmed.length() > MAX_HEADING_CHARS || Text.wordCount(trimmed) > MAX_HEADING_WORDS) {
      return false;
    }
    char last = trimmed.charAt(trimmed.length() - 1);
    if (Text.endsWithSentencePunctuation(trimmed) || ",;:".indexOf(last) >= 0) {
      return false;
    }
    return Character.isLetter(trimmed.codePointAt(0)) && Text.isTitleCase(trimmed);
  }

  /** "…, stating," before a quotation, or a line ending in ":" before what it announces. */
  static boolean isLeadIn(String text, String next) {
    String t = text.strip();
    if (t.endsWith(":")) {
      return true;
    }
    return t.endsWith(",") && !next.isEmpty() && "\"“‘'«".indexOf(next.charAt(0)) >= 0;
  }

  /** Cuts an overlong block at sentence ends into pieces of at most about the limit. */
  static List<String> cut(String text) {
    if (text.length() <= MAX_PARAGRAPH_CHARS) {
      return List.of(text);
    }
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int lastEnd = 0;
    for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
      if (end - start > MAX_PARAGRAPH_CHARS && lastEnd > start) {
        pieces.add(text.substring(start, lastEnd).strip());
        start = lastEnd;
      }
      while (end - start > MAX_PARAGRAPH_CHARS) {
        // One sentence longer than the limit: cut at the last space before it.
        int cutAt = lastSpace(text, start, start + MAX_PARAGRAPH_CHARS);
        pieces.add(text.substring(start, cutAt).strip());
        start = cutAt;
      }
      lastEnd = end;
    }
    if (start < text.length()) {
      pieces.add(text.substring(start).strip());
    }
    pieces.removeIf(String::isEmpty);
    return pieces;
  }

  /**
   * The last space in {@code text} between {@code start} (excluded) and {@code limit}, else {@code
   * limit} itself, moved off the middle of a surrogate pair. The search stops at {@code start}: a
   * text with no spaces must not be scanned back to its beginning for every piece.
   */
  private static int lastSpace(String text, int start, int limit) {
    for (int i = limit; i > start; i--) {
      if (text.charAt(i) == ' ') {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }
}
