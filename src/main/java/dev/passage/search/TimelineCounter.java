package dev.passage.search;

import dev.passage.engine.SearchResponse.Period;
import dev.passage.engine.TimelineUnit;
import dev.passage.index.Schema;
import dev.passage.query.Timeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the matching paragraphs by the period of their article's date, over the documents the
 * facet counts collected anyway. In a segment sorted newest first each period is a run of doc ids
 * ({@link SegmentPeriods}): the matches of a run are a population count of the bit set's words, or
 * a walk that compares doc ids, with no date read. Another segment reads each match's date.
 */
final class TimelineCounter {

  private TimelineCounter() {}

  /** The periods of {@code matching}'s documents, oldest first; undated articles are in none. */
  static List<Period> count(FacetsCollector matching, TimelineUnit unit, PassageSearcher searcher)
      throws IOException {
    SortedMap<Integer, Long> counts = new TreeMap<>();
    for (FacetsCollector.MatchingDocs docs : matching.getMatchingDocs()) {
      if (docs.totalHits() == 0 || docs.bits() == null) {
        continue;
      }
      SegmentPeriods periods = searcher.periods(docs.context().ord);
      if (periods != null) {
        countRuns(docs.bits(), periods.of(unit), counts);
      } else {
        countDates(docs, unit, counts);
      }
    }
    return periods(counts);
  }

  /** Counts by period, in order, as the timeline; undated articles (period 0) are in none. */
  static List<Period> periods(SortedMap<Integer, Long> counts) {
    List<Period> timeline = new ArrayList<>(counts.size());
    counts.forEach((period, count) -> {
      if (period > 0 && count > 0) {
        timeline.add(new Period(Timeline.label(period), count));
      }
    });
    return timeline;
  }

  private static void countRuns(
      DocIdSet matches, SegmentPeriods.Runs runs, Map<Integer, Long> counts) throws IOException {
    int[] starts = runs.starts();
    if (starts.length == 0) {
      return;
    }
    DocIdSetIterator hits = matches.iterator();
    if (hits instanceof BitSetIterator set && set.getBitSet() instanceof FixedBitSet bits) {
      for (int i = 0; i < starts.length; i++) {
        int count = bits.cardinality(starts[i], runs.end(i));
        if (count > 0) {
          counts.merge(runs.periods()[i], (long) count, Long::sum);
        }
      }
      return;
    }
    int run = 0;
    int end = runs.end(0);
    long inRun = 0;
    for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
      while (doc >= end) {
        counts.merge(runs.periods()[run], inRun, Long::sum);
        inRun = 0;
        end = runs.end(++run);
      }
      inRun++;
    }
    counts.merge(runs.periods()[run], inRun, Long::sum);
  }

  private static void countDates(
      FacetsCollector.MatchingDocs docs, TimelineUnit unit, Map<Integer, Long> counts)
      throws IOException {
    DocIdSetIterator hits = docs.bits().iterator();
    SortedNumericDocValues dates =
        DocValues.getSortedNumeric(docs.context().reader(), Schema.DATE_SORT);
    int period = -1;
    long run = 0;
    for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
      int key = dates.advanceExact(doc) ? (int) dates.nextValue() : 0;
      int of = Timeline.period(unit, key);
      if (of != period) {
        counts.merge(period, run, Long::sum);
        period = of;
        run = 0;
      }
      run++;
    }
    counts.merge(period, run, Long::sum);
  }
}
