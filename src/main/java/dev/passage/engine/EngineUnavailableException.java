package dev.passage.engine;

import java.io.IOException;

/**
 * The engine cannot answer now (a cluster that is down or red): the request was valid, and may
 * succeed later. The message names what is unavailable, for the reader, without a stack trace.
 */
public final class EngineUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
