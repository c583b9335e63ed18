package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleSink;

/** Receives the articles of a folder read, each with the stamp of the file it came from. */
abstract class StampingSink implements ArticleSink {

  private String file;

  @Override
  public final void file(String name) {
    file = name;
  }

  @Override
  public final void accept(Article article) {
    accept(article, ArticleStamp.of(article, file));
  }

  /** Takes one article that was read, with its stamp. */
  abstract void accept(Article article, ArticleStamp stamp);
}
