package dev.passage.engine;

/**
 * The publication dates a search keeps to, both ends inclusive, as the request gave them and as the
 * articles' date keys ({@code year * 10_000 + month * 100 + day}, unknown parts 0) that bound them.
 * An article dated only to the month or the year counts as its first day, as it sorts: {@code
 * from=2013-08} leaves out an article dated just "2013", {@code to=2013-08} keeps it, and {@code
 * from=2014-03-01} keeps one dated "2014-03".
 *
 * @param from the earliest date as given ("2013", "2013-08", "2013-08-20"), or null for no bound
 * @param to the latest date as given, or null for no bound
 * @param lowestKey the smallest date key kept; never 0, so articles without a date are left out
 *     whenever a bound is given
 * @param highestKey the largest date key kept
 */
public record DateRange(String from, String to, int lowestKey, int highestKey) {

  /** No bound: every paragraph, with a date or without. */
  public static final DateRange ANY = new DateRange(null, null, 0, Integer.MAX_VALUE);

  public DateRange {
    if (lowestKey > highestKey) {
      throw new IllegalArgumentException("an empty date range: " + from + " to " + to);
    }
  }

  /** True when the range bounds nothing. */
  public boolean any() {
    return from == null && to == null;
  }
}
