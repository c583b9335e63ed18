package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lists of values a search box offers, over HTTP on the seed articles: {@code GET /api/suggest}
 * and {@code GET /api/facets/{dimension}}.
 */
class ValueListsApiTest {

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void serveTheSeeds() throws Exception {
    server =
        TestServer.build(
            Fixtures.SEED_ARTICLES, dir.resolve("index"), PassageServer.Options.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aMisspelledNameIsCompletedWithItsKindAndTheValueItFilters() throws Exception {
    HttpResponse<String> response = server.get("/api/suggest?q=nazarbaev&size=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"query\":\"nazarbaev\",\"suggestions\":[{\"text\":\"Nursultan Nazarbayev\","
                + "\"kind\":\"person\",\"value\":\"Nursultan Nazarbayev\"}]}");
  }

  @Test
  void badParametersGetA400ThatSaysWhatToFix() throws Exception {
    HttpResponse<String> response = server.get("/api/suggest?q=x&size=lots");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"size must be a whole number from 1 to 20, not 'lots'\"}");
  }

  @Test
  void aDimensionsValuesNarrowedByAPrefixComeWithTheirCounts() throws Exception {
    HttpResponse<String> response = server.get("/api/facets/person?prefix=naz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"dimension\":\"person\",\"prefix\":\"naz\",\"matching\":1,\"values\":"
                + "[{\"value\":\"Nursultan Nazarbayev\",\"count\":6,\"selected\":false}]}");
  }

  @Test
  void anUnknownDimensionIsA400ThatNamesTheDimensions() throws Exception {
    HttpResponse<String> response = server.get("/api/facets/people");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"there is no dimension 'people'; the dimensions are year, person,"
                + " organisation and topic\"}");
  }
}
