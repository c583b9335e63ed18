package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Searches keep answering during a reindex, each from the whole old or the whole new index. */
class ReindexWhileServingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN = "reindex-under-load-token";

  @TempDir Path dir;

  @Test
  void searchesDuringAReindexNeverFailAndSeeOneWholeIndex() throws Exception {
    Path articles = dir.resolve("articles");
    Path index = dir.resolve("index");
    try (var seeds = Files.list(Fixtures.SEED_ARTICLES)) {
      for (Path seed : seeds.toList()) {
        Files.createDirectories(articles);
        Files.copy(seed, articles.resolve(seed.getFileName()));
      }
    }
    var options = new PassageServer.Options(List.of(), Optional.of(AdminAccess.of(TOKEN, false)));
    try (TestServer server = TestServer.live(articles, index, options)) {
      long before = total(server.get("/api/search?q=*&size=1"));
      Fixtures.write(
          articles,
          "new.txt",
          Fixtures.article(
              "A new article", "2025-05", "First paragraph.\n\nSecond paragraph.\n\nThird.\n"));

      AtomicBoolean running = new AtomicBoolean(true);
      ConcurrentHashMap<Long, AtomicLong> totalsSeen = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicLong requests = new AtomicLong();
      ExecutorService load = Executors.newFixedThreadPool(4);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        String path = c % 2 == 0 ? "/api/search?q=*&size=1" : "/api/search?q=china&year=2013";
        clients.add(
            load.submit(() -> {
              while (running.get()) {
                try {
                  HttpResponse<String> r = server.get(path);
                  requests.incrementAndGet();
                  if (r.statusCode() != 200) {
                    failures.add(path + " -> " + r.statusCode() + " " + r.body());
                  } else if (path.contains("q=*")) {
                    totalsSeen.computeIfAbsent(total(r), t -> new AtomicLong()).incrementAndGet();
                  }
                } catch (Exception e) {
                  failures.add(path + " -> " + e);
                }
              }
              return null;
            }));
      }
      Thread.sleep(300);
      assertThat(
              server
                  .post("/api/admin/reindex?full=true", "Authorization", "Bearer " + TOKEN)
                  .statusCode())
          .isEqualTo(202);
      JsonNode status = AdminApiTest.awaitDone(server, TOKEN);
      Thread.sleep(300);
      running.set(false);
      for (Future<?> client : clients) {
        client.get();
      }
      load.shutdown();

      assertThat(status.get("state").asString()).isEqualTo("done");
      long after = before + 3;
      assertThat(status.get("paragraphs").asLong()).isEqualTo(after);
      assertThat(failures).isEmpty();
      assertThat(totalsSeen.keySet()).containsExactlyInAnyOrder(before, after);
      assertThat(total(server.get("/api/search?q=*&size=1"))).isEqualTo(after);
      assertThat(requests.get()).isGreaterThan(100);
    }
  }

  private static long total(HttpResponse<String> response) {
    return JSON.readTree(response.body()).get("total").asLong();
  }
}
