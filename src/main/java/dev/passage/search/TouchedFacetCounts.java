package dev.passage.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.LongValues;

/**
 * Facet counts over the flat dimensions of a {@link SortedSetDocValuesReaderState}, as Lucene's
 * {@code SortedSetDocValuesFacetCounts} gives them (same counts, same order: count, then label),
 * but remembering which values the matching paragraphs touched. Lucene finds a dimension's top
 * values by walking every value of the dimension; on Reuters-21578 that is 15,108 organisations and
 * 5,579 people for every query, about 58 µs, while a typical query touches a tenth of them.
 */
final class TouchedFacetCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final SortedSetDocValues labels;
  private final int[] counts;

  /** The ordinals whose count went from 0 to 1, in the order it happened. */
  private int[] touched = new int[64];

  private int touchedCount;

  TouchedFacetCounts(SortedSetDocValuesReaderState state, FacetsCollector hits) throws IOException {
    this.state = state;
    this.labels = state.getDocValues();
    this.counts = new int[state.getSize()];
    OrdinalMap ordinalMap =
        labels instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
      count(docs, ordinalMap);
    }
  }

  private void count(FacetsCollector.MatchingDocs docs, OrdinalMap ordinalMap) throws IOException {
    if (docs.totalHits() == 0 || docs.bits() == null) {
      return;
    }
    DocIdSetIterator matching = docs.bits().iterator();
    if (matching == null) {
      return;
    }
    SortedSetDocValues values = DocValues.getSortedSet(docs.context().reader(), state.getField());
    LongValues global =
        ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(docs.context().ord);
    int segmentOrds = (int) values.getValueCount();
    if (ordinalMap == null || docs.totalHits() < segmentOrds / 10) {
      // Few hits: map each value to its global ordinal as it comes.
      for (int doc = matching.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = matching.nextDoc()) {
        if (values.advanceExact(doc)) {
          for (int i = values.docValueCount(); i > 0; i--) {
            add((int) global.get(values.nextOrd()), 1);
          }
        }
      }
      return;
    }
    // Many hits: count by the segment's own ordinals, then map each counted one once (as Lucene
    // does), since mapping costs more than counting.
    int[] segmentCounts = new int[segmentOrds];
    for (int doc = matching.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = matching.nextDoc()) {
      if (values.advanceExact(doc)) {
        for (int i = values.docValueCount(); i > 0; i--) {
          segmentCounts[(int) values.nextOrd()]++;
        }
      }
    }
    for (int ord = 0; ord < segmentOrds; ord++) {
      if (segmentCounts[ord] > 0) {
        add((int) global.get(ord), segmentCounts[ord]);
      }
    }
  }

  private void add(int ord, int count) {
    if (counts[ord] == 0) {
      touch(ord);
    }
    counts[ord] += count;
  }

  private void touch(int ord) {
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
    }
    touched[touchedCount++] = ord;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    OrdRange range = flatRange(dim, path);
    if (range == null) {
      return null;
    }
    // Best first is the higher count, then the lower ordinal (the earlier label), as in Lucene;
    // both fit one long, so the heap holds no objects.
    LongHeap best = new LongHeap(topN);
    int children = 0;
    // Whichever is shorter: the values this search touched, or the dimension's own values.
    int size = range.end() - range.start() + 1;
    boolean walkTouched = touchedCount < size;
    int n = walkTouched ? touchedCount : size;
    for (int i = 0; i < n; i++) {
      int ord = walkTouched ? touched[i] : range.start() + i;
      if (ord < range.start() || ord > range.end() || counts[ord] == 0) {
        continue;
      }
      children++;
      best.insertWithOverflow(((long) counts[ord] << 32) | (Integer.MAX_VALUE - ord));
    }
    if (children == 0) {
      return null;
    }
    LabelAndValue[] top = new LabelAndValue[best.size()];
    for (int i = top.length - 1; i >= 0; i--) {
      long entry = best.pop();
      top[i] = new LabelAndValue(label(Integer.MAX_VALUE - (int) entry), (int) (entry >>> 32));
    }
    return new FacetResult(dim, path, -1, top, children);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    OrdRange range = flatRange(dim, path);
    if (range == null) {
      return null;
    }
    List<LabelAndValue> all = new ArrayList<>();
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] > 0) {
        all.add(new LabelAndValue(label(ord), counts[ord]));
      }
    }
    return all.isEmpty()
        ? null
        : new FacetResult(dim, path, -1, all.toArray(LabelAndValue[]::new), all.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) {
      throw new IllegalArgumentException("give exactly one value of " + dim);
    }
    long ord = labels.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) {
        results.add(result);
      }
    }
    return results;
  }

  /** The ordinals of a flat dimension; null when it was never indexed. */
  private OrdRange flatRange(String dim, String... path) {
    if (path.length > 0) {
      throw new IllegalArgumentException("dimension " + dim + " is flat: give no path");
    }
    return state.getOrdRange(dim);
  }

  private String label(int ord) throws IOException {
    String[] parts = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
    return parts[parts.length - 1];
  }
}
