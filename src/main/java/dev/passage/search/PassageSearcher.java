package dev.passage.search;

import dev.passage.engine.Dimension;
import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * An index searcher with the per-reader state that searching needs, built once when the reader
 * opens rather than on every query: the facet ordinal map, every paragraph's facet ordinals, where
 * each period's paragraphs lie and the build's recorded counts; and the spelling corrections made
 * on it so far; and the stored-field readers and snippet views its searches have finished with.
 */
final class PassageSearcher extends IndexSearcher {

  private final FacetOrdinals facets;
  private final IndexInfo info;

  /** Each segment's date runs, by its ord in the reader; null for a segment not sorted by date. */
  private final SegmentPeriods[] periods;

  /** The "did you mean" corrections made on this reader, by word; see {@link WordCorrections}. */
  private final Map<String, String> corrections;

  /**
   * Stored-field readers that searches gave back: a new one allocates its block offsets and slices
   * in every segment it reads.
   */
  private final Spares<StoredFields> storedFields;

  /** Views for the snippets' matches that searches gave back; see {@link ReusedPostings}. */
  private final Spares<ReusedPostings> postingsViews;

  /** How many of each spare a reader keeps: about the searches that run at once. */
  private static final int SPARES = 16;

  /** The threads that search the slices of one query; null for a searcher of one thread. */
  private final Executor slices;

  /** The most paragraphs one part of a query's slices holds; unused without {@link #slices}. */
  private final int docsPerPart;

  private PassageSearcher(
      IndexReader reader,
      Executor slices,
      int docsPerPart,
      FacetOrdinals facets,
      IndexInfo info,
      SegmentPeriods[] periods,
      Map<String, String> corrections,
      Spares<StoredFields> storedFields,
      Spares<ReusedPostings> postingsViews) {
    super(reader, slices);
    this.slices = slices;
    this.docsPerPart = docsPerPart;
    this.facets = facets;
    this.info = info;
    this.periods = periods;
    this.corrections = corrections;
    this.storedFields = storedFields;
    this.postingsViews = postingsViews;
  }

  /**
   * Opens the searcher of a reader, with its facet state, reading the facet values only of the
   * segments {@code segments} does not hold yet.
   */
  static PassageSearcher open(
      IndexReader reader, Schema schema, SegmentOrdinals.Cache segments, SegmentPeriods.Cache dates)
      throws IOException {
    // An index in which no paragraph has a tag has no facet field at all.
    boolean tagged =
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)
            != null;
    FacetOrdinals facets =
        tagged
            ? FacetOrdinals.read(
                reader,
                new DefaultSortedSetDocValuesReaderState(reader, schema.facetsConfig()),
                segments)
            : null;
    IndexInfo info = null;
    if (reader instanceof DirectoryReader directoryReader) {
      info = IndexInfo.fromUserData(directoryReader.getIndexCommit().getUserData());
    }
    SegmentPeriods[] periods = new SegmentPeriods[reader.leaves().size()];
    for (LeafReaderContext leaf : reader.leaves()) {
      periods[leaf.ord] = dates.of(leaf.reader());
    }
    return new PassageSearcher(
        reader,
        null,
        0,
        facets,
        info,
        periods,
        new ConcurrentHashMap<>(),
        new Spares<>(SPARES),
        new Spares<>(SPARES));
  }

  /** A searcher over the same reader and state that stops collecting when {@code timeout} says. */
  PassageSearcher withTimeout(QueryTimeout timeout) {
    return withTimeout(timeout, null, 0);
  }

  /**
   * As {@link #withTimeout(QueryTimeout)}, searching a query's slices on {@code threads} too, its
   * segments split into parts of at most {@code docsPerPart} paragraphs.
   */
  PassageSearcher withTimeout(QueryTimeout timeout, Executor threads, int docsPerPart) {
    PassageSearcher timed =
        new PassageSearcher(
            getIndexReader(),
            threads,
            docsPerPart,
            facets,
            info,
            periods,
            corrections,
            storedFields,
            postingsViews);
    timed.setTimeout(timeout);
    return timed;
  }

  @Override
  protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
    if (slices == null) {
      return super.slices(leaves);
    }
    return slices(leaves, docsPerPart, Integer.MAX_VALUE, true);
  }

  /** The facet state and ordinals; null when no paragraph has any tag. */
  FacetOrdinals facets() {
    return facets;
  }

  /** How many live paragraphs carry each facet value, by dimension. */
  Map<Dimension, Map<String, Long>> valueCounts() {
    return facets == null ? Map.of() : facets.valueCounts(MultiBits.getLiveDocs(getIndexReader()));
  }

  /** The date runs of the segment of ord {@code leaf}; null when it is not sorted by date. */
  SegmentPeriods periods(int leaf) {
    return periods[leaf];
  }

  /**
   * A stored-field reader of this searcher's reader for one thread; give it back with {@link
   * #returnStoredFields} when the search has read its hits.
   */
  StoredFields borrowStoredFields() throws IOException {
    return storedFields.borrow(this::storedFields);
  }

  /** Takes back a reader from {@link #borrowStoredFields}, which the caller no longer reads. */
  void returnStoredFields(StoredFields stored) {
    storedFields.giveBack(stored);
  }

  /**
   * A view of this searcher's reader whose postings enums the snippets of one search reuse; give it
   * back with {@link #returnPostingsView} when the snippets are made.
   */
  ReusedPostings borrowPostingsView() throws IOException {
    return postingsViews.borrow(() -> ReusedPostings.of(getIndexReader()));
  }

  /** Takes back a view from {@link #borrowPostingsView}, which the caller no longer reads. */
  void returnPostingsView(ReusedPostings view) {
    postingsViews.giveBack(view);
  }

  /** The corrections made on this reader, by word ("" for a word left alone). */
  Map<String, String> corrections() {
    return corrections;
  }

  /**
   * The title of every live article, read from its first paragraph: the one that carries the
   * article's stamp, so each article is read once, from doc values.
   */
  List<String> titles() throws IOException {
    List<String> titles = new ArrayList<>();
    Set<String> fields = Set.of(Schema.TITLE);
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      BinaryDocValues firsts = leaf.reader().getBinaryDocValues(Schema.ARTICLE_FILE);
      if (firsts == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues values = leaf.reader().getBinaryDocValues(Schema.ARTICLE_TITLE);
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = firsts.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = firsts.nextDoc()) {
        if (live == null || live.get(doc)) {
          // Articles indexed before titles were doc values have them stored only.
          String title =
              values != null && values.advanceExact(doc)
                  ? values.binaryValue().utf8ToString()
                  : stored.document(doc, fields).get(Schema.TITLE);
          if (title != null) {
            titles.add(title);
          }
        }
      }
    }
    return titles;
  }

  /** What the build recorded; null for an index Passage did not build. */
  IndexInfo info() {
    return info;
  }
}
