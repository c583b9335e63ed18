package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API is off unless a token is set, and then answers only to that token. */
class AdminApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN = "correct-horse-battery-staple";

  @TempDir Path dir;

  private TestServer serve(PassageServer.Options options) throws Exception {
    Path articles = dir.resolve("articles");
    Path index = dir.resolve("index");
    Fixtures.write(articles, "one.txt", Fixtures.article("One", "2014-03", "CICA chairmanship.\n"));
    return TestServer.live(articles, index, options);
  }

  private static PassageServer.Options withToken() {
    return new PassageServer.Options(List.of(), Optional.of(AdminAccess.of(TOKEN, false)));
  }

  private static String error(HttpResponse<String> response) {
    return JSON.readTree(response.body()).get("error").asString();
  }

  @Test
  void withoutATokenTheAdminApiDoesNotExist() throws Exception {
    try (TestServer server = serve(PassageServer.Options.defaults())) {
      HttpResponse<String> r =
          server.post("/api/admin/reindex", "Authorization", "Bearer " + TOKEN);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(error(r)).startsWith("no such page: POST /api/admin/reindex");
    }
  }

  @Test
  void aMissingOrWrongTokenIsRefusedAndTheRightOneReindexes() throws Exception {
    try (TestServer server = serve(withToken())) {
      HttpResponse<String> none = server.post("/api/admin/reindex");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"passage-admin\"");
      assertThat(error(none))
          .isEqualTo(
              "admin requests need the header 'Authorization: Bearer TOKEN' with the server's"
                  + " admin token");
      HttpResponse<String> wrong =
          server.post("/api/admin/reindex", "Authorization", "Bearer " + TOKEN + "x");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(server.get("/api/admin/reindex").statusCode()).isEqualTo(401);

      Files.writeString(
          dir.resolve("articles/two.txt"), Fixtures.article("Two", "2015-01", "Pipelines.\n"));
      HttpResponse<String> started =
          server.post("/api/admin/reindex", "Authorization", "Bearer " + TOKEN);
      assertThat(started.statusCode()).isEqualTo(202);
      assertThat(JSON.readTree(started.body()).get("state").asString()).isEqualTo("running");

      JsonNode status = awaitDone(server, TOKEN);
      assertThat(status.get("state").asString()).isEqualTo("done");
      assertThat(status.get("mode").asString()).isEqualTo("update");
      assertThat(status.get("articles").asInt()).isEqualTo(2);
      assertThat(status.get("changes").toString())
          .isEqualTo("{\"added\":1,\"changed\":0,\"removed\":0,\"unchanged\":1}");
      assertThat(status.get("message").asString())
          .isEqualTo("the changes are served: 1 added, 0 changed, 0 removed, 1 unchanged");
      assertThat(JSON.readTree(server.get("/api/search?q=pipelines").body()).get("total").asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void shortTokensAreRefusedAndOnlyThisMachineIsLoopback() {
    assertThatThrownBy(() -> AdminAccess.of("secret", false))
        .hasMessage(
            "the admin token must be at least 16 characters long; make one with: openssl rand"
                + " -hex 24");
    assertThat(AdminAccess.isLoopback("127.0.0.1")).isTrue();
    assertThat(AdminAccess.isLoopback("::1")).isTrue();
    assertThat(AdminAccess.isLoopback("[0:0:0:0:0:0:0:1]")).isTrue();
    assertThat(AdminAccess.isLoopback("10.0.0.7")).isFalse();
    assertThat(AdminAccess.isLoopback("2001:db8::1")).isFalse();
    assertThat(AdminAccess.isLoopback("localhost")).isFalse();
    assertThat(AdminAccess.isLoopback(null)).isFalse();
  }

  @Test
  void theTokenMustMatchExactly() {
    AdminAccess access = AdminAccess.of(TOKEN, false);
    assertThat(access.allows("Bearer " + TOKEN)).isTrue();
    assertThat(access.allows("Bearer  " + TOKEN + " ")).isTrue();
    assertThat(access.allows("Bearer " + TOKEN.substring(1))).isFalse();
    assertThat(access.allows("Basic " + TOKEN)).isFalse();
    assertThat(access.allows(TOKEN)).isFalse();
    assertThat(access.allows(null)).isFalse();
  }

  /** The reindex status once it is no longer running. */
  static JsonNode awaitDone(TestServer server, String token) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonNode status;
    do {
      Thread.sleep(20);
      status =
          JSON.readTree(
              server.get("/api/admin/reindex", "Authorization", "Bearer " + token).body());
    } while (status.get("state").asString().equals("running") && System.nanoTime() < deadline);
    return status;
  }
}
