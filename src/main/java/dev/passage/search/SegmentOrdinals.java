package dev.passage.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's facet values as the segment's own ordinals, read from its doc values once and kept
 * while the segment lives. A reader opened after a change shares all but the new segments with the
 * one before it: only those are read, and {@link FacetOrdinals} maps the rest to the new global
 * ordinals, rather than decoding every paragraph's values again at each refresh.
 *
 * @param starts paragraph {@code doc}'s values are {@code ords[starts[doc]]} up to {@code
 *     starts[doc + 1]}
 * @param ords segment ordinals, paragraph after paragraph
 */
record SegmentOrdinals(int[] starts, int[] ords) {

  /** The segments' ordinals of the readers of one index, by segment, dropped when it closes. */
  static final class Cache {
    private final Map<IndexReader.CacheKey, SegmentOrdinals> segments = new ConcurrentHashMap<>();

    /** The ordinals of {@code field} in {@code leaf}, read now or kept from an earlier reader. */
    SegmentOrdinals of(LeafReader leaf, String field) throws IOException {
      IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
      if (helper == null) {
        return read(leaf, field);
      }
      SegmentOrdinals kept = segments.get(helper.getKey());
      if (kept != null) {
        return kept;
      }
      SegmentOrdinals read = read(leaf, field);
      if (segments.putIfAbsent(helper.getKey(), read) == null) {
        helper.addClosedListener(segments::remove);
      }
      return read;
    }

    int size() {
      return segments.size();
    }
  }

  /** Reads the ordinals of {@code field} in {@code leaf}. */
  static SegmentOrdinals read(LeafReader leaf, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(leaf, field);
    int maxDoc = leaf.maxDoc();
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc)];
    int size = 0;
    int next = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      // Paragraphs without values start and end where the next one with values starts.
      Arrays.fill(starts, next, doc + 1, size);
      next = doc + 1;
      int count = values.docValueCount();
      if (size + count > ords.length) {
        ords = Arrays.copyOf(ords, Math.max(size + count, ords.length + (ords.length >> 1)));
      }
      for (int i = 0; i < count; i++) {
        ords[size++] = (int) values.nextOrd();
      }
    }
    Arrays.fill(starts, next, maxDoc + 1, size);
    return new SegmentOrdinals(starts, Arrays.copyOf(ords, size));
  }
}
