package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** From the bundled articles folder to HTTP answers: the seeds, end to end. */
class ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    return server.get(pathAndQuery, headers);
  }

  private static JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.get(field).asString()));
    return out;
  }

  @Test
  void datesFilterTheSearchAndTheTimelineCountsItsHitsByPeriod() throws Exception {
    JsonNode r = json("/api/search?q=CICA&from=2014&to=2014-12&timeline=month");
    assertThat(r.get("from").asString()).isEqualTo("2014");
    assertThat(r.get("to").asString()).isEqualTo("2014-12");
    assertThat(r.get("timeline").toString())
        .isEqualTo("[{\"period\":\"2014-03\",\"count\":" + r.get("total").asInt() + "}]");
    assertThat(json("/api/search?q=CICA").get("from").isNull()).isTrue();
  }

  @Test
  void aDateThatIsNoDateIsA400WithAJsonError() throws Exception {
    HttpResponse<String> bad = get("/api/search?from=" + q("2013/08"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asString())
        .isEqualTo(
            "from must be a date written YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-08, not"
                + " '2013/08'");
  }

  @Test
  void groupedByArticleTheAnswerCountsBothUnitsAndListsEachArticlesBestParagraphs()
      throws Exception {
    JsonNode r = json("/api/search?q=CICA&group=article&size=2");
    assertThat(r.get("total").asInt()).isEqualTo(7);
    assertThat(r.get("totalArticles").asInt()).isEqualTo(4);
    assertThat(r.get("group").asString()).isEqualTo("article");
    assertThat(r.get("hits").size()).isZero();
    assertThat(texts(r.get("groups"), "articleId"))
        .containsExactly("000_c3b115836f1d2521", "001_4c331c42e6f04ea6");
    assertThat(texts(r.get("groups").get(1).get("hits"), "id"))
        .containsExactly(
            "001_4c331c42e6f04ea6#7", "001_4c331c42e6f04ea6#3", "001_4c331c42e6f04ea6#8");
    HttpResponse<String> bad = get("/api/search?q=CICA&group=site");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asString())
        .isEqualTo("group must be paragraph or article, not 'site'");
  }

  @Test
  void formatCsvDownloadsTheSearchsParagraphsWithTheirTags() throws Exception {
    HttpResponse<String> csv = get("/api/search?q=" + q("CICA chairmanship") + "&format=csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"passage-search.csv\"");
    List<String> rows = csv.body().lines().toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .isEqualTo(
            "id,articleId,title,date,paragraph,section,score,snippet,year,person,organisation,topic");
    assertThat(rows.get(1))
        .startsWith("001_4c331c42e6f04ea6#8,001_4c331c42e6f04ea6,Kazakhstan Foreign Minister")
        .contains(
            ",\"During the summit, scheduled for May 20-21, China will take over the chairmanship"
                + " of CICA from Turkey.\",2014,,Conference on Interaction and Confidence Building"
                + " Measures in Asia,diplomacy|multilateral");
  }

  @Test
  void formatJsonlDownloadsEveryHitUpToTheDeepestASearchReaches() throws Exception {
    HttpResponse<String> jsonl = get("/api/search?format=jsonl");

    assertThat(jsonl.statusCode()).isEqualTo(200);
    assertThat(jsonl.headers().firstValue("Content-Type"))
        .hasValue("application/x-ndjson; charset=utf-8");
    List<String> lines = jsonl.body().lines().toList();
    assertThat(lines).hasSize(58);
    assertThat(JSON.readTree(lines.getFirst()).get("id").asString())
        .isEqualTo("004_fd3b26c682193b6e#1");
    assertThat(get("/api/search?format=jsonl&size=10000").statusCode()).isEqualTo(200);
    assertThat(get("/api/search?format=jsonl&size=2&page=2").body().lines())
        .hasSize(2)
        .first()
        .satisfies(line -> assertThat(line).contains("\"id\":\"004_fd3b26c682193b6e#3\""));
  }

  @Test
  void aDownloadPastTheDeepestHitOrOfArticlesOrInAnotherFormatIsA400() throws Exception {
    for (var bad :
        List.of(
            List.of(
                "format=csv&size=10001", "size must be a whole number from 1 to 10000, not 10001"),
            List.of(
                "format=csv&group=article",
                "format=csv downloads paragraphs, one a row; leave out group=article"),
            List.of("format=xml", "format must be json, csv or jsonl, not 'xml'"),
            List.of("size=101", "size must be a whole number from 1 to 100, not 101"))) {
      HttpResponse<String> r = get("/api/search?" + bad.get(0));
      assertThat(r.statusCode()).as(bad.get(0)).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("error").asString()).isEqualTo(bad.get(1));
    }
  }

  @Test
  void cicaChairmanshipFindsTheParagraphsOfBothArticlesThatSpeakOfIt() throws Exception {
    JsonNode r = json("/api/search?q=" + q("CICA chairmanship"));
    assertThat(r.get("total").asInt()).isEqualTo(2);
    assertThat(texts(r.get("hits"), "articleId"))
        .containsExactlyInAnyOrder("000_c3b115836f1d2521", "001_4c331c42e6f04ea6");
    assertThat(texts(r.get("hits"), "snippet"))
        .allSatisfy(
            s -> assertThat(s).contains("<mark>CICA</mark>").contains("<mark>chairmanship</mark>"));
    assertThat(texts(r.get("hits"), "snippet"))
        .contains(
            "Kazakhstan supported China in taking over the <mark>CICA</mark>"
                + " <mark>chairmanship</mark> in 2014.");
  }

  @Test
  void choosingAYearKeepsTheOtherYearsCounts() throws Exception {
    JsonNode all = json("/api/search");
    JsonNode chosen = json("/api/search?year=2024");
    assertThat(chosen.get("total").asInt()).isLessThan(all.get("total").asInt());
    assertThat(texts(chosen.get("hits"), "date")).containsOnly("2024-05-20");
    List<String> before = new ArrayList<>();
    all.get("facets")
        .get("year")
        .forEach(v -> before.add(v.get("value").asString() + ":" + v.get("count").asInt()));
    List<String> after = new ArrayList<>();
    chosen
        .get("facets")
        .get("year")
        .forEach(v -> after.add(v.get("value").asString() + ":" + v.get("count").asInt()));
    assertThat(after).isEqualTo(before).contains("2013:9", "2024:1");
  }

  @Test
  void theParagraphThatSaysXiJingpinIsTaggedXiJinping() throws Exception {
    JsonNode r = json("/api/search?q=Jingpin");
    assertThat(r.get("hits")).hasSize(1);
    JsonNode hit = r.get("hits").get(0);
    assertThat(hit.get("id").asString()).isEqualTo("002_89bf8cead1161fd8#2");
    List<String> persons = new ArrayList<>();
    hit.get("person").forEach(p -> persons.add(p.asString()));
    assertThat(persons).contains("Xi Jinping").doesNotContain("Xi Jingpin");
    JsonNode filtered = json("/api/search?person=" + q("Xi Jinping"));
    List<String> selected = new ArrayList<>();
    filtered
        .get("facets")
        .get("person")
        .forEach(v -> {
          if (v.get("selected").asBoolean()) {
            selected.add(v.get("value").asString() + ":" + v.get("count").asInt());
          }
        });
    assertThat(selected).containsExactly("Xi Jinping:" + filtered.get("total").asInt());
  }

  @Test
  void pageFurnitureFindsNothing() throws Exception {
    for (String word :
        List.of(
            "Grantham",
            "Hyunhee",
            "Johannesburg",
            "Tiktok",
            "newsletter",
            "Uzbekistan",
            "Comments",
            "Eastern")) {
      assertThat(json("/api/search?q=" + q(word)).get("total").asInt()).as(word).isZero();
    }
  }

  @Test
  void theArticleViewHasTheWholeArticle() throws Exception {
    JsonNode a = json("/api/articles/004_fd3b26c682193b6e");
    assertThat(a.get("date").asString()).isEqualTo("2024-05-20");
    assertThat(a.get("source").asString()).isEqualTo("Daryo");
    assertThat(a.get("paragraphs")).hasSize(11);
    assertThat(a.get("paragraphs").get(5).get("section").asString())
        .isEqualTo("Economic and Trade Cooperation");
    assertThat(a.get("paragraphs").get(0).has("reasons")).isFalse();
    assertThat(
            json("/api/articles/004_fd3b26c682193b6e?explain=true")
                .get("paragraphs")
                .get(0)
                .has("reasons"))
        .isTrue();
  }

  @Test
  void theArticleOpenedFromASearchCarriesEachParagraphWithTheQuerysWordsMarked() throws Exception {
    JsonNode plain = json("/api/articles/001_4c331c42e6f04ea6");
    JsonNode marked = json("/api/articles/001_4c331c42e6f04ea6?q=" + q("CICA chairmanships"));

    assertThat(plain.get("paragraphs").get(7).has("marked")).isFalse();
    assertThat(marked.get("paragraphs").get(7).get("marked").asString())
        .isEqualTo(
            "During the summit, scheduled for May 20-21, China will take over the"
                + " <mark>chairmanship</mark> of <mark>CICA</mark> from Turkey. The Kazakh Foreign"
                + " Minister said he believes China’s <mark>chairmanship</mark> will strengthen and"
                + " develop the organisation.");
    assertThat(marked.get("paragraphs").get(7).get("text"))
        .isEqualTo(plain.get("paragraphs").get(7).get("text"));
    assertError("/api/articles/001_4c331c42e6f04ea6?q=" + q("\"CICA"), 400, "cannot parse q");
  }

  @Test
  void healthCountsTheSeeds() throws Exception {
    JsonNode health = json("/api/health");
    assertThat(health.get("status").asString()).isEqualTo("ok");
    assertThat(health.get("articles").asInt()).isEqualTo(5);
    assertThat(health.get("paragraphs").asInt()).isEqualTo(58);
  }

  @Test
  void badInputGetsA400ThatSaysWhatToFix() throws Exception {
    assertError(
        "/api/search?q=" + q("CICA AND ("),
        400,
        "cannot parse q 'CICA AND (': the query ends too early");
    assertError(
        "/api/search?q=" + q("\"CICA chairmanship"),
        400,
        "cannot parse q '\"CICA chairmanship': the quote at column 1 opens a phrase that is never"
            + " closed");
    assertError("/api/search?page=0", 400, "page must be a whole number of 1 or more, not 0");
    assertError("/api/search?size=500", 400, "size must be a whole number from 1 to 100, not 500");
    assertError(
        "/api/search?size=ten", 400, "size must be a whole number from 1 to 100, not 'ten'");
    assertError("/api/search?yaer=2013", 400, "unknown parameter 'yaer'; did you mean 'year'?");
    HttpResponse<String> tooLong = get("/api/search?q=" + "a".repeat(100_000));
    assertThat(tooLong.statusCode()).isEqualTo(414);
    assertThat(tooLong.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(tooLong.body()).get("error").asString())
        .startsWith("the address is longer than Passage accepts (8 KB)");
    assertRawError("/api/search?q=%ZZ", "the address has a broken percent-escape '%ZZ'");
    assertRawError("/api/search?q=china%2", "the address has a broken percent-escape '%2'");
    assertRawError("/api/search?q=%C3%28", "the address's parameters are not valid UTF-8");
    assertRawError("/api/articles/x?explain=%FF", "the address's parameters are not valid UTF-8");
    // Jetty refuses an address that climbs above the root before any route sees it.
    for (String climbing : new String[] {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"}) {
      assertRawError(climbing, "the request cannot be read: Bad Request");
    }
    assertError("/api/articles/000_c3b115836f1d2521?verbose=1", 400, "unknown parameter 'verbose'");
  }

  /**
   * Found by the property tests: these were 500s, and the last one ran the server out of memory.
   */
  @Test
  void aBrokenOrTooComplexRegularExpressionGetsA400() throws Exception {
    assertError(
        "/api/search?q=" + q("/(/"),
        400,
        "the regular expression /(/ is not valid (unexpected end-of-string)");
    assertError(
        "/api/search?q=" + q("/[ab]*a[ab]{20}/"),
        400,
        "cannot parse q '/[ab]*a[ab]{20}/': its regular expression or wildcard is too complex");
    assertError(
        "/api/search?q=" + q("/a{1000}{1000}{1000}/"),
        400,
        "the regular expression /a{1000}{1000}{1000}/ is too large");
    assertError(
        "/api/search?q=" + q("/<>/"),
        400,
        "the regular expression /<>/ names an automaton, <>, and Passage has none");
    assertThat(json("/api/search?q=" + q("/astan.*/")).get("total").asInt()).isPositive();
  }

  @Test
  void aStrayAmpersandAndRepeatedFilterValuesAreHarmless() throws Exception {
    assertThat(get("/api/search?q=CICA&").statusCode()).isEqualTo(200);
    assertThat(get("/api/search?&q=CICA&&").statusCode()).isEqualTo(200);
    JsonNode repeated = json("/api/search?q=China" + "&year=2013".repeat(300));
    assertThat(repeated.get("total").asInt())
        .isEqualTo(json("/api/search?q=China&year=2013").get("total").asInt());
  }

  @Test
  void unknownArticlesAndPathsGetA404InJson() throws Exception {
    assertError("/api/articles/no-such-article", 404, "no article with id 'no-such-article'");
    assertError("/api/articles/..%2F..%2Fetc%2Fpasswd", 404, "no article with id");
    assertError("/api/nothing", 404, "no such page: GET /api/nothing");
    HttpResponse<String> browser = get("/api/nothing", "Accept", "text/html");
    assertThat(browser.statusCode()).isEqualTo(404);
    assertThat(browser.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
  }

  @Test
  void aWrongMethodOnAnEndpointIsA405NamingTheMethodsItTakes() throws Exception {
    HttpResponse<String> post = server.post("/api/search?q=CICA");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    assertThat(JSON.readTree(post.body()).get("error").asString())
        .isEqualTo("POST is not allowed on /api/search; use GET");
    assertThat(server.post("/api/articles/001_4c331c42e6f04ea6").statusCode()).isEqualTo(405);
    assertThat(server.post("/api/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void aTitleTakenFromTheFirstSentenceKeepsTheNameItWouldHaveCut() throws Exception {
    assertThat(json("/api/articles/001_4c331c42e6f04ea6").get("title").asString())
        .isEqualTo(
            "Kazakhstan Foreign Minister Erlan Idrissov met with China Deputy Prime Minister Li"
                + " Yuanchao…");
  }

  private static int total(String pathAndQuery) throws Exception {
    return json(pathAndQuery).get("total").asInt();
  }

  @Test
  void aFilterTakesAnyAliasOrCaseOfANameAndSearchesItsCanonicalValue() throws Exception {
    int xi = total("/api/search?person=" + q("Xi Jinping"));
    assertThat(xi).isEqualTo(8);
    for (String alias : List.of("Xi Jingpin", "xi jinping", "XI JIN PING", " Xi  Jinping ")) {
      JsonNode r = json("/api/search?person=" + q(alias));
      assertThat(r.get("total").asInt()).as(alias).isEqualTo(xi);
      assertThat(r.get("filters").toString()).as(alias).isEqualTo("{\"person\":[\"Xi Jinping\"]}");
      assertThat(r.get("warnings")).as(alias).isEmpty();
      List<String> selected = new ArrayList<>();
      r.get("facets")
          .get("person")
          .forEach(v -> {
            if (v.get("selected").asBoolean()) {
              selected.add(v.get("value").asString());
            }
          });
      assertThat(selected).as(alias).containsExactly("Xi Jinping");
    }
    int sco = total("/api/search?organisation=" + q("Shanghai Cooperation Organisation"));
    assertThat(sco).isPositive();
    assertThat(total("/api/search?organisation=SCO")).isEqualTo(sco);
    assertThat(total("/api/search?organisation=sco")).isEqualTo(sco);
    int water = total("/api/search?topic=water");
    assertThat(water).isPositive();
    assertThat(total("/api/search?topic=Water")).isEqualTo(water);
    assertThat(total("/api/search?person=" + q("Xi Jingpin") + "&person=" + q("Xi Jinping")))
        .isEqualTo(xi);
  }

  @Test
  void aTagTermInTheQueryTakesAnyAliasOrCaseToo() throws Exception {
    int sco = total("/api/search?organisation=" + q("Shanghai Cooperation Organisation"));
    assertThat(total("/api/search?q=" + q("organisation:SCO"))).isEqualTo(sco);
    assertThat(total("/api/search?q=" + q("person:\"xi jingpin\""))).isEqualTo(8);
    assertThat(total("/api/search?q=" + q("topic:Water")))
        .isEqualTo(total("/api/search?topic=water"));
  }

  @Test
  void anUnknownFilterValueFindsNothingAndTheAnswerNamesTheNearestKnownValues() throws Exception {
    JsonNode r = json("/api/search?person=" + q("Nazarbeyev") + "&topic=Waters");
    assertThat(r.get("total").asInt()).isZero();
    JsonNode person = r.get("warnings").get(0);
    assertThat(person.get("parameter").asString()).isEqualTo("person");
    assertThat(person.get("value").asString()).isEqualTo("Nazarbeyev");
    assertThat(person.get("nearest").get(0).asString()).isEqualTo("Nursultan Nazarbayev");
    assertThat(person.get("message").asString())
        .startsWith(
            "no paragraph is tagged person 'Nazarbeyev', so this filter matches nothing; the"
                + " nearest person values are 'Nursultan Nazarbayev', ");
    JsonNode topic = r.get("warnings").get(1);
    assertThat(topic.get("parameter").asString()).isEqualTo("topic");
    assertThat(topic.get("nearest").get(0).asString()).isEqualTo("water");
    assertThat(r.get("warnings")).hasSize(2);
    assertThat(json("/api/search?q=CICA").get("warnings")).isEmpty();
  }

  @Test
  void aPurelyNegativeQueryFindsEveryParagraphButThoseItExcludes() throws Exception {
    int all = total("/api/search");
    int kazakhstan = total("/api/search?q=Kazakhstan");
    assertThat(kazakhstan).isPositive().isLessThan(all);
    assertThat(total("/api/search?q=" + q("NOT Kazakhstan"))).isEqualTo(all - kazakhstan);
    assertThat(total("/api/search?q=" + q("-Kazakhstan"))).isEqualTo(all - kazakhstan);
    assertThat(total("/api/search?q=" + q("NOT Kazakhstan NOT China")))
        .isEqualTo(all - total("/api/search?q=" + q("Kazakhstan OR China")));
    assertThat(total("/api/search?q=" + q("CICA OR (NOT Kazakhstan)")))
        .isEqualTo(all - kazakhstan + total("/api/search?q=" + q("CICA Kazakhstan")));
  }

  @Test
  void aQueryOfStopWordsAloneSaysSo() throws Exception {
    JsonNode r = json("/api/search?q=the");
    assertThat(r.get("total").asInt()).isZero();
    assertThat(r.get("warnings")).hasSize(1);
    assertThat(r.get("warnings").get(0).get("parameter").asString()).isEqualTo("q");
    assertThat(r.get("warnings").get(0).get("message").asString())
        .isEqualTo(
            "'the' has only words too common to search for (such as the, of, and), so it matches"
                + " nothing; add a word that says what the paragraphs are about");
    assertThat(json("/api/search?q=" + q("of AND \"the and\"")).get("warnings")).hasSize(1);
    assertThat(json("/api/search?q=" + q("the CICA")).get("warnings")).isEmpty();
  }

  @Test
  void patternsMatchTheWordsAsWrittenNotTheirStems() throws Exception {
    int jinping = total("/api/search?q=Jinping");
    assertThat(jinping).isEqualTo(7);
    assertThat(total("/api/search?q=" + q("Jinping*"))).isEqualTo(jinping);
    // Two edits away are a few other words too.
    assertThat(total("/api/search?q=" + q("Jinping~"))).isGreaterThanOrEqualTo(jinping);
    assertThat(total("/api/search?q=" + q("Jinping~1"))).isEqualTo(jinping);
    assertThat(total("/api/search?q=" + q("Jinpin?"))).isEqualTo(jinping);
    assertThat(total("/api/search?q=" + q("/jinp[aeiou]ng/"))).isEqualTo(jinping);
    // Each pattern, and how every word it marks begins.
    java.util.Map<String, String> marked =
        java.util.Map.of(
            "cooperation*", "cooperation",
            "strategic*", "strategic",
            "agricultural*", "agricultural",
            "visted~", "visit");
    for (String pattern : marked.keySet()) {
      JsonNode r = json("/api/search?q=" + q(pattern) + "&size=100");
      assertThat(r.get("total").asInt()).as(pattern).isPositive();
      String stem = marked.get(pattern);
      assertThat(texts(r.get("hits"), "snippet"))
          .as(pattern)
          .allSatisfy(
              s -> assertThat(s.toLowerCase(java.util.Locale.ROOT)).contains("<mark>" + stem));
    }
    assertThat(total("/api/search?q=" + q("cooperation*")))
        .isGreaterThanOrEqualTo(total("/api/search?q=" + q("\"cooperation\"")));
  }

  @Test
  void patternHitsAreRankedNotAllScoredAlike() throws Exception {
    JsonNode r = json("/api/search?q=" + q("cooperation*") + "&size=100");
    List<Double> scores = new ArrayList<>();
    r.get("hits").forEach(h -> scores.add(h.get("score").asDouble()));
    assertThat(scores)
        .hasSizeGreaterThan(10)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // Ranked by how often and how rare the matching words are: most hits score apart.
    assertThat(new java.util.HashSet<>(scores)).hasSizeGreaterThan(scores.size() / 2);
  }

  @Test
  void otherSitesMayCallTheApi() throws Exception {
    HttpResponse<String> r = get("/api/search?q=CICA", "Origin", "https://example.org");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValueSatisfying(v -> assertThat(v).isIn("*", "https://example.org"));
  }

  @Test
  void aClientThatAcceptsGzipGetsTheSameAnswerCompressed() throws Exception {
    // Every paragraph, 50 to a page: an answer several times the 8 KB that Jackson and Jetty each
    // buffer, so it reaches the client in several writes.
    String path = "/api/search?q=*&size=50";
    HttpResponse<String> plain = get(path);
    assertThat(plain.body().length()).isGreaterThan(3 * 8192);
    HttpResponse<byte[]> packed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + path))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(packed.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String unpacked;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed.body()))) {
      unpacked = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonNode expected = JSON.readTree(plain.body());
    JsonNode actual = JSON.readTree(unpacked);
    assertThat(expected.get("hits")).hasSize(50);
    assertThat(packed.body().length).isLessThan(plain.body().length() / 2);
    // The same answer but for the time it took.
    assertThat(((ObjectNode) actual).without("tookMs"))
        .isEqualTo(((ObjectNode) expected).without("tookMs"));
  }

  /** A 400 for an address Java's own client would refuse to send. */
  private static void assertRawError(String path, String messageStart) throws Exception {
    TestServer.RawAnswer answer = server.rawGet(path);
    assertThat(answer.status()).as(path).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("error").asString())
        .as(path)
        .startsWith(messageStart);
  }

  private static void assertError(String path, int status, String messageStart) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asString()).as(path).startsWith(messageStart);
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("dev.passage")
        .doesNotContain("/work");
  }
}
