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
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongHeap;

/**
 * Facet counts over the flat dimensions of a {@link SortedSetDocValuesReaderState}, as Lucene's
 * {@code SortedSetDocValuesFacetCounts} gives them (same counts, same order: count, then label),
 * but counted from the reader's {@link FacetOrdinals} and remembering which values the matching
 * paragraphs touched. Lucene finds a dimension's top values by walking every value of the
 * dimension, tens of thousands of names in a newsroom's archive for every query, while a typical
 * query touches a small part of them; a query that touches more than an eighth of all values is
 * read by walking them, as Lucene does. The counts are borrowed from the reader's {@link
 * FacetOrdinals} and must be {@linkplain #release() released} when the search is done.
 */
final class TouchedFacetCounts extends Facets {

  private final FacetOrdinals ordinals;
  private final int[] starts;
  private final int[] ords;
  private int[] counts;

  /** The ordinals whose count went from 0 to 1, in the order it happened, while tracked. */
  private int[] touched = new int[64];

  private int touchedCount;

  /**
   * Past this many touched values the list is dropped and every value counts as touched: a search
   * that touches a good share of the values is cheaper to read by walking them all than to track,
   * which costs a test on every count.
   */
  private final int trackedAtMost;

  /** Whether {@link #touched} still lists every non-zero count. */
  private boolean tracking = true;

  /** Zeroed counts borrowed from {@code ordinals}; count paragraphs with {@link #add(int)}. */
  TouchedFacetCounts(FacetOrdinals ordinals) {
    this.ordinals = ordinals;
    this.starts = ordinals.starts();
    this.ords = ordinals.ords();
    this.counts = ordinals.borrowCounts();
    this.trackedAtMost = Math.max(64, counts.length / 8);
  }

  TouchedFacetCounts(FacetOrdinals ordinals, FacetsCollector hits) throws IOException {
    this(ordinals);
    try {
      for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
        count(docs);
      }
    } catch (Throwable t) {
      release();
      throw t;
    }
  }

  /**
   * Gives the counts back to the reader, zeroed again: while the touched values are tracked only
   * they are non-zero, so this costs a walk of them, not of the array. The counts can no longer be
   * read.
   */
  void release() {
    if (counts == null) {
      return;
    }
    if (tracking) {
      for (int i = 0; i < touchedCount; i++) {
        counts[touched[i]] = 0;
      }
    } else {
      Arrays.fill(counts, 0);
    }
    ordinals.returnCounts(counts);
    counts = null;
  }

  /** Counts the values of paragraph {@code doc}, a doc id of the whole reader. */
  void add(int doc) {
    int from = starts[doc];
    int to = starts[doc + 1];
    if (tracking) {
      for (int i = from; i < to; i++) {
        addTracked(ords[i]);
      }
    } else {
      for (int i = from; i < to; i++) {
        counts[ords[i]]++;
      }
    }
  }

  /** Adds {@code other}'s counts to these; {@code other} is left as it was. */
  void merge(TouchedFacetCounts other) {
    if (other.tracking) {
      for (int i = 0; i < other.touchedCount; i++) {
        int ord = other.touched[i];
        addTracked(ord, other.counts[ord]);
      }
    } else {
      for (int ord = 0; ord < other.counts.length; ord++) {
        if (other.counts[ord] != 0) {
          addTracked(ord, other.counts[ord]);
        }
      }
    }
  }

  private void count(FacetsCollector.MatchingDocs docs) throws IOException {
    if (docs.totalHits() == 0 || docs.bits() == null) {
      return;
    }
    DocIdSetIterator matching = docs.bits().iterator();
    if (matching == null) {
      return;
    }
    int base = docs.context().docBase;
    for (int doc = matching.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = matching.nextDoc()) {
      add(base + doc);
    }
  }

  private void addTracked(int ord) {
    addTracked(ord, 1);
  }

  private void addTracked(int ord, int count) {
    // Touched before counted: whatever fails, every non-zero count is in the touched list.
    if (tracking && counts[ord] == 0) {
      touch(ord);
    }
    counts[ord] += count;
  }

  private void touch(int ord) {
    if (touchedCount == trackedAtMost) {
      tracking = false;
      touched = null;
      return;
    }
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
    boolean walkTouched = tracking && touchedCount < size;
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
    long ord =
        ordinals
            .state()
            .getDocValues()
            .lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : ordinals.state().getDims()) {
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
    return ordinals.state().getOrdRange(dim);
  }

  private String label(int ord) {
    return ordinals.label(ord);
  }
}
