package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.List;

/**
 * An article's paragraphs with their tags.
 *
 * @param date the article's date: from metadata, or inferred from the years it states, or null
 * @param dateInferred true when the date was inferred from the text
 * @param paragraphs the tagged paragraphs, in order
 */
public record TaggedArticle(
    ArticleDate date, boolean dateInferred, List<TaggedParagraph> paragraphs) {

  public TaggedArticle {
    paragraphs = List.copyOf(paragraphs);
  }
}
