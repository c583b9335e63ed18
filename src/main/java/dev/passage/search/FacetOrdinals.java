package dev.passage.search;

import dev.passage.engine.Dimension;
import dev.passage.query.IndexedValues;
import dev.passage.query.KnownValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Every paragraph's facet values as global ordinals in two plain arrays, and every value's label,
 * read once per reader from the facet doc values. Counting facets is then an array walk: in a
 * profile of the query load, decoding the doc values, mapping segment ordinals to global ones and
 * looking labels up were a large share of the server's time (docs/design-notes.md). The price is
 * memory: 4 bytes per paragraph and per value of a paragraph. An index of one segment shares its
 * segment's arrays; one of several pays for a copy per reader a change opens.
 */
final class FacetOrdinals implements IndexedValues {

  private final SortedSetDocValuesReaderState state;

  /** Paragraph {@code doc}'s values are {@code ords[starts[doc]]} up to {@code starts[doc + 1]}. */
  private final int[] starts;

  private final int[] ords;

  /** The value of each global ordinal, without its dimension. */
  private final String[] labels;

  /** Each dimension's values by their case-free key; see {@link #valueByKey}. */
  private final Map<String, Map<String, String>> valuesByKey = new ConcurrentHashMap<>();

  /**
   * What {@link FacetsConfig#pathToString} puts before a delimiter or escape inside a component;
   * private in Lucene, so FacetOrdinalsTest checks that {@link #label} reads as Lucene does.
   */
  private static final char ESCAPE = '\u001E';

  /** More concurrent counts than this allocate their arrays as before. */
  static final int MAX_SPARE_COUNTS = 16;

  /**
   * Zeroed count arrays, one slot per facet value, kept for the next search over this reader rather
   * than allocated for each: one is a large part of what a search allocates, and what a search
   * allocates sets how often the collector stops every search in flight. Bounded, so a burst of
   * concurrent searches leaves no lasting memory.
   */
  private final Spares<int[]> spareCounts = new Spares<>(MAX_SPARE_COUNTS);

  private FacetOrdinals(
      SortedSetDocValuesReaderState state, int[] starts, int[] ords, String[] labels) {
    this.state = state;
    this.starts = starts;
    this.ords = ords;
    this.labels = labels;
  }

  /**
   * Reads the ordinals and labels of {@code reader}, taking the segments' own ordinals from {@code
   * segments} where an earlier reader read them.
   */
  static FacetOrdinals read(
      IndexReader reader, SortedSetDocValuesReaderState state, SegmentOrdinals.Cache segments)
      throws IOException {
    SortedSetDocValues all = state.getDocValues();
    OrdinalMap ordinalMap =
        all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    List<LeafReaderContext> leaves = reader.leaves();
    SegmentOrdinals[] parts = new SegmentOrdinals[leaves.size()];
    int total = 0;
    for (LeafReaderContext leaf : leaves) {
      parts[leaf.ord] = segments.of(leaf.reader(), state.getField());
      total += parts[leaf.ord].ords().length;
    }
    String[] labels = labels(all);
    if (leaves.size() == 1 && ordinalMap == null) {
      // One segment's ordinals are the reader's: share its arrays rather than copy them, which
      // would double the largest thing a searcher keeps.
      return new FacetOrdinals(state, parts[0].starts(), parts[0].ords(), labels);
    }
    int[] starts = new int[reader.maxDoc() + 1];
    int[] ords = new int[total];
    int size = 0;
    for (LeafReaderContext leaf : leaves) {
      SegmentOrdinals part = parts[leaf.ord];
      LongValues global =
          ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(leaf.ord);
      int[] partStarts = part.starts();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        starts[leaf.docBase + doc] = size + partStarts[doc];
      }
      for (int ord : part.ords()) {
        ords[size++] = (int) global.get(ord);
      }
    }
    starts[reader.maxDoc()] = size;
    return new FacetOrdinals(state, starts, ords, labels);
  }

  /** The value of each global ordinal, without its dimension. */
  private static String[] labels(SortedSetDocValues all) throws IOException {
    String[] labels = new String[(int) all.getValueCount()];
    for (int ord = 0; ord < labels.length; ord++) {
      labels[ord] = label(all.lookupOrd(ord));
    }
    return labels;
  }

  /**
   * The last component of an indexed facet path. Decoded from the bytes after the last delimiter
   * when nothing in it is escaped, as is almost every value: parsing every path whole was a large
   * part of opening an index before serve's first answer (docs/performance.md). UTF-8 encodes no
   * other character with a byte below 0x80, so the two control bytes cannot be part of one.
   */
  static String label(BytesRef path) {
    int end = path.offset + path.length;
    int from = path.offset;
    for (int i = path.offset; i < end; i++) {
      byte b = path.bytes[i];
      if (b == ESCAPE) {
        String[] components = FacetsConfig.stringToPath(path.utf8ToString());
        return components[components.length - 1];
      }
      if (b == FacetsConfig.DELIM_CHAR) {
        from = i + 1;
      }
    }
    return new String(path.bytes, from, end - from, StandardCharsets.UTF_8);
  }

  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** Where paragraph {@code doc}'s values start in {@link #ords()}; they end at {@code doc + 1}. */
  int[] starts() {
    return starts;
  }

  int[] ords() {
    return ords;
  }

  String label(int ord) {
    return labels[ord];
  }

  /** The values of dimension {@code dim} in the index's order; empty when no paragraph has one. */
  @Override
  public List<String> values(String dim) {
    SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      return List.of();
    }
    return Collections.unmodifiableList(
        Arrays.asList(labels).subList(range.start(), range.end() + 1));
  }

  /**
   * The value of dimension {@code dim} whose {@link KnownValues#key} is {@code key}, or null. The
   * keys are made once per reader, when a filter first names a value in another case.
   */
  @Override
  public String valueByKey(String dim, String key) {
    return valuesByKey
        .computeIfAbsent(
            dim,
            d -> {
              Map<String, String> byKey = new HashMap<>();
              for (String value : values(d)) {
                byKey.putIfAbsent(KnownValues.key(value), value);
              }
              return byKey;
            })
        .get(key);
  }

  /**
   * How many live paragraphs carry each value, by dimension; values no live paragraph carries are
   * left out.
   */
  Map<Dimension, Map<String, Long>> valueCounts(Bits live) {
    long[] counts = new long[labels.length];
    for (int doc = 0; doc + 1 < starts.length; doc++) {
      if (live == null || live.get(doc)) {
        for (int i = starts[doc]; i < starts[doc + 1]; i++) {
          counts[ords[i]]++;
        }
      }
    }
    Map<Dimension, Map<String, Long>> byDimension = new EnumMap<>(Dimension.class);
    for (Dimension dim : Dimension.values()) {
      Map<String, Long> values = new HashMap<>();
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim.field());
      if (range != null) {
        for (int ord = range.start(); ord <= range.end(); ord++) {
          if (counts[ord] > 0) {
            values.put(labels[ord], counts[ord]);
          }
        }
      }
      byDimension.put(dim, values);
    }
    return byDimension;
  }

  /** An array of zeros, one per facet value; give it back with {@link #returnCounts}. */
  int[] borrowCounts() {
    int[] counts = spareCounts.take();
    return counts != null ? counts : new int[state.getSize()];
  }

  /** Takes back an array from {@link #borrowCounts}, which the caller has set to zeros again. */
  void returnCounts(int[] zeroed) {
    spareCounts.giveBack(zeroed);
  }
}
