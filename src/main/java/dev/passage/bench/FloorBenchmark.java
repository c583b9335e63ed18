package dev.passage.bench;

import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.SearchRequest;
import dev.passage.query.SearchParameters;
import dev.passage.search.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of the HTTP benchmark: the same requests (query, page 1 of 10 hits with snippets, all
 * four facet dimensions) run in process on {@code threads} threads, with no HTTP and no JSON, so
 * the service's own overhead is what the two numbers differ by.
 */
public final class FloorBenchmark {

  /**
   * The measured part of a run.
   *
   * @param queries searches completed
   * @param seconds how long they took
   * @param p50Ms median latency
   * @param p99Ms 99th percentile latency
   */
  public record Result(long queries, double seconds, double p50Ms, double p99Ms) {

    public double perSecond() {
      return queries / seconds;
    }
  }

  private final SearchService service;
  private final List<SearchRequest> requests;

  /** Parses each query as the HTTP API would parse {@code /api/search?q=…&size=10}. */
  public FloorBenchmark(SearchService service, List<String> queries)
      throws InvalidRequestException {
    this.service = service;
    this.requests = requests(service.parser(), queries);
  }

  /**
   * Each query as the HTTP API would parse {@code /api/search?q=…&size=10}.
   *
   * @throws InvalidRequestException when a query is invalid, or there is none
   */
  public static List<SearchRequest> requests(SearchParameters parameters, List<String> queries)
      throws InvalidRequestException {
    List<SearchRequest> parsed = new ArrayList<>();
    for (String q : queries) {
      parsed.add(parameters.parse(Map.of("q", List.of(q), "size", List.of("10"))));
    }
    if (parsed.isEmpty()) {
      throw new InvalidRequestException("the benchmark needs at least one query");
    }
    return List.copyOf(parsed);
  }

  /** Runs {@code warmupSeconds} unmeasured, then {@code seconds} measured, on {@code threads}. */
  public Result run(int threads, double warmupSeconds, double seconds) throws Exception {
    loop(threads, warmupSeconds);
    long started = System.nanoTime();
    List<long[]> latencies = loop(threads, seconds);
    double elapsed = (System.nanoTime() - started) / 1e9;
    long total = latencies.stream().mapToLong(l -> l.length).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] l : latencies) {
      System.arraycopy(l, 0, all, at, l.length);
      at += l.length;
    }
    Arrays.sort(all);
    return new Result(total, elapsed, percentile(all, 0.50), percentile(all, 0.99));
  }

  private List<long[]> loop(int threads, double seconds) throws Exception {
    long until = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * requests.size() / threads;
        futures.add(pool.submit(() -> searchUntil(until, offset)));
      }
      List<long[]> out = new ArrayList<>();
      for (Future<long[]> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] searchUntil(long until, int offset) {
    long[] latencies = new long[1 << 16];
    int n = 0;
    for (int i = offset; System.nanoTime() < until; i++) {
      long start = System.nanoTime();
      try {
        service.search(requests.get(i % requests.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InvalidRequestException e) {
        // The queries come from titles and were parsed already; none is a costly pattern.
        throw new IllegalStateException(e.getMessage(), e);
      }
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = System.nanoTime() - start;
    }
    return Arrays.copyOf(latencies, n);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
