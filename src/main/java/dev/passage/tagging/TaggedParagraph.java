package dev.passage.tagging;

import dev.passage.ingest.Paragraph;

/** A paragraph with its tags. */
public record TaggedParagraph(Paragraph paragraph, Tags tags) {}
