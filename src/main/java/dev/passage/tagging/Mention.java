package dev.passage.tagging;

/**
 * A name found in a paragraph, with why it was found.
 *
 * @param type person or organisation (places and other names are found but not reported)
 * @param name the canonical name: the facet value
 * @param paragraph the paragraph's index in the article, from 0
 * @param start offset of the first character in the paragraph text
 * @param end offset after the last character
 * @param matched the words as written in the text
 * @param rule which list entry or rule found it
 */
public record Mention(
    EntityType type, String name, int paragraph, int start, int end, String matched, String rule) {}
