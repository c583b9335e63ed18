package dev.passage.engine;

import java.util.Locale;

/** The period each bar of a search's timeline counts. */
public enum TimelineUnit {
  YEAR,
  MONTH;

  /** The name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
