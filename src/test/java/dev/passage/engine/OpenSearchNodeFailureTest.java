package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.index.LiveIndex;
import dev.passage.index.LiveIndex.ArticleChange;
import dev.passage.ingest.ArticleDraft;
import dev.passage.testing.ClusterIndex;
import dev.passage.testing.OpenSearchCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node of the cluster killed with SIGKILL while Passage searches and publishes articles: the
 * replica on the other node answers, after at most a few seconds in which the cluster notices, and
 * every article whose put was answered is still there.
 */
class OpenSearchNodeFailureTest {

  /** How long searches may fail after the kill while the cluster notices the node is gone. */
  static final long NOTICE_MILLIS = 10_000;

  /** How long searches and puts go on after the kill. */
  static final long AFTER_KILL_MILLIS = 15_000;

  record Outcome(long atMillis, boolean answered) {}

  @Test
  void searchesKeepAnsweringFromTheReplicaAndNoAcknowledgedArticleIsLostWhenANodeIsKilled(
      @TempDir Path dir) throws Exception {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    ClusterIndex fault = ClusterIndex.build("fault", LiveArchiveContract.seedCopy(dir));
    SearchEngine engine = fault.engine();
    LiveIndex live = fault.live();
    String victim = notTheClusterManager(cluster);
    List<Outcome> searches = Collections.synchronizedList(new ArrayList<>());
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    long start = System.currentTimeMillis();
    Thread searcher =
        Thread.ofPlatform()
            .start(() -> {
              while (running.get()) {
                boolean answered;
                try {
                  answered = engine.search(engine.query("china")).total() > 0;
                } catch (IOException | InvalidRequestException e) {
                  answered = false;
                }
                searches.add(new Outcome(System.currentTimeMillis() - start, answered));
              }
            });
    Thread publisher =
        Thread.ofPlatform()
            .start(() -> {
              for (int n = 0; running.get(); n++) {
                String id = "fault-" + n;
                String body =
                    "{\"title\":\"Fault " + n + "\",\"text\":\"Paragraph of article " + n + ".\"}";
                try {
                  ArticleChange change =
                      live.put(
                              ArticleDraft.parse(id, ArticleDraft.Format.JSON, body),
                              ArticleDraft.Format.JSON)
                          .get(30, TimeUnit.SECONDS);
                  if ("added".equals(change.result())) {
                    acknowledged.add(id);
                  }
                } catch (Exception e) {
                  // Not acknowledged: the publishing system would send it again.
                }
              }
            });
    try {
      Thread.sleep(3_000);
      long killedAt = System.currentTimeMillis() - start;
      cluster.kill(victim);
      Thread.sleep(AFTER_KILL_MILLIS);
      running.set(false);
      searcher.join();
      publisher.join();

      List<Outcome> after = searches.stream().filter(o -> o.atMillis() > killedAt).toList();
      List<Outcome> late =
          after.stream().filter(o -> o.atMillis() > killedAt + NOTICE_MILLIS).toList();
      List<Outcome> failed = after.stream().filter(o -> !o.answered()).toList();
      // The figures docs/scale-out.md quotes.
      System.err.printf(
          "Node %s killed: %d searches after it, %d failed (the last %d ms after the kill);"
              + " %d articles acknowledged, all kept.%n",
          victim,
          after.size(),
          failed.size(),
          failed.isEmpty() ? 0 : failed.getLast().atMillis() - killedAt,
          acknowledged.size());
      assertThat(searches.stream().filter(o -> o.atMillis() < killedAt))
          .allMatch(Outcome::answered);
      assertThat(late).isNotEmpty().allMatch(Outcome::answered);
      assertThat(acknowledged).hasSizeGreaterThan(3);
      for (String id : acknowledged) {
        assertThat(engine.hasArticle(id)).as(id + " was acknowledged").isTrue();
      }
    } finally {
      running.set(false);
      live.close();
      fault.close();
      // The other tests share the cluster: the victim comes back, and the cluster is green.
      OpenSearchCluster.shared();
    }
  }

  @Test
  void anIndexWithNoCopyLeftOfAShardIsRedAndAnswersAsUnavailableNamingTheCluster(@TempDir Path dir)
      throws Exception {
    OpenSearchCluster cluster = OpenSearchCluster.shared();
    ClusterIndex red = ClusterIndex.build("red", LiveArchiveContract.seedCopy(dir));
    try {
      SearchEngine engine = red.engine();
      String victim = notTheClusterManager(cluster);
      // Both shards on the victim alone, with no replica: its loss leaves them no copy.
      send(
          cluster,
          "PUT",
          "/red/_settings",
          "{\"index\":{\"number_of_replicas\":0,\"routing.allocation.require._name\":\""
              + victim
              + "\"}}");
      send(
          cluster,
          "GET",
          "/_cluster/health/red?wait_for_status=green&wait_for_no_relocating_shards=true"
              + "&timeout=60s",
          null);

      cluster.kill(victim);

      assertThatThrownBy(engine::health)
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining(cluster.urls().getFirst())
          .hasMessageContaining("red");
      assertThatThrownBy(() -> engine.search(engine.query("china")))
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining(cluster.urls().getFirst());
    } finally {
      red.close();
      OpenSearchCluster.shared();
      send(cluster, "DELETE", "/red-*", null);
    }
  }

  private static String send(OpenSearchCluster cluster, String method, String path, String body)
      throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(cluster.url() + path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
      return r.body();
    }
  }

  /** A node whose loss leaves the cluster a manager: the one that is not the manager. */
  private static String notTheClusterManager(OpenSearchCluster cluster) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String manager =
          http.send(
                  HttpRequest.newBuilder(URI.create(cluster.url() + "/_cat/cluster_manager?h=node"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body()
              .strip();
      return OpenSearchCluster.NODES.stream()
          .filter(n -> !n.equals(manager))
          .findFirst()
          .orElseThrow();
    }
  }
}
