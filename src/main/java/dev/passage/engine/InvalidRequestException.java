package dev.passage.engine;

/** A request a person must fix: the message says what is wrong and how to put it right. */
public final class InvalidRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
