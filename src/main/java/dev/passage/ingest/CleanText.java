package dev.passage.ingest;

/**
 * An article body with its page furniture removed.
 *
 * @param headerTitle the title line found at the top of the text, or null (used when metadata gives
 *     no title)
 * @param byline the byline found in the text, or null
 * @param body the remaining text, line structure intact for paragraph splitting
 */
public record CleanText(String headerTitle, String byline, String body) {}
