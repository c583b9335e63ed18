package dev.passage.search;

import dev.passage.query.KnownValues;
import dev.passage.query.TitlePhrases;
import dev.passage.query.ValueSuggester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexReader;

/**
 * The suggester of the index as it is served. Building one reads every paragraph's facet values and
 * every article's title, too long for a keystroke on an archive of any size and too much to spend
 * on every refresh of a live archive: so after the index changes, suggestions keep coming from the
 * suggester of the previous reader while one thread builds the new reader's, and only the very
 * first suggestion waits for a build.
 */
final class LiveSuggester {

  private final LiveSearchers searchers;
  private final KnownValues known;
  private final AtomicBoolean building = new AtomicBoolean();
  private volatile Built built;

  /** A suggester and the reader it was built from, by the reader's cache key. */
  private record Built(Object reader, ValueSuggester suggester) {}

  LiveSuggester(LiveSearchers searchers, KnownValues known) {
    this.searchers = searchers;
    this.known = known;
  }

  /** The suggester for {@code searcher}'s reader, or the previous reader's while that builds. */
  ValueSuggester of(PassageSearcher searcher) throws IOException {
    Built current = built;
    if (current == null) {
      synchronized (this) {
        current = built;
        if (current == null) {
          current = build(searcher);
          built = current;
        }
      }
    }
    if (current.reader() != key(searcher) && building.compareAndSet(false, true)) {
      Thread.ofVirtual().name("passage-suggester").start(this::rebuild);
    }
    return current.suggester();
  }

  private void rebuild() {
    try {
      PassageSearcher searcher = searchers.acquire();
      try {
        built = build(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException | UncheckedIOException e) {
      // The old suggestions stay; the next request for suggestions tries again.
    } finally {
      building.set(false);
    }
  }

  private Built build(PassageSearcher searcher) throws IOException {
    return new Built(
        key(searcher),
        ValueSuggester.of(
            searcher.valueCounts(), known, TitlePhrases.bundled().count(searcher.titles())));
  }

  private static Object key(PassageSearcher searcher) {
    IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
    return helper == null ? searcher.getIndexReader() : helper.getKey();
  }
}
