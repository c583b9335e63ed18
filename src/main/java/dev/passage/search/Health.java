package dev.passage.search;

/**
 * The state of the service.
 *
 * @param status "ok"
 * @param articles articles in the index
 * @param paragraphs paragraphs in the index
 * @param builtAt when the index was built, or null
 */
public record Health(String status, int articles, int paragraphs, String builtAt) {}
