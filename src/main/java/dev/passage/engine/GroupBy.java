package dev.passage.engine;

import java.util.Locale;

/** What one result of a search is: a paragraph, or an article with its best paragraphs. */
public enum GroupBy {
  /** Each hit is a paragraph; the default. */
  PARAGRAPH,
  /** Each result is an article, with up to {@link #HITS_PER_ARTICLE} of its best paragraphs. */
  ARTICLE;

  /** The paragraphs an article's group shows at most. */
  public static final int HITS_PER_ARTICLE = 3;

  /** The name used in the API. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
