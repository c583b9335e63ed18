package dev.passage.search;

import dev.passage.engine.Dimension;
import dev.passage.index.IndexInfo;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;

/**
 * An index searcher with the per-reader state that searching needs, built once when the reader
 * opens rather than on every query: the facet ordinal map, every paragraph's facet ordinals and the
 * build's recorded counts.
 */
final class PassageSearcher extends IndexSearcher {

  private final FacetOrdinals facets;
  private final IndexInfo info;

  PassageSearcher(IndexReader reader, FacetOrdinals facets, IndexInfo info) {
    super(reader);
    this.facets = facets;
    this.info = info;
  }

  /**
   * Opens the searcher of a reader, with its facet state, reading the facet values only of the
   * segments {@code segments} does not hold yet.
   */
  static PassageSearcher open(
      IndexReader reader, dev.passage.index.Schema schema, SegmentOrdinals.Cache segments)
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
    return new PassageSearcher(reader, facets, info);
  }

  /** A searcher over the same reader and state that stops collecting when {@code timeout} says. */
  PassageSearcher withTimeout(QueryTimeout timeout) {
    PassageSearcher timed = new PassageSearcher(getIndexReader(), facets, info);
    timed.setTimeout(timeout);
    return timed;
  }

  /** The facet state and ordinals; null when no paragraph has any tag. */
  FacetOrdinals facets() {
    return facets;
  }

  /** How many live paragraphs carry each facet value, by dimension. */
  Map<Dimension, Map<String, Long>> valueCounts() {
    return facets == null ? Map.of() : facets.valueCounts(MultiBits.getLiveDocs(getIndexReader()));
  }

  /** What the build recorded; null for an index Passage did not build. */
  IndexInfo info() {
    return info;
  }
}
