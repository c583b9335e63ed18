package dev.passage.query;

import dev.passage.engine.TimelineUnit;
import dev.passage.ingest.ArticleDate;

/**
 * The periods of a timeline, in the articles' date keys ({@link ArticleDate#sortKey()}): a period
 * is the key with the parts finer than its unit set to zero, which both engines compute alike (a
 * histogram of the keys with this interval on a cluster).
 */
public final class Timeline {

  private Timeline() {}

  /** The width of a period in date keys: a year is 10,000 keys, a month 100. */
  public static int interval(TimelineUnit unit) {
    return switch (unit) {
      case YEAR -> 10_000;
      case MONTH -> 100;
    };
  }

  /** The period of date key {@code key}; 0, the key of an undated article, is in period 0. */
  public static int period(TimelineUnit unit, int key) {
    return key - key % interval(unit);
  }

  /** A period as the API writes it: "2013", or "2013-08" for a month. */
  public static String label(int period) {
    return ArticleDate.ofSortKey(period).toString();
  }
}
