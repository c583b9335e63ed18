package dev.passage.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date known to the year, the month or the day, as news metadata often is ("2013",
 * "2014-03", "2024-05-20"). Unknown parts are zero.
 */
public record ArticleDate(int year, int month, int day) implements Comparable<ArticleDate> {

  private static final Pattern ISO_PREFIX =
      Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[T ].*)?");

  public ArticleDate {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (month < 0 || month > 12 || (month == 0 && day != 0)) {
      throw new IllegalArgumentException("month out of range: " + month);
    }
    if (day != 0) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("no such day: " + e.getMessage(), e);
      }
    }
  }

  /** A date known only to the year. */
  public static ArticleDate ofYear(int year) {
    return new ArticleDate(year, 0, 0);
  }

  /**
   * Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a time after the date ("1987-02-26T10:00") is
   * ignored.
   *
   * @throws IllegalArgumentException with a message a person can act on
   */
  public static ArticleDate parse(String text) {
    Matcher m = ISO_PREFIX.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    try {
      return new ArticleDate(year, month, day);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid date: " + e.getMessage());
    }
  }

  /** A number that sorts dates chronologically, unknown parts first: 20130000, 20140300. */
  public int sortKey() {
    return year * 10_000 + month * 100 + day;
  }

  /**
   * The smallest key of a date no earlier than this one, a date known to the month or the year
   * counting as its first day: from 1 March 2014 the keys begin at "2014-03"'s, from 1 January at
   * "2014"'s.
   */
  public int earliestSortKey() {
    if (day > 1) {
      return sortKey();
    }
    return month > 1 ? year * 10_000 + month * 100 : year * 10_000;
  }

  /**
   * The largest key of a date within this one's period: the last day of its month or year, so a
   * range that ends with this date keeps every date inside it.
   */
  public int lastSortKey() {
    if (month == 0) {
      return year * 10_000 + 9999;
    }
    return day == 0 ? year * 10_000 + month * 100 + 99 : sortKey();
  }

  /** The date whose {@link #sortKey()} is {@code key}. */
  public static ArticleDate ofSortKey(int key) {
    return new ArticleDate(key / 10_000, key / 100 % 100, key % 100);
  }

  @Override
  public int compareTo(ArticleDate other) {
    return Integer.compare(sortKey(), other.sortKey());
  }

  /** The date as written in metadata: "2013", "2014-03" or "2024-05-20". */
  @Override
  public String toString() {
    // Built by hand: String.format parses its pattern on every call, and this runs per paragraph.
    StringBuilder text = new StringBuilder(10);
    padded(text, year, 4);
    if (month > 0) {
      padded(text.append('-'), month, 2);
      if (day > 0) {
        padded(text.append('-'), day, 2);
      }
    }
    return text.toString();
  }

  private static void padded(StringBuilder text, int value, int digits) {
    String number = Integer.toString(value);
    text.repeat('0', Math.max(0, digits - number.length())).append(number);
  }
}
