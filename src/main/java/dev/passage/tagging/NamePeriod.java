package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a name was in use, as the names file writes it after the name: {@code [to 1993-10]}, {@code
 * [from 1993-11]} or {@code [from 1999-12 to 2005]}. Both ends are inclusive and as precise as
 * written: "to 1993-10" runs to the last day of October 1993.
 *
 * @param from the first date of the period, or null when it has no beginning
 * @param to the last date of the period, or null when it has no end
 */
record NamePeriod(ArticleDate from, ArticleDate to) {

  private static final Pattern DATED =
      Pattern.compile("^(.*?)\\s*\\[\\s*(?:from\\s+(\\S+?))?\\s*(?:to\\s+(\\S+?))?\\s*\\]$");

  /** A name form as written in the names file, and its period (null: always in use). */
  record Form(String name, NamePeriod period) {}

  /**
   * Splits {@code written} into the name and the period after it.
   *
   * @throws IllegalArgumentException when the brackets hold no valid period
   */
  static Form parse(String written) {
    Matcher m = DATED.matcher(written.strip());
    if (!written.strip().endsWith("]")) {
      return new Form(written.strip(), null);
    }
    if (!m.matches() || (m.group(2) == null && m.group(3) == null) || m.group(1).isEmpty()) {
      throw new IllegalArgumentException(
          "'" + written + "': a period is written [from DATE], [to DATE] or [from DATE to DATE]");
    }
    ArticleDate from = m.group(2) == null ? null : ArticleDate.parse(m.group(2));
    ArticleDate to = m.group(3) == null ? null : ArticleDate.parse(m.group(3));
    NamePeriod period = new NamePeriod(from, to);
    if (period.first() > period.last()) {
      throw new IllegalArgumentException("'" + written + "': the period ends before it begins");
    }
    return new Form(m.group(1), period);
  }

  private int first() {
    return from == null ? 0 : from.earliestSortKey();
  }

  private int last() {
    return to == null ? Integer.MAX_VALUE : to.lastSortKey();
  }

  /** The period as the names file writes it, for explanations: "to 1993-10". */
  String written() {
    if (from == null) {
      return "to " + to;
    }
    return to == null ? "from " + from : "from " + from + " to " + to;
  }

  /**
   * Whether an article of {@code date} lies wholly inside the period. An article known only to the
   * year 1993 is not inside "to 1993-10"; an article without a date is inside none.
   */
  boolean contains(ArticleDate date) {
    return date != null && date.earliestSortKey() >= first() && date.lastSortKey() <= last();
  }
}
