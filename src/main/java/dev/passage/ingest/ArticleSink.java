package dev.passage.ingest;

/** Receives what readers find: articles to index and problems to report. */
public interface ArticleSink {

  /** Takes one article that was read successfully. */
  void accept(Article article);

  /** Takes one problem found while reading. */
  void problem(Problem problem);

  /**
   * Told before the articles of each file, with the file's name relative to the folder, its size
   * and its modification time: the articles accepted until the next call come from it.
   *
   * @return false to leave the file unread, as one whose articles the sink already knows
   */
  default boolean file(String name, long size, long modifiedNanos) {
    return true;
  }
}
