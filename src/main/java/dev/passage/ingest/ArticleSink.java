package dev.passage.ingest;

/** Receives what readers find: articles to index and problems to report. */
public interface ArticleSink {

  /** Takes one article that was read successfully. */
  void accept(Article article);

  /** Takes one problem found while reading. */
  void problem(Problem problem);

  /**
   * Told before the articles of each file, with the file's name relative to the folder: the
   * articles accepted until the next call came from it.
   */
  default void file(String name) {}
}
