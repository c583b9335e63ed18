package dev.passage.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JDK's sentence boundaries, found in one forward pass when the text is set and then looked up.
 *
 * <p>Why: the highlighter asks {@code following} and {@code preceding} around every match, and the
 * JDK's rule-based iterator answers each by scanning back to a safe point and forward again, a
 * visible share of a loaded server's time. A paragraph is a few sentences, so a forward pass over
 * it costs less than two such answers (docs/design-notes.md has the measurement). The boundaries
 * are the JDK's forward ones; its backward scan sometimes found others, such as one inside "S.A.>"
 * that made a snippet begin with ".&gt;".
 */
final class SentenceBreaks extends BreakIterator {

  private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
  private String text = "";
  private int[] boundaries = {0};
  private int count = 1;
  private int position;

  @Override
  public void setText(String newText) {
    text = newText;
    sentences.setText(newText);
    count = 0;
    for (int b = sentences.first(); b != DONE; b = sentences.next()) {
      if (count == boundaries.length) {
        boundaries = Arrays.copyOf(boundaries, count * 2);
      }
      boundaries[count++] = b;
    }
    position = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder chars = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      chars.append(c);
    }
    setText(chars.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public int first() {
    position = 0;
    return boundaries[0];
  }

  @Override
  public int last() {
    position = count - 1;
    return boundaries[position];
  }

  @Override
  public int next(int n) {
    int result = current();
    for (; n > 0 && result != DONE; n--) {
      result = next();
    }
    for (; n < 0 && result != DONE; n++) {
      result = previous();
    }
    return result;
  }

  @Override
  public int next() {
    if (position == count - 1) {
      return DONE;
    }
    return boundaries[++position];
  }

  @Override
  public int previous() {
    if (position == 0) {
      return DONE;
    }
    return boundaries[--position];
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    return moveTo(indexFrom(offset + 1));
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    return moveTo(indexFrom(offset) - 1);
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    int i = indexFrom(offset);
    moveTo(i);
    return i < count && boundaries[i] == offset;
  }

  /** The index of the first boundary at or after {@code offset}; {@code count} when none is. */
  private int indexFrom(int offset) {
    int i = Arrays.binarySearch(boundaries, 0, count, offset);
    return i >= 0 ? i : -i - 1;
  }

  /** Moves to boundary {@code i}; before the first or past the last, stays at that end. */
  private int moveTo(int i) {
    if (i < 0 || i >= count) {
      position = i < 0 ? 0 : count - 1;
      return DONE;
    }
    position = i;
    return boundaries[i];
  }

  @Override
  public int current() {
    return boundaries[position];
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset out of bounds");
    }
  }

  /** A copy at the same boundary, sharing no state; the boundaries are copied, not found again. */
  @Override
  public SentenceBreaks clone() {
    SentenceBreaks copy = new SentenceBreaks();
    copy.text = text;
    copy.boundaries = Arrays.copyOf(boundaries, count);
    copy.count = count;
    copy.position = position;
    return copy;
  }
}
