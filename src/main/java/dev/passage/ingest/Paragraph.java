package dev.passage.ingest;

/**
 * One paragraph of an article: the unit Passage indexes and returns.
 *
 * @param number position in the cleaned article, from 1
 * @param section the heading the paragraph stands under, or null
 * @param text the paragraph text
 */
public record Paragraph(int number, String section, String text) {}
