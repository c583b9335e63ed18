package dev.passage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.ArticleStamp;
import dev.passage.index.FolderWatcher;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.Schema;
import dev.passage.index.StoredParagraphs;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleDate;
import dev.passage.search.LiveSearchers;
import dev.passage.search.QueryProfile;
import dev.passage.search.SearchService;
import dev.passage.testing.Fixtures;
import dev.passage.testing.TestServer;
import dev.passage.web.AdminAccess;
import dev.passage.web.PassageServer;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's tools on the seed articles: a tiny run of the benchmark, so it never rots. */
class BenchToolsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static Article article(String id, String title, String date) {
    return new Article(
        id, title, date == null ? null : ArticleDate.parse(date), "Wire", null, "Text.", id);
  }

  @Test
  void queriesAreTitleWordsWithoutStopWordsAndTheSameEveryRun() {
    List<Article> articles =
        List.of(
            article("a", "The Oil Prices Rise in Kuwait", "1987-03-01"),
            article("b", "Bank of Japan Cuts Rates", "1987-03-02"));
    List<String> first = QueryList.from(articles, 6, 7);

    assertThat(first).hasSize(6).doesNotHaveDuplicates().isEqualTo(QueryList.from(articles, 6, 7));
    assertThat(String.join(" ", first).split(" "))
        .allSatisfy(w ->
            assertThat(w)
                .isIn("oil", "prices", "rise", "kuwait", "bank", "japan", "cuts", "rates"));
    assertThat(QueryList.words("The Oil Prices Rise in Kuwait"))
        .containsExactly("oil", "prices", "rise", "kuwait");
  }

  @Test
  void theBulkFileHoldsEachParagraphWithItsTagsUnderItsParagraphId() throws Exception {
    Article seed =
        new Article(
            "a1",
            "Talks",
            ArticleDate.parse("2014-03"),
            null,
            null,
            "Kazakhstan and China discussed the CICA chairmanship.\n\nOil trade grew in 2013.",
            "a1");
    StringWriter out = new StringWriter();
    BulkExport export = new BulkExport(out, "passage");
    export.write(ArticlePipeline.bundled().process(seed).orElseThrow());

    String[] lines = out.toString().split("\n");
    assertThat(export.paragraphs()).isEqualTo(2);
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("{\"index\":{\"_index\":\"passage\",\"_id\":\"a1#1\"}}");
    JsonNode second = JSON.readTree(lines[3]);
    assertThat(second.get("text").asString()).isEqualTo("Oil trade grew in 2013.");
    assertThat(second.get("year").get(0).asString()).isEqualTo("2013");
    assertThat(JSON.readTree(lines[1]).get("organisation").get(0).asString())
        .isEqualTo("Conference on Interaction and Confidence Building Measures in Asia");
  }

  @Test
  void anIndexReadBackGivesTheBulkFileItsArticlesGive() throws Exception {
    Fixtures.build(Fixtures.SEED_ARTICLES, dir.resolve("index"));
    StringWriter fromArticles = new StringWriter();
    BulkExport articles = new BulkExport(fromArticles, "passage");
    for (ProcessedArticle a : Fixtures.seedArticles()) {
      articles.write(a);
    }
    StringWriter fromIndex = new StringWriter();
    BulkExport index = new BulkExport(fromIndex, "passage");

    long read = StoredParagraphs.read(dir.resolve("index"), index::write);

    assertThat(read).isEqualTo(58).isEqualTo(index.paragraphs()).isEqualTo(articles.paragraphs());
    // The index holds its paragraphs in its own order: the same lines, in pairs, in any order.
    assertThat(pairs(fromIndex.toString()))
        .containsExactlyInAnyOrderElementsOf(pairs(fromArticles.toString()));
  }

  /** A bulk file's action and source lines, each pair as one string. */
  private static List<String> pairs(String bulk) {
    String[] lines = bulk.split("\n");
    List<String> pairs = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < lines.length; i += 2) {
      pairs.add(lines[i] + "\n" + lines[i + 1]);
    }
    return pairs;
  }

  @Test
  void theProfileTimesEveryStageOfEveryQuery() throws Exception {
    Fixtures.build(Fixtures.SEED_ARTICLES, dir.resolve("index"));
    try (LiveSearchers searchers = LiveSearchers.open(dir.resolve("index"), new Schema())) {
      SearchService service = new SearchService(new Schema(), searchers);
      List<String> queries = List.of("CICA chairmanship", "visit", "zebrafish");
      QueryProfile.Result r =
          new QueryProfile(service, searchers)
              .run(FloorBenchmark.requests(service.parser(), queries), 3);

      long[] totals = new long[queries.size()];
      for (int i = 0; i < totals.length; i++) {
        totals[i] =
            service.search(service.parser().parse(Map.of("q", List.of(queries.get(i))))).total();
      }
      java.util.Arrays.sort(totals);
      assertThat(totals[0]).as("zebrafish").isZero();
      assertThat(r.medianHits()).isEqualTo(totals[1]).isPositive();
      assertThat(r.totalMs()).hasSize(QueryProfile.Stage.values().length);
      for (double ms : r.totalMs()) {
        assertThat(ms).isPositive();
      }
    }
  }

  @Test
  void theEngineDocumentsAreWhatTheOpenSearchBuildSendsRoutedByArticle() throws Exception {
    ProcessedArticle article = Fixtures.seedArticles().getFirst();
    ArticleStamp stamp = new ArticleStamp("a.txt", "hash", 10, 20);
    StringWriter out = new StringWriter();
    BulkExport export = new BulkExport(out, "passage-bulk");
    export.writeEngineDocuments(article, stamp);

    List<JsonNode> lines = out.toString().lines().map(JSON::readTree).toList();
    assertThat(export.paragraphs()).isEqualTo(article.paragraphs().size());
    assertThat(lines).hasSize(2 * article.paragraphs().size());
    JsonNode action = lines.get(0).get("index");
    assertThat(action.get("_index").asString()).isEqualTo("passage-bulk");
    assertThat(action.get("_id").asString()).isEqualTo(article.id() + "#1");
    assertThat(action.get("routing").asString()).isEqualTo(article.id());
    JsonNode first = lines.get(1);
    assertThat(first.get(Schema.ARTICLE_ID).asString()).isEqualTo(article.id());
    assertThat(first.get(Schema.ARTICLE_HASH).asString()).isEqualTo("hash");
    assertThat(first.has(Schema.REASONS)).isTrue();
    // The stamp goes with the first paragraph only, as the build sends it.
    assertThat(lines.get(3).has(Schema.ARTICLE_HASH)).isFalse();
  }

  @Test
  void taggingAloneMakesEveryParagraphsDocumentAndSendsNothing() throws Exception {
    long paragraphs = Fixtures.seedArticles().stream().mapToLong(a -> a.paragraphs().size()).sum();

    TaggingRate.Result r = TaggingRate.run(Fixtures.SEED_ARTICLES, ArticlePipeline.bundled(), 2);

    assertThat(r.articles()).isEqualTo(Fixtures.seedArticles().size());
    assertThat(r.paragraphs()).isEqualTo(paragraphs);
    assertThat(r.bytes()).isGreaterThan(paragraphs * 100);
    assertThat(r.perSecond()).isPositive();
  }

  @Test
  void theRecorderPassesEverythingOnAndWritesEachSearchAsItWasSent() throws Exception {
    HttpServer node =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    node.createContext(
        "/",
        exchange -> {
          byte[] answer =
              ("{\"path\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(201, answer.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(answer);
          }
        });
    node.start();
    StringWriter recorded = new StringWriter();
    HttpClient client = HttpClient.newHttpClient();
    try (RequestRecorder recorder =
        RequestRecorder.start(
            0, URI.create("http://127.0.0.1:" + node.getAddress().getPort()), recorded)) {
      String base = "http://127.0.0.1:" + recorder.port();
      String body = "{\"query\":{\"match_all\":{}},\"size\":10}";
      HttpResponse<String> search =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/passage/_search?typed_keys=true&search_type=dfs"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/_cluster/health")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(search.statusCode()).isEqualTo(201);
      assertThat(search.body())
          .isEqualTo("{\"path\":\"/passage/_search?typed_keys=true&search_type=dfs\"}");
      assertThat(health.body()).isEqualTo("{\"path\":\"/_cluster/health\"}");
      assertThat(recorder.recorded()).isEqualTo(1);
      assertThat(recorded.toString())
          .isEqualTo("POST /passage/_search?typed_keys=true&search_type=dfs\t" + body + "\n");
    } finally {
      client.close();
      node.stop(0);
    }
  }

  @Test
  void copiesGetTheirOwnIdsLaterDatesAndASyntheticLabel() throws Exception {
    StringWriter out = new StringWriter();
    new CorpusReplicator(out, 3, 40).write(article("r1", "Cocoa", "1988-02-29"));

    List<JsonNode> lines = out.toString().lines().map(JSON::readTree).toList();
    assertThat(lines).extracting(l -> l.get("id").asString()).containsExactly("r1", "r1~1", "r1~2");
    assertThat(lines)
        .extracting(l -> l.get("date").asString())
        .containsExactly("1988-02-29", "2028-02-29", "2068-02-29");
    assertThat(lines.get(2).get("source").asString()).isEqualTo("Wire (synthetic copy 2)");
    assertThat(CorpusReplicator.shifted(ArticleDate.parse("1988-02-29"), 10))
        .isEqualTo("1998-02-28");
  }

  @Test
  void theFloorRunsTheQueriesInProcessAndReportsTheirLatency() throws Exception {
    Fixtures.build(Fixtures.SEED_ARTICLES, dir.resolve("index"));
    try (LiveSearchers searchers = LiveSearchers.open(dir.resolve("index"), new Schema())) {
      FloorBenchmark.Result r =
          new FloorBenchmark(
                  new SearchService(new Schema(), searchers), List.of("CICA chairmanship", "visit"))
              .run(2, 0.1, 0.3);

      assertThat(r.queries()).isPositive();
      assertThat(r.perSecond()).isPositive();
      assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p99Ms());
    }
  }

  @Test
  void theIndexingFloorIndexesEveryDocumentOfTheBulkFileWithOpenSearchsMapping() throws Exception {
    Path bulk = dir.resolve("bulk.ndjson");
    long paragraphs = 0;
    try (Writer out = Files.newBufferedWriter(bulk)) {
      BulkExport export = new BulkExport(out, "passage");
      for (ProcessedArticle article : Fixtures.seedArticles()) {
        export.write(article);
      }
      paragraphs = export.paragraphs();
    }
    IndexingFloor.Result r = IndexingFloor.run(bulk, dir.resolve("floor-index"), 2);
    assertThat(r.documents()).isEqualTo(paragraphs).isGreaterThan(5);
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(dir.resolve("floor-index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertThat(searcher.count(new TermQuery(new Term("text", "chairmanship")))).isPositive();
      assertThat(searcher.count(new TermQuery(new Term("year", "2013")))).isPositive();
      assertThat(reader.numDocs()).isEqualTo(paragraphs);
    }
  }

  @Test
  void liveUpdatesAreSearchableWhenAnsweredAndAChurnLosesNothing() throws Exception {
    Path articles = dir.resolve("articles");
    Fixtures.write(articles, "one.txt", Fixtures.article("One", "2014", "CICA chairmanship.\n"));
    String token = "correct-horse-battery-staple";
    var options = new PassageServer.Options(List.of(), Optional.of(AdminAccess.of(token, false)));
    try (TestServer server = TestServer.live(articles, dir.resolve("index"), options)) {
      FolderWatcher watcher = FolderWatcher.start(server.liveIndex());
      LiveUpdates updates = new LiveUpdates(server.base(), token);
      LiveUpdates.Result puts;
      LiveUpdates.Result files;
      LiveUpdates.Result churn;
      try {
        puts = updates.puts("put", 3, 50);
        files = updates.files("file", articles, 2, 10);
        churn = updates.churn("churn", 5, 2, 1);
      } finally {
        watcher.close();
      }

      assertThat(puts.changes()).isEqualTo(3);
      assertThat(puts.failed()).isZero();
      assertThat(files.changes()).isEqualTo(2);
      assertThat(files.failed()).isZero();
      assertThat(churn.changes()).isPositive();
      assertThat(churn.failed()).isZero();
      assertThat(churn.serverErrors()).isZero();
    }
    assertThat(LiveUpdates.marker("puts", 27)).isEqualTo("zqputs27");
  }
}
