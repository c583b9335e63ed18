package dev.passage.engine;

import java.util.Locale;

/** How hits are ordered. */
public enum SortOrder {
  /** Best match first; the default when there is a query. */
  RELEVANCE,
  /** Newest article first, paragraphs in order; the default when browsing without a query. */
  NEWEST,
  /** Oldest article first. */
  OLDEST;

  /** The name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
