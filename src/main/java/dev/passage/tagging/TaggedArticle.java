package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.List;

/**
 * An article's paragraphs with their tags.
 *
 * @param date the article's date from its metadata, or null
 * @param paragraphs the tagged paragraphs, in order
 */
public record TaggedArticle(ArticleDate date, List<TaggedParagraph> paragraphs) {

  public TaggedArticle {
    paragraphs = List.copyOf(paragraphs);
  }
}
