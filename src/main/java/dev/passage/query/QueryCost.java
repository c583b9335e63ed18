package dev.passage.query;

/**
 * A query refused because running it would cost far more than any answer is worth: a word that
 * starts with a wildcard, a regular expression that unrolls into a huge automaton, a pattern that
 * matches too many words. Thrown while parsing or rewriting; the message tells a person what to
 * write instead, and becomes a 400.
 */
public final class QueryCost extends RuntimeException {

  private static final long serialVersionUID = 1L;

  QueryCost(String message) {
    super(message, null, false, false);
  }
}
