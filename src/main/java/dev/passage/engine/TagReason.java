package dev.passage.engine;

/**
 * Why a paragraph has a tag: the rule or list entry, and the words it matched.
 *
 * @param dimension year, person, organisation or topic
 * @param value the tag
 * @param rule the list entry or rule that gave it
 * @param matched the words as written, or "" for a tag not read from the paragraph itself
 * @param start offset of the words in the paragraph, or -1
 * @param end offset after the words, or -1
 */
public record TagReason(
    String dimension, String value, String rule, String matched, int start, int end) {}
