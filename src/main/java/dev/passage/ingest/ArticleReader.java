package dev.passage.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the articles of one source file. One implementation per file format. */
public interface ArticleReader {

  /**
   * Reads every article in {@code file}, handing each article and each problem to {@code sink}. A
   * problem with one article never stops the others.
   *
   * @param origin how messages name the file
   * @throws IOException only when the file itself cannot be read
   */
  void read(Path file, String origin, ArticleSink sink) throws IOException;
}
