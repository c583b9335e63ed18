package dev.passage.search;

import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.SearchRequest;
import dev.passage.query.QueryCost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Where a search's time goes, stage by stage, on one thread: each stage runs the work of the one
 * before it and adds its own, so the differences between their times are the costs of matching the
 * words, counting the matches' facet values and dates, finding the page of best hits, and the rest
 * of the answer (stored fields, snippets, the response). Each stage of each query runs {@code
 * rounds} times in turn with the others and keeps its median, so a collection or a busy neighbour
 * moves one sample, not a stage. Every stage runs on the searcher the search uses, its query cache
 * included, so their differences are not a cache's doing.
 */
public final class QueryProfile {

  /** The stages, each including the ones before it. */
  public enum Stage {
    /** Every match found and counted, nothing scored: the postings walk. */
    MATCH,
    /** Also every match's facet values and date period counted, as the search does. */
    COUNT,
    /** Also the page of best hits found, scoring only the matches that could make it. */
    PAGE,
    /** The whole search as the service runs it: hits, stored fields, snippets, the answer. */
    ANSWER
  }

  /**
   * The profile of a list of queries.
   *
   * @param medianHits the median number of matches of a query
   * @param totalMs the sum over the queries of each stage's median time, by {@link Stage} ordinal
   */
  public record Result(long medianHits, double[] totalMs) {

    /** The time {@code stage} adds to the stage before it, summed over the queries. */
    public double addedMs(Stage stage) {
      double before = stage.ordinal() == 0 ? 0 : totalMs[stage.ordinal() - 1];
      return totalMs[stage.ordinal()] - before;
    }
  }

  private static final int TOP = 10;

  private final SearchService service;
  private final LiveSearchers searchers;

  public QueryProfile(SearchService service, LiveSearchers searchers) {
    this.service = service;
    this.searchers = searchers;
  }

  /**
   * Profiles {@code requests}, each stage run {@code rounds} times per query. A stage that adds
   * less than the noise can come out slightly negative.
   */
  public Result run(List<SearchRequest> requests, int rounds)
      throws IOException, InvalidRequestException {
    Stage[] stages = Stage.values();
    double[] total = new double[stages.length];
    long[] hits = new long[requests.size()];
    for (int q = 0; q < requests.size(); q++) {
      SearchRequest request = requests.get(q);
      long[][] samples = new long[stages.length][rounds];
      for (int round = 0; round < rounds; round++) {
        // Each round starts at another stage: the first to run a query pays for reading its
        // postings into the caches.
        for (int k = 0; k < stages.length; k++) {
          Stage stage = stages[(round + k) % stages.length];
          long started = System.nanoTime();
          long matched = run(stage, request);
          samples[stage.ordinal()][round] = System.nanoTime() - started;
          if (stage == Stage.MATCH) {
            hits[q] = matched;
          }
        }
      }
      for (Stage stage : stages) {
        long[] s = samples[stage.ordinal()];
        Arrays.sort(s);
        total[stage.ordinal()] += s[s.length / 2] / 1e6;
      }
    }
    Arrays.sort(hits);
    return new Result(hits.length == 0 ? 0 : hits[hits.length / 2], total);
  }

  /** Runs {@code stage} of {@code request}; returns the number of matches where it counts them. */
  private long run(Stage stage, SearchRequest request) throws IOException, InvalidRequestException {
    if (stage == Stage.ANSWER) {
      return service.search(request).total();
    }
    Query query;
    try {
      query = service.parser().luceneQuery(request);
    } catch (QueryCost e) {
      throw new InvalidRequestException(e.getMessage());
    }
    PassageSearcher searcher = searchers.acquire();
    try {
      return switch (stage) {
        case MATCH -> searcher.search(query, new MatchCounter());
        case COUNT -> count(searcher, query, request);
        case PAGE -> {
          long hits = count(searcher, query, request);
          searcher.search(query, TOP);
          yield hits;
        }
        case ANSWER -> throw new AssertionError(stage);
      };
    } finally {
      searchers.release(searcher);
    }
  }

  /** Counts the matches of {@code query} as the search does, facet values and dates. */
  private static long count(PassageSearcher searcher, Query query, SearchRequest request)
      throws IOException {
    List<TouchedFacetCounts> counted = new ArrayList<>(1);
    try {
      MatchCounting.Counter counter =
          searcher.search(query, new MatchCounting(searcher, request.timeline(), counted));
      FacetCounter.counts(counter.facets(), request);
      return counter.hits();
    } finally {
      counted.forEach(TouchedFacetCounts::release);
    }
  }

  /**
   * Counts the matches one by one, scoring none. Not Lucene's hit counter, which answers a single
   * word from its document frequency without walking a posting.
   */
  private static final class MatchCounter implements CollectorManager<MatchCounter.Counter, Long> {

    static final class Counter extends SimpleCollector {
      long count;

      @Override
      public void collect(int doc) {
        count++;
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }

    @Override
    public Counter newCollector() {
      return new Counter();
    }

    @Override
    public Long reduce(Collection<Counter> collectors) {
      return collectors.stream().mapToLong(c -> c.count).sum();
    }
  }
}
