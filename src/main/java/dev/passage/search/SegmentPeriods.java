package dev.passage.search;

import dev.passage.engine.TimelineUnit;
import dev.passage.index.Schema;
import dev.passage.query.Timeline;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;

/**
 * Where each year's and each month's paragraphs lie in one segment. The index is sorted newest
 * first, so the paragraphs of one period are one run of doc ids, and the timeline counts a search's
 * matches run by run rather than reading every match's date.
 */
record SegmentPeriods(Runs years, Runs months) {

  /**
   * The runs of one unit: docs {@code starts[i]} up to {@code starts[i + 1]} (the last run up to
   * {@code maxDoc}) are in period {@code periods[i]}.
   */
  record Runs(int[] starts, int[] periods, int maxDoc) {

    /** The end of run {@code i}, exclusive. */
    int end(int i) {
      return i + 1 < starts.length ? starts[i + 1] : maxDoc;
    }
  }

  /** The runs of {@code unit}. */
  Runs of(TimelineUnit unit) {
    return switch (unit) {
      case YEAR -> years;
      case MONTH -> months;
    };
  }

  /** The segments' runs of the readers of one index, by segment, dropped when it closes. */
  static final class Cache {
    private final Map<IndexReader.CacheKey, SegmentPeriods> segments = new ConcurrentHashMap<>();

    /** The runs of {@code leaf}, or null when it is not sorted newest first. */
    SegmentPeriods of(LeafReader leaf) throws IOException {
      if (!Schema.indexSort().equals(leaf.getMetaData().sort())) {
        return null;
      }
      IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
      if (helper == null) {
        return read(leaf);
      }
      SegmentPeriods kept = segments.get(helper.getKey());
      if (kept != null) {
        return kept;
      }
      SegmentPeriods read = read(leaf);
      if (segments.putIfAbsent(helper.getKey(), read) == null) {
        helper.addClosedListener(segments::remove);
      }
      return read;
    }
  }

  /** Reads the runs of a segment sorted newest first. */
  static SegmentPeriods read(LeafReader leaf) throws IOException {
    int maxDoc = leaf.maxDoc();
    RunsBuilder years = new RunsBuilder(TimelineUnit.YEAR);
    RunsBuilder months = new RunsBuilder(TimelineUnit.MONTH);
    SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf, Schema.DATE_SORT);
    for (int doc = 0; doc < maxDoc; doc++) {
      int key = dates.advanceExact(doc) ? (int) dates.nextValue() : 0;
      years.add(doc, key);
      months.add(doc, key);
    }
    return new SegmentPeriods(years.build(maxDoc), months.build(maxDoc));
  }

  private static final class RunsBuilder {
    private final TimelineUnit unit;
    private int[] starts = new int[8];
    private int[] periods = new int[8];
    private int size;

    RunsBuilder(TimelineUnit unit) {
      this.unit = unit;
    }

    void add(int doc, int key) {
      int period = Timeline.period(unit, key);
      if (size > 0 && periods[size - 1] == period) {
        return;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        periods = Arrays.copyOf(periods, size * 2);
      }
      starts[size] = doc;
      periods[size] = period;
      size++;
    }

    Runs build(int maxDoc) {
      return new Runs(Arrays.copyOf(starts, size), Arrays.copyOf(periods, size), maxDoc);
    }
  }
}
