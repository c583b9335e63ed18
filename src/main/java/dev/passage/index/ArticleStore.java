package dev.passage.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where an engine keeps the paragraphs of articles, as the incremental updates change it: the
 * stamps that tell which articles it holds and in which version, and a batch of replacements and
 * deletions published together. {@link IndexUpdater} and {@link LiveIndex} decide what to change;
 * each engine implements only how.
 */
public interface ArticleStore {

  /** Opens a batch of changes; searches see none of them before {@link Changes#commit}. */
  Changes open() throws IOException;

  /** One batch of changes, written by one thread. */
  interface Changes extends Closeable {

    /** What the index recorded about itself when the batch opened. */
    IndexInfo info();

    /** The stamp of every article the index held when the batch opened, by id. */
    Map<String, ArticleStamp> stamps() throws IOException;

    /** The stamp the index held for article {@code id} when the batch opened, or null. */
    ArticleStamp stamp(String id) throws IOException;

    /** The ids of the articles the index held from {@code file} when the batch opened. */
    List<String> idsInFile(String file) throws IOException;

    /** Puts {@code article}'s paragraphs in place of any it had, its stamp on the first. */
    void replace(ProcessedArticle article, ArticleStamp stamp) throws IOException;

    /** Takes article {@code id}'s paragraphs out. */
    void delete(String id) throws IOException;

    /** Publishes the batch, recording {@code next} as what the index now is. */
    void commit(IndexInfo next) throws IOException;

    /** Ends the batch; what was not committed is discarded where the engine can. */
    @Override
    void close() throws IOException;
  }
}
