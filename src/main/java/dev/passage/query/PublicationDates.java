package dev.passage.query;

import dev.passage.engine.DateRange;
import dev.passage.engine.InvalidRequestException;
import dev.passage.ingest.ArticleDate;
import java.util.regex.Pattern;

/**
 * Reads the {@code from} and {@code to} parameters into a {@link DateRange}: each {@code YYYY},
 * {@code YYYY-MM} or {@code YYYY-MM-DD}, both inclusive, so {@code to=2014} keeps all of 2014. An
 * article dated only to the month or the year counts as its first day.
 */
final class PublicationDates {

  /** Stricter than an article's header: a request names a date exactly, with no time after it. */
  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  private PublicationDates() {}

  /** The range from {@code from} to {@code to}, either of which may be blank for no bound. */
  static DateRange range(String from, String to) throws InvalidRequestException {
    String first = from.strip();
    String last = to.strip();
    if (first.isEmpty() && last.isEmpty()) {
      return DateRange.ANY;
    }
    ArticleDate start = first.isEmpty() ? null : date("from", first);
    ArticleDate end = last.isEmpty() ? null : date("to", last);
    int lowest = start == null ? 1 : start.earliestSortKey();
    int highest = end == null ? Integer.MAX_VALUE : end.lastSortKey();
    if (lowest > highest) {
      throw new InvalidRequestException(
          "from (" + first + ") is after to (" + last + "); give the earlier date as from");
    }
    return new DateRange(start == null ? null : first, end == null ? null : last, lowest, highest);
  }

  private static ArticleDate date(String name, String text) throws InvalidRequestException {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    String expected = name + " must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08";
    if (!DATE.matcher(text).matches()) {
      throw new InvalidRequestException(expected + ", not '" + shown + "'");
    }
    try {
      return ArticleDate.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(expected + "; '" + shown + "' is no such date");
    }
  }
}
