package dev.passage.engine;

import java.util.Locale;

/**
 * How the answer to a search is written: the API's JSON, or a download of the hits, one a row or a
 * line, with their tags. Engines search alike for all three; only the size allowed differs.
 */
public enum ResultFormat {
  JSON,
  CSV,
  JSONL;

  /** The name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the downloads, which may hold up to the deepest hit a search reaches. */
  public boolean download() {
    return this != JSON;
  }
}
