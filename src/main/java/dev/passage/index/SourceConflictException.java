package dev.passage.index;

/**
 * A command was given an index built from another source than the one it names: nothing was
 * changed, and the message names both sources and the flag that would replace the index.
 */
public final class SourceConflictException extends Exception {

  private static final long serialVersionUID = 1L;

  public SourceConflictException(String message) {
    super(message);
  }
}
