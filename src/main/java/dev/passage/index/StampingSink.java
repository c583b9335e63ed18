package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleSink;

/** Receives the articles of a folder read, each with the stamp of the file it came from. */
public abstract class StampingSink implements ArticleSink {

  private String file;
  private long size;
  private long modifiedNanos;

  @Override
  public final boolean file(String name, long size, long modifiedNanos) {
    this.file = name;
    this.size = size;
    this.modifiedNanos = modifiedNanos;
    return read(name, size, modifiedNanos);
  }

  /** Whether to read the file; false when its articles are known as they are. */
  protected boolean read(String name, long size, long modifiedNanos) {
    return true;
  }

  @Override
  public final void accept(Article article) {
    accept(article, ArticleStamp.of(article, file, size, modifiedNanos));
  }

  /** Takes one article that was read, with its stamp. */
  protected abstract void accept(Article article, ArticleStamp stamp);
}
