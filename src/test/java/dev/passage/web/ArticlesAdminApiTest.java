package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A publishing system keeps Passage in step through the admin API: it puts and deletes articles,
 * the folder gets the article's file first, and each answer comes once searches see the change.
 */
class ArticlesAdminApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "correct-horse-battery-staple";

  @TempDir Path dir;

  private Path articles() {
    return dir.resolve("articles");
  }

  private TestServer serve() throws Exception {
    Fixtures.write(
        articles(), "one.txt", Fixtures.article("One", "2014-03", "CICA chairmanship.\n"));
    Fixtures.write(
        articles(),
        "wire.jsonl",
        "{\"id\": \"w1\", \"title\": \"Wheat\", \"text\": \"Wheat prices rose.\"}\n"
            + "{\"id\": \"w2\", \"title\": \"Wool\", \"text\": \"Wool prices fell.\"}\n");
    return serve(articles());
  }

  /** A server of {@code source}, a folder or a file, with the admin API on. */
  private TestServer serve(Path source) throws Exception {
    return TestServer.live(
        source,
        dir.resolve("index"),
        new PassageServer.Options(List.of(), Optional.of(AdminAccess.of(TOKEN, false))));
  }

  private static HttpResponse<String> send(
      TestServer server, String method, String path, String type, String body) throws Exception {
    // Asking before sending, as clients of large bodies do: a body over the limit is refused
    // before it is sent, rather than cut off mid-way.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.base() + path))
            .expectContinue(body != null && body.length() > AdminHandlers.MAX_ARTICLE_BYTES)
            .header("Authorization", "Bearer " + TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long total(TestServer server, String query) throws Exception {
    return JSON.readTree(server.get("/api/search?" + query).body()).get("total").asLong();
  }

  @Test
  void aPutArticleIsWrittenToTheFolderAndSearchableWhenTheAnswerComes() throws Exception {
    try (TestServer server = serve()) {
      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/zebra-1",
              "application/json",
              "{\"title\": \"Fins\", \"date\": \"2020-05\", \"text\": \"Zebrafish regrow fins.\"}");

      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      JsonNode answer = JSON.readTree(put.body());
      assertThat(answer.get("result").asString()).isEqualTo("added");
      assertThat(answer.get("searchableAt").asString()).isNotEmpty();
      assertThat(total(server, "q=zebrafish")).isEqualTo(1);
      assertThat(Files.readString(articles().resolve("zebra-1.jsonl")))
          .isEqualTo(
              "{\"id\":\"zebra-1\",\"title\":\"Fins\",\"date\":\"2020-05\",\"text\":\"Zebrafish"
                  + " regrow fins.\"}\n");
      try (var files = Files.list(articles())) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("one.txt", "wire.jsonl", "zebra-1.jsonl");
      }

      HttpResponse<String> again =
          send(
              server,
              "PUT",
              "/api/admin/articles/zebra-1",
              "text/plain",
              Fixtures.article("Fins", "2020-05", "Zebrafish regrow fins and hearts.\n"));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(JSON.readTree(again.body()).get("result").asString()).isEqualTo("replaced");
      assertThat(total(server, "q=hearts")).isEqualTo(1);
      assertThat(total(server, "q=zebrafish")).isEqualTo(1);
      // The article keeps its file: the front matter sent is written as its JSON line.
      assertThat(Files.readString(articles().resolve("zebra-1.jsonl")))
          .contains("Zebrafish regrow fins and hearts.");
    }
  }

  @Test
  void aLineOfAJsonlFileIsReplacedInPlaceAndTheOtherLinesKeepTheirBytes() throws Exception {
    try (TestServer server = serve()) {
      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/w2",
              "application/json",
              "{\"id\": \"w2\", \"title\": \"Wool\", \"text\": \"Wool prices soared.\"}");

      assertThat(JSON.readTree(put.body()).get("result").asString()).isEqualTo("replaced");
      assertThat(Files.readString(articles().resolve("wire.jsonl")))
          .isEqualTo(
              "{\"id\": \"w1\", \"title\": \"Wheat\", \"text\": \"Wheat prices rose.\"}\n"
                  + "{\"id\":\"w2\",\"title\":\"Wool\",\"text\":\"Wool prices soared.\"}\n");
      assertThat(total(server, "q=soared")).isEqualTo(1);
      assertThat(total(server, "q=fell")).isZero();
    }
  }

  @Test
  void aDeletedArticleIsGoneFromSearchFacetsTheArticleViewAndTheFolderAtOnce() throws Exception {
    try (TestServer server = serve()) {
      assertThat(total(server, "q=wool")).isEqualTo(1);

      HttpResponse<String> deleted = send(server, "DELETE", "/api/admin/articles/w2", null, null);

      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      assertThat(JSON.readTree(deleted.body()).get("result").asString()).isEqualTo("deleted");
      assertThat(total(server, "q=wool")).isZero();
      assertThat(total(server, "q=*")).isEqualTo(2);
      assertThat(server.get("/api/articles/w2").statusCode()).isEqualTo(404);
      assertThat(server.get("/api/search?q=*").headers().firstValue("Cache-Control"))
          .hasValue("no-cache");
      // The last line goes whole: no line after it keeps its number by it.
      assertThat(Files.readString(articles().resolve("wire.jsonl")))
          .isEqualTo("{\"id\": \"w1\", \"title\": \"Wheat\", \"text\": \"Wheat prices rose.\"}\n");

      assertThat(send(server, "DELETE", "/api/admin/articles/one", null, null).statusCode())
          .isEqualTo(200);
      assertThat(articles().resolve("one.txt")).doesNotExist();
      assertThat(send(server, "DELETE", "/api/admin/articles/one", null, null).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void aLineTakenOutOfTheMiddleIsEmptiedSoTheLinesAfterItKeepTheirNumbers() throws Exception {
    try (TestServer server = serve()) {
      HttpResponse<String> deleted = send(server, "DELETE", "/api/admin/articles/w1", null, null);

      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      assertThat(Files.readString(articles().resolve("wire.jsonl")))
          .isEqualTo("\n{\"id\": \"w2\", \"title\": \"Wool\", \"text\": \"Wool prices fell.\"}\n");
      assertThat(total(server, "q=wheat")).isZero();
      assertThat(total(server, "q=wool")).isEqualTo(1);
    }
  }

  @Test
  void aTakedownEmptiesEveryLineOfItsIdSoNoSkippedDuplicateTakesItsPlace() throws Exception {
    Fixtures.write(
        articles(),
        "wire.jsonl",
        "{\"id\": \"w1\", \"text\": \"Wheat rose.\"}\n"
            + "{\"id\": \"w1\", \"text\": \"Wheat rose again.\"}\n"
            + "{\"id\": \"w2\", \"text\": \"Wool fell.\"}\n");
    try (TestServer server = serve(articles())) {
      HttpResponse<String> deleted = send(server, "DELETE", "/api/admin/articles/w1", null, null);

      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      assertThat(Files.readString(articles().resolve("wire.jsonl")))
          .isEqualTo("\n\n{\"id\": \"w2\", \"text\": \"Wool fell.\"}\n");
      assertThat(total(server, "q=wheat")).isZero();
    }
  }

  @Test
  void aNewArticlePutThenDeletedLeavesItsJsonlFileByteForByteAndItsPermissions() throws Exception {
    // An archive of one .jsonl file: a new article is added to it as its last line.
    Path wire =
        Fixtures.write(
            dir,
            "wire.jsonl",
            "{\"id\": \"w1\", \"title\": \"Wheat\", \"text\": \"Wheat rose.\"}\n");
    Files.setPosixFilePermissions(wire, PosixFilePermissions.fromString("rw-r-----"));
    byte[] before = Files.readAllBytes(wire);
    try (TestServer server = serve(wire)) {

      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/w3",
              "application/json",
              "{\"text\": \"Oats rose.\"}");
      String added = Files.readString(wire);
      HttpResponse<String> deleted = send(server, "DELETE", "/api/admin/articles/w3", null, null);

      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      assertThat(added).endsWith("\n{\"id\":\"w3\",\"text\":\"Oats rose.\"}\n");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      assertThat(Files.readAllBytes(wire)).isEqualTo(before);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wire)))
          .isEqualTo("rw-r-----");
    }
  }

  @Test
  void anArticleInAFolderOfItsOwnIsRewrittenAndTakenDownThere() throws Exception {
    Fixtures.write(
        articles(), "cica-summit/index.md", Fixtures.article("CICA", "2014-05", "CICA met.\n"));
    try (TestServer server = serve(articles())) {
      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/cica-summit",
              "text/markdown",
              "---\ntitle: CICA\n---\nThe CICA summit met in Shanghai.\n");
      String rewritten = Files.readString(articles().resolve("cica-summit/index.md"));
      HttpResponse<String> deleted =
          send(server, "DELETE", "/api/admin/articles/cica-summit", null, null);

      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(rewritten).contains("The CICA summit met in Shanghai.");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      assertThat(articles().resolve("cica-summit/index.md")).doesNotExist();
      assertThat(articles().resolve("cica-summit.txt")).doesNotExist();
    }
  }

  @Test
  void aFrontMatterKeyPassageDoesNotKnowIsDroppedAsAJsonBodysOtherFieldsAre() throws Exception {
    try (TestServer server = serve()) {
      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/harvest",
              "text/markdown",
              "---\ntitle: Harvest\ntags: [wheat]\n---\nThe wheat harvest began.\n");

      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      assertThat(Files.readString(articles().resolve("harvest.txt")))
          .startsWith("---\ntitle: \"Harvest\"\n---\n")
          .contains("The wheat harvest began.")
          .doesNotContain("tags");
    }
  }

  @Test
  void aNewArticlePutThenDeletedLeavesNoFileBehind() throws Exception {
    try (TestServer server = serve()) {
      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/oats",
              "application/json",
              "{\"text\": \"Oats.\"}");
      boolean written = Files.exists(articles().resolve("oats.jsonl"));
      HttpResponse<String> deleted = send(server, "DELETE", "/api/admin/articles/oats", null, null);

      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      assertThat(written).isTrue();
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      try (var files = Files.list(articles())) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("one.txt", "wire.jsonl");
      }
    }
  }

  @Test
  void anArticleInAReadOnlyFileIsNeitherRewrittenNorTakenDownAndTheCallerIsTold() throws Exception {
    try (TestServer server = serve()) {
      Path wire = articles().resolve("wire.jsonl");
      Files.setPosixFilePermissions(wire, PosixFilePermissions.fromString("r--r--r--"));
      byte[] before = Files.readAllBytes(wire);

      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/w2",
              "application/json",
              "{\"text\": \"Wool prices soared.\"}");
      HttpResponse<String> deleted = send(server, "DELETE", "/api/admin/articles/w2", null, null);

      assertThat(put.statusCode()).as(put.body()).isEqualTo(422);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(409);
      JsonNode refused = JSON.readTree(deleted.body());
      assertThat(refused.get("result").asString()).isEqualTo("refused");
      assertThat(refused.get("reason").asString())
          .isEqualTo(
              "wire.jsonl is read-only, and Passage does not change it; make it writable to"
                  + " change its articles");
      assertThat(Files.readAllBytes(wire)).isEqualTo(before);
      assertThat(total(server, "q=fell")).isEqualTo(1);
      assertThat(total(server, "q=soared")).isZero();
    }
  }

  @Test
  void badInputIsA4xxWithAReasonAndChangesNothing() throws Exception {
    try (TestServer server = serve()) {
      String json = "application/json";
      assertThat(error(send(server, "PUT", "/api/admin/articles/x", json, "{not json")))
          .startsWith("400 not valid JSON: ");
      assertThat(error(send(server, "PUT", "/api/admin/articles/x", json, "{\"title\": \"T\"}")))
          .isEqualTo("400 no \"text\"");
      assertThat(error(send(server, "PUT", "/api/admin/articles/..", json, "{\"text\": \"T\"}")))
          .startsWith("400 the article id '..' may hold only letters");
      assertThat(
              error(
                  send(
                      server,
                      "PUT",
                      "/api/admin/articles/x",
                      json,
                      "{\"id\": \"y\", \"text\": \"T\"}")))
          .isEqualTo("400 the body's id 'y' is not the id in the path, 'x'");
      assertThat(error(send(server, "PUT", "/api/admin/articles/x", "image/png", "T")))
          .startsWith("415 send the article as application/json");
      String huge = "{\"text\": \"" + "a".repeat(AdminHandlers.MAX_ARTICLE_BYTES) + "\"}";
      assertThat(error(send(server, "PUT", "/api/admin/articles/x", json, huge)))
          .isEqualTo("413 the body is over the limit of 4,194,304 bytes");
      assertThat(send(server, "PUT", "/api/admin/articles/x", json, "{}").statusCode())
          .isEqualTo(400);
      assertThat(
              error(
                  send(
                      server,
                      "PUT",
                      "/api/admin/articles/x",
                      json,
                      "{\"date\": \"2025-13-01\", \"text\": \"T\"}")))
          .isEqualTo(
              "400 not stored, as a build would have to repair it: '2025-13-01' is not a valid"
                  + " date: month out of range: 13; the article is indexed undated");
      assertThat(
              error(
                  send(
                      server,
                      "PUT",
                      "/api/admin/articles/x",
                      "text/markdown",
                      "---\ntitle The Wheat Harvest\n---\nT\n")))
          .isEqualTo(
              "400 not stored, as a build would have to repair it: front-matter line is not"
                  + " 'key: value'; ignored");
      String overlong = "{\"text\": \"" + "a ".repeat(600_000) + "\"}";
      assertThat(error(send(server, "PUT", "/api/admin/articles/x", json, overlong)))
          .startsWith(
              "400 not stored, as a build would have to repair it: text is 1,200,000 characters,"
                  + " over the 1,000,000 character limit");

      try (var files = Files.list(articles())) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("one.txt", "wire.jsonl");
      }
      assertThat(total(server, "q=*")).isEqualTo(3);
    }
  }

  @Test
  void anArticleWithNoTextLeftAfterFurnitureIsRefusedAndTheVersionItWouldReplaceStays()
      throws Exception {
    try (TestServer server = serve()) {
      byte[] before = Files.readAllBytes(articles().resolve("wire.jsonl"));

      HttpResponse<String> put =
          send(
              server,
              "PUT",
              "/api/admin/articles/w1",
              "application/json",
              "{\"title\": \"Wheat\", \"text\": \"Wheat\"}");

      assertThat(put.statusCode()).as(put.body()).isEqualTo(422);
      JsonNode answer = JSON.readTree(put.body());
      assertThat(answer.get("result").asString()).isEqualTo("refused");
      assertThat(answer.get("reason").asString())
          .isEqualTo("no text left after removing page furniture");
      assertThat(answer.get("searchableAt").isNull()).isTrue();
      assertThat(Files.readAllBytes(articles().resolve("wire.jsonl"))).isEqualTo(before);
      assertThat(total(server, "q=wheat")).isEqualTo(1);
    }
  }

  @Test
  void aBatchIsAnsweredLineByLine() throws Exception {
    try (TestServer server = serve()) {
      HttpResponse<String> batch =
          send(
              server,
              "POST",
              "/api/admin/articles",
              "application/x-ndjson",
              "{\"id\": \"n1\", \"text\": \"Nickel rose.\"}\n"
                  + "not json\n"
                  + "{\"id\": \"w1\", \"title\": \"Wheat\", \"text\": \"Wheat prices fell.\"}\n"
                  + "\n"
                  + "{\"id\": \"w2\", \"title\": \"Wool\", \"text\": \"Wool prices fell.\"}\n");

      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(batch.body());
      assertThat(answer.get("added").asInt()).isEqualTo(1);
      assertThat(answer.get("replaced").asInt()).isEqualTo(1);
      assertThat(answer.get("unchanged").asInt()).isEqualTo(1);
      assertThat(answer.get("refused").asInt()).isEqualTo(1);
      List<String> lines =
          answer
              .get("lines")
              .valueStream()
              .map(l -> l.get("line").asInt() + " " + l.get("result").asString())
              .toList();
      assertThat(lines).containsExactly("1 added", "2 refused", "3 replaced", "5 unchanged");
      assertThat(total(server, "q=nickel")).isEqualTo(1);
      assertThat(total(server, "q=fell")).isEqualTo(2);
    }
  }

  private static String error(HttpResponse<String> response) {
    return response.statusCode() + " " + JSON.readTree(response.body()).get("error").asString();
  }
}
