package dev.passage.search;

import dev.passage.engine.SearchResponse.Period;
import dev.passage.engine.TimelineUnit;
import dev.passage.index.Schema;
import dev.passage.query.Timeline;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts a search's matches as they are collected, without scoring them or keeping a set of them:
 * how many there are, their facet values and the periods of their dates. The page of hits is found
 * apart, by a search that scores only the matches that could make the page.
 *
 * <p>On a large archive counting is most of a search's work; scoring every match and setting it in
 * a set of matches first, to count from the set, only added to it.
 */
final class MatchCounting
    implements CollectorManager<MatchCounting.Counter, MatchCounting.Counter> {

  /** How many matches are collected before their values are counted. */
  private static final int PENDING = 512;

  private final PassageSearcher searcher;
  private final TimelineUnit unit;

  /** Every counter's facet counts, which the search releases whatever happens. */
  private final List<TouchedFacetCounts> counted;

  /**
   * @param counted where each collector's borrowed facet counts are added, for the caller to
   *     release when the search is done
   */
  MatchCounting(PassageSearcher searcher, TimelineUnit unit, List<TouchedFacetCounts> counted) {
    this.searcher = searcher;
    this.unit = unit;
    this.counted = Collections.synchronizedList(counted);
  }

  @Override
  public Counter newCollector() {
    TouchedFacetCounts facets = new TouchedFacetCounts(searcher.facets());
    counted.add(facets);
    return new Counter(facets);
  }

  @Override
  public Counter reduce(Collection<Counter> counters) {
    Counter first = null;
    for (Counter c : counters) {
      c.finishLeaf();
      if (first == null) {
        first = c;
      } else {
        first.add(c);
      }
    }
    return first;
  }

  /** One slice's counts; after {@link #reduce}, the search's. */
  final class Counter extends SimpleCollector {
    private final TouchedFacetCounts facets;
    private final SortedMap<Integer, Long> periods = new TreeMap<>();
    private long hits;

    /** Matches collected but not yet counted, as doc ids of the whole reader. */
    private final int[] pending = new int[PENDING];

    private int pendingCount;

    private int docBase;

    /** The current segment's date runs, or null when it is not sorted by date. */
    private SegmentPeriods.Runs runs;

    private int[] inRun;
    private int run;
    private int runEnd;

    /** The current segment's dates, when it has no runs. */
    private SortedNumericDocValues dates;

    /** Without runs: the period of the matches being counted, and how many so far. */
    private int datedPeriod;

    private long inDatedPeriod;

    private Counter(TouchedFacetCounts facets) {
      this.facets = facets;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      finishLeaf();
      docBase = context.docBase;
      SegmentPeriods segment = searcher.periods(context.ord);
      runs = segment == null ? null : segment.of(unit);
      if (runs != null && runs.starts().length > 0) {
        inRun = new int[runs.starts().length];
        run = 0;
        runEnd = runs.end(0);
        dates = null;
      } else {
        runs = null;
        inRun = null;
        dates = DocValues.getSortedNumeric(context.reader(), Schema.DATE_SORT);
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      hits++;
      pending[pendingCount++] = docBase + doc;
      if (pendingCount == pending.length) {
        countPending();
      }
      if (inRun != null) {
        // Matches come in doc order, and a sorted segment's periods are runs of docs.
        while (doc >= runEnd) {
          runEnd = runs.end(++run);
        }
        inRun[run]++;
      } else {
        // Without runs, each match's date is read; matches of one period still come together.
        int key = dates.advanceExact(doc) ? (int) dates.nextValue() : 0;
        int period = Timeline.period(unit, key);
        if (period != datedPeriod) {
          finishDatedPeriod();
          datedPeriod = period;
        }
        inDatedPeriod++;
      }
    }

    /** Adds the matches counted in {@link #datedPeriod} to the periods. */
    private void finishDatedPeriod() {
      if (inDatedPeriod > 0) {
        periods.merge(datedPeriod, inDatedPeriod, Long::sum);
        inDatedPeriod = 0;
      }
    }

    /** Adds {@code other}'s counts to these. */
    private void add(Counter other) {
      hits += other.hits;
      facets.merge(other.facets);
      other.periods.forEach((period, n) -> periods.merge(period, n, Long::sum));
    }

    /**
     * Counts the facet values of the matches collected since the last call. Counted apart in a
     * tight loop, the look-ups of many matches are in flight at once; counted as each match is
     * collected, between the work of matching and scoring it, each waited for memory alone.
     */
    private void countPending() {
      for (int i = 0; i < pendingCount; i++) {
        facets.add(pending[i]);
      }
      pendingCount = 0;
    }

    /** Adds what was counted in the segment just collected to the periods. */
    private void finishLeaf() {
      countPending();
      finishDatedPeriod();
      if (inRun == null) {
        return;
      }
      for (int i = 0; i < inRun.length; i++) {
        if (inRun[i] > 0) {
          periods.merge(runs.periods()[i], (long) inRun[i], Long::sum);
        }
      }
      inRun = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    long hits() {
      return hits;
    }

    TouchedFacetCounts facets() {
      return facets;
    }

    /** The periods of the matches' dates, oldest first; undated articles are in none. */
    List<Period> timeline() {
      return TimelineCounter.periods(periods);
    }
  }
}
