package dev.passage.engine;

/**
 * A validated request for completions of what a reader is typing.
 *
 * @param prefix the words typed so far, stripped; may be empty, which asks for nothing
 * @param size how many suggestions at most
 */
public record SuggestRequest(String prefix, int size) {

  public static final int DEFAULT_SIZE = 8;
  public static final int MAX_SIZE = 20;

  /** Longer than any name a reader types. */
  public static final int MAX_PREFIX_CHARS = 100;
}
