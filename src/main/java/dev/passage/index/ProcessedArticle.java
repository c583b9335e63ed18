package dev.passage.index;

import dev.passage.ingest.ArticleDate;
import dev.passage.tagging.TaggedParagraph;
import java.util.List;

/**
 * An article ready to index: cleaned, split into paragraphs and tagged.
 *
 * @param id the article id
 * @param title from metadata, or from the text when metadata gives none
 * @param date from metadata; null for an undated article
 * @param source the publisher, or null
 * @param author the author from metadata or the byline, or null
 * @param paragraphs the tagged paragraphs, at least one
 */
public record ProcessedArticle(
    String id,
    String title,
    ArticleDate date,
    String source,
    String author,
    List<TaggedParagraph> paragraphs) {

  public ProcessedArticle {
    paragraphs = List.copyOf(paragraphs);
  }
}
