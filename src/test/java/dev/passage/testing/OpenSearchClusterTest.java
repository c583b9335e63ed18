package dev.passage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two-node OpenSearch cluster the tests share, checked through its REST API. */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchClusterTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  @Test
  void twoNodesFormAGreenClusterAndAnIndexOfTwoShardsAndOneReplicaSpreadsOverBoth(
      OpenSearchCluster cluster) throws Exception {
    List<String> urls = cluster.urls();
    assertThat(urls).hasSize(2).doesNotHaveDuplicates();
    assertThat(cluster.url()).isEqualTo(urls.get(0));
    for (int i = 0; i < urls.size(); i++) {
      assertThat(urls.get(i)).matches("http://127\\.0\\.0\\.1:\\d+");
      JsonNode root = ok("GET", urls.get(i) + "/", null);
      assertThat(root.get("name").asString()).isEqualTo(OpenSearchCluster.NODES.get(i));
      assertThat(root.get("cluster_name").asString()).isEqualTo(cluster.clusterName());
      assertThat(root.get("version").get("number").asString()).isEqualTo("3.6.0");
    }
    JsonNode health = ok("GET", cluster.url() + "/_cluster/health", null);
    assertThat(health.get("status").asString()).isEqualTo("green");
    assertThat(health.get("number_of_nodes").asInt()).isEqualTo(2);
    assertThat(health.get("number_of_data_nodes").asInt()).isEqualTo(2);

    String index = "spread";
    ok("PUT", cluster.url() + "/" + index + "?wait_for_active_shards=all", twoShardsOneReplica());
    try {
      JsonNode indexHealth =
          ok("GET", cluster.url() + "/_cluster/health/" + index + "?wait_for_status=green", null);
      assertThat(indexHealth.get("active_primary_shards").asInt()).isEqualTo(2);
      assertThat(indexHealth.get("active_shards").asInt()).isEqualTo(4);
      assertThat(indexHealth.get("unassigned_shards").asInt()).isZero();

      // Each node holds two of the four copies, and no shard has both its copies on one node.
      Map<String, Integer> copiesPerNode = new TreeMap<>();
      Map<String, List<String>> nodesPerShard = new TreeMap<>();
      for (JsonNode copy :
          ok("GET", cluster.url() + "/_cat/shards/" + index + "?format=json", null)) {
        assertThat(copy.get("state").asString()).isEqualTo("STARTED");
        String node = copy.get("node").asString();
        copiesPerNode.merge(node, 1, Integer::sum);
        nodesPerShard
            .computeIfAbsent(copy.get("shard").asString(), s -> new ArrayList<>())
            .add(copy.get("prirep").asString() + "@" + node);
      }
      assertThat(copiesPerNode).isEqualTo(Map.of("n1", 2, "n2", 2));
      assertThat(nodesPerShard).containsOnlyKeys("0", "1");
      nodesPerShard
          .values()
          .forEach(copies ->
              assertThat(copies)
                  .hasSize(2)
                  .anyMatch(c -> c.startsWith("p@"))
                  .anyMatch(c -> c.startsWith("r@"))
                  .extracting(c -> c.substring(2))
                  .containsExactlyInAnyOrder("n1", "n2"));

      // Written through one node, read through the other.
      ok(
          "PUT",
          urls.get(0) + "/" + index + "/_doc/a1?refresh=true",
          "{\"text\":\"CICA chairmanship\"}");
      JsonNode read = ok("GET", urls.get(1) + "/" + index + "/_doc/a1", null);
      assertThat(read.get("found").asBoolean()).isTrue();
      assertThat(read.get("_source").get("text").asString()).isEqualTo("CICA chairmanship");
      assertThat(ok("GET", urls.get(1) + "/" + index + "/_count", null).get("count").asInt())
          .isEqualTo(1);
    } finally {
      ok("DELETE", cluster.url() + "/" + index, null);
    }
  }

  @Test
  void aNodeKilledBySigkillIsGoneAndComesBackWhenStartedAgain(OpenSearchCluster cluster)
      throws Exception {
    // The survivor must be the cluster manager: of two nodes only the manager votes, and the other
    // alone could not say how the cluster is.
    String manager =
        ok("GET", cluster.url() + "/_cat/cluster_manager?format=json", null)
            .get(0)
            .get("node")
            .asString();
    String victim = manager.equals("n1") ? "n2" : "n1";
    String survivorUrl = cluster.urls().get(OpenSearchCluster.NODES.indexOf(manager));
    String victimUrl = cluster.urls().get(OpenSearchCluster.NODES.indexOf(victim));
    String index = "killed";
    ok("PUT", survivorUrl + "/" + index + "?wait_for_active_shards=all", twoShardsOneReplica());
    try {
      for (int i = 1; i <= 3; i++) {
        ok("PUT", survivorUrl + "/" + index + "/_doc/" + i, "{\"n\":" + i + "}");
      }
      ok("POST", survivorUrl + "/" + index + "/_refresh", null);
      long pid = cluster.pid(victim);
      assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline")))
          .contains("node.name=" + victim);

      cluster.kill(victim);

      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThatThrownBy(() -> send("GET", victimUrl + "/", null))
          .isInstanceOf(ConnectException.class);
      assertThatThrownBy(() -> cluster.pid(victim)).hasMessage(victim + " is not running");
      JsonNode alone =
          ok(
              "GET",
              survivorUrl
                  + "/_cluster/health/"
                  + index
                  + "?wait_for_nodes=1&wait_for_status=yellow&wait_for_no_initializing_shards=true",
              null);
      assertThat(alone.get("number_of_nodes").asInt()).isEqualTo(1);
      assertThat(alone.get("status").asString()).isEqualTo("yellow");
      assertThat(alone.get("active_primary_shards").asInt()).isEqualTo(2);
      assertThat(alone.get("active_shards").asInt()).isEqualTo(2);
      assertThat(alone.get("unassigned_shards").asInt()).isEqualTo(2);
      assertThat(ok("GET", survivorUrl + "/" + index + "/_count", null).get("count").asInt())
          .isEqualTo(3);

      cluster.start(victim);

      assertThat(cluster.pid(victim)).isNotEqualTo(pid);
      assertThat(cluster.urls().get(OpenSearchCluster.NODES.indexOf(victim))).isEqualTo(victimUrl);
      JsonNode together =
          ok("GET", victimUrl + "/_cluster/health/" + index + "?wait_for_status=green", null);
      assertThat(together.get("number_of_nodes").asInt()).isEqualTo(2);
      assertThat(together.get("active_shards").asInt()).isEqualTo(4);
      List<String> names = new ArrayList<>();
      ok("GET", victimUrl + "/_cat/nodes?format=json&h=name", null)
          .forEach(node -> names.add(node.get("name").asString()));
      assertThat(names).containsExactlyInAnyOrder("n1", "n2");
      assertThat(ok("GET", victimUrl + "/" + index + "/_count", null).get("count").asInt())
          .isEqualTo(3);
    } finally {
      ok("DELETE", survivorUrl + "/" + index, null);
    }
  }

  @Test
  void withoutTheDistributionOrItsUserTheClusterFailsSayingWhatToRun() throws IOException {
    assertThatThrownBy(() -> OpenSearchCluster.requireInstalled(dir.resolve("none.zip"), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("none.zip").toString())
        .hasMessageContaining("run scripts/install-opensearch --tests (./passage test does)");
    Path zip = Files.createFile(dir.resolve("opensearch.zip"));
    assertThatThrownBy(() -> OpenSearchCluster.requireInstalled(zip, "no-such-user-of-passage"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'no-such-user-of-passage'")
        .hasMessageContaining("run scripts/install-opensearch --tests (./passage test does)");
  }

  private static String twoShardsOneReplica() {
    return "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":1}}";
  }

  private static HttpResponse<String> send(String method, String url, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The answer's JSON, after checking it is a 200 or 201. */
  private static JsonNode ok(String method, String url, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = send(method, url, body);
    assertThat(answer.statusCode())
        .as("%s %s answered %s", method, url, answer.body())
        .isIn(200, 201);
    return JSON.readTree(answer.body());
  }
}
