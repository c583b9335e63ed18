package dev.passage.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Changes a running server's archive at a steady rate and measures how soon each change is
 * searchable: by {@code PUT /api/admin/articles/{id}} (searchable when answered, and checked by a
 * search), or by writing a file into a watched folder (searchable when a search first finds it).
 * Each change carries a word no other article has, so a search for it tells whether it is there.
 */
public final class LiveUpdates {

  /**
   * What a run saw.
   *
   * @param changes changes made
   * @param medianMs the median time from a change to its being searchable
   * @param p99Ms the 99th percentile of that time
   * @param maxMs the longest
   * @param failed answers that were not 2xx, or changes a search did not find when answered
   * @param serverErrors answers of 500 or more
   */
  public record Result(
      int changes, double medianMs, double p99Ms, double maxMs, int failed, int serverErrors) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String server;
  private final String token;

  public LiveUpdates(String server, String token) {
    this.server = server;
    this.token = token;
  }

  /**
   * A word unique to change {@code n} of run {@code run}. It ends in a digit, so the English
   * stemmer leaves it whole: a word ending in "s" would be searched as the one without it.
   */
  static String marker(String run, int n) {
    return "zq" + run + n;
  }

  /**
   * {@code count} PUTs of new articles, {@code perSecond} a second, each answered then searched.
   */
  public Result puts(String run, int count, double perSecond) throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger serverErrors = new AtomicInteger();
    paced(
        count,
        perSecond,
        n -> {
          String word = marker(run, n);
          long start = System.nanoTime();
          HttpResponse<String> put = put("bench-" + run + "-" + n, article(word));
          millis.add((System.nanoTime() - start) / 1e6);
          if (put.statusCode() >= 500) {
            serverErrors.incrementAndGet();
          }
          if (put.statusCode() / 100 != 2 || total(word) != 1) {
            failed.incrementAndGet();
          }
        });
    return result(millis, failed.get(), serverErrors.get());
  }

  /**
   * {@code count} new files written into {@code folder}, {@code perSecond} a second, each timed
   * from its rename into place until a search finds it.
   */
  public Result files(String run, Path folder, int count, double perSecond) throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    paced(
        count,
        perSecond,
        n -> {
          String word = marker(run, n);
          Path temporary = folder.resolve(".bench-" + run + "-" + n + ".tmp");
          Files.writeString(
              temporary,
              "---\ntitle: Bench " + word + "\n---\n" + article(word).replace("\"", ""),
              StandardCharsets.UTF_8);
          long start = System.nanoTime();
          Files.move(temporary, folder.resolve("bench-" + run + "-" + n + ".txt"));
          long deadline = start + 10_000_000_000L;
          while (total(word) != 1) {
            if (System.nanoTime() > deadline) {
              failed.incrementAndGet();
              return;
            }
            Thread.sleep(5);
          }
          millis.add((System.nanoTime() - start) / 1e6);
        });
    return result(millis, failed.get(), 0);
  }

  /**
   * {@code threads} clients putting and deleting articles among {@code ids} at random for {@code
   * seconds}: a soak for lost updates, checked afterwards against the folder.
   */
  public Result churn(String run, int ids, int threads, double seconds) throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger serverErrors = new AtomicInteger();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Random random = new Random(t);
      clients.add(
          pool.submit(() -> {
            int n = 0;
            while (System.nanoTime() < end) {
              String id = "churn-" + run + "-" + random.nextInt(ids);
              long start = System.nanoTime();
              HttpResponse<String> r =
                  random.nextInt(3) == 0
                      ? send(HttpRequest.newBuilder(uri("/api/admin/articles/" + id)).DELETE())
                      : put(id, article(marker(run, n++) + " " + random.nextInt(1000)));
              millis.add((System.nanoTime() - start) / 1e6);
              if (r.statusCode() >= 500) {
                serverErrors.incrementAndGet();
              }
              // A DELETE of an id not there yet is a 404, and as it should be.
              if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
                failed.incrementAndGet();
              }
            }
            return null;
          }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    pool.shutdown();
    return result(millis, failed.get(), serverErrors.get());
  }

  private static String article(String word) {
    return "The committee discussed " + word + " and the grain exports of the season.";
  }

  private HttpResponse<String> put(String id, String text)
      throws IOException, InterruptedException {
    String body = "{\"id\": \"" + id + "\", \"title\": \"Bench\", \"text\": \"" + text + "\"}";
    return send(
        HttpRequest.newBuilder(uri("/api/admin/articles/" + id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private int total(String word) throws IOException, InterruptedException {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(
                        uri(
                            "/api/search?size=1&q="
                                + URLEncoder.encode(word, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    int at = body.indexOf("\"total\":");
    int end = at + 8;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      end++;
    }
    return at < 0 ? -1 : Integer.parseInt(body.substring(at + 8, end));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(server + path);
  }

  /** One change. */
  @FunctionalInterface
  private interface Change {
    void make(int n) throws Exception;
  }

  /** Starts change n at n / perSecond seconds, each on its own thread, and waits for all. */
  private static void paced(int count, double perSecond, Change change) throws Exception {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> all = new ArrayList<>();
      long start = System.nanoTime();
      for (int n = 0; n < count; n++) {
        long due = start + (long) (n / perSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        int i = n;
        all.add(
            pool.submit(() -> {
              change.make(i);
              return null;
            }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    }
  }

  private static Result result(List<Double> millis, int failed, int serverErrors) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new Result(0, 0, 0, 0, failed, serverErrors);
    }
    return new Result(
        sorted.size(),
        percentile(sorted, 0.5),
        percentile(sorted, 0.99),
        sorted.getLast(),
        failed,
        serverErrors);
  }

  static double percentile(List<Double> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.clamp(i, 0, sorted.size() - 1));
  }
}
