package dev.passage.ingest;

import java.util.Objects;

/**
 * One article as read from a source file, before any cleaning.
 *
 * @param id stable identifier: the file name without extension, or the JSONL {@code id}
 * @param title the title given in metadata, or null when none was given
 * @param date the publication date given in metadata, or null when none was given
 * @param source the publisher given in metadata, or null
 * @param author the author given in metadata, or null
 * @param text the body as written, page furniture and all
 * @param origin where it came from, for messages ("articles/a.txt" or "corpus.jsonl:12")
 */
public record Article(
    String id,
    String title,
    ArticleDate date,
    String source,
    String author,
    String text,
    String origin) {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
  }
}
