package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.SearchEngine;
import dev.passage.testing.ClusterIndex;
import dev.passage.testing.Fixtures;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server whose cluster cannot be reached answers 503 with a JSON error that names the cluster,
 * never a stack trace; a bad request is still a 400, found before the cluster is asked.
 */
class UnavailableEngineTest {

  @Test
  void searchesAndHealthAnswer503NamingTheClusterAndBadRequestsStill400() throws Exception {
    ClusterIndex nowhere =
        ClusterIndex.on(List.of("http://127.0.0.1:9"), "passage", Fixtures.SEED_ARTICLES);
    SearchEngine engine = nowhere.engine();
    Javalin app = PassageServer.create(engine, PassageServer.Options.defaults());
    app.start("localhost", 0);
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String path : List.of("/api/search?q=CICA", "/api/health", "/api/articles/x")) {
        HttpResponse<String> r = get(http, app, path);
        assertThat(r.statusCode()).as(path).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("5");
        JsonNode error = JsonMapper.builder().build().readTree(r.body());
        assertThat(error.get("error").asString())
            .as(path)
            .startsWith(
                "the OpenSearch cluster at http://127.0.0.1:9 (index passage) cannot answer");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
      }
      HttpResponse<String> bad = get(http, app, "/api/search?q=%22CICA");
      assertThat(bad.statusCode()).isEqualTo(400);
    } finally {
      app.stop();
      nowhere.close();
    }
  }

  private static HttpResponse<String> get(HttpClient http, Javalin app, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
