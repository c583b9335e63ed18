package dev.passage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.FolderWatcher;
import dev.passage.index.LiveIndex;
import dev.passage.index.LiveIndex.ArticleChange;
import dev.passage.index.UpdateSummary;
import dev.passage.ingest.ArticleDraft;
import dev.passage.ingest.Problem;
import dev.passage.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live archive on every engine: articles put, replaced and deleted by a publishing system, and
 * a folder changed behind the server's back, each searchable (or gone) once its answer comes. Each
 * test uses articles of its own, so the tests share one index built from a copy of the seeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveArchiveContract {

  /** The engine's searches, over the index {@link #live} changes. */
  abstract SearchEngine engine();

  abstract LiveIndex live();

  /** The articles folder the index follows. */
  abstract Path articles();

  /** A copy of the seed articles in {@code dir}, for a subclass to build its index from. */
  static Path seedCopy(Path dir) throws Exception {
    Path articles = dir.resolve("articles");
    Files.createDirectories(articles);
    try (Stream<Path> seeds = Files.list(Fixtures.SEED_ARTICLES)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, articles.resolve(seed.getFileName()));
      }
    }
    return articles;
  }

  ArticleChange put(String id, String title, String... paragraphs) throws Exception {
    String body =
        "{\"title\":\""
            + title
            + "\",\"date\":\"2025-06-01\",\"text\":\""
            + String.join("\\n\\n", paragraphs)
            + "\"}";
    return live()
        .put(ArticleDraft.parse(id, ArticleDraft.Format.JSON, body), ArticleDraft.Format.JSON)
        .get(30, TimeUnit.SECONDS);
  }

  ArticleChange putUndated(String id, String title, String text) throws Exception {
    String body = "{\"title\":\"" + title + "\",\"text\":\"" + text + "\"}";
    return live()
        .put(ArticleDraft.parse(id, ArticleDraft.Format.JSON, body), ArticleDraft.Format.JSON)
        .get(30, TimeUnit.SECONDS);
  }

  long total(String q) throws Exception {
    return engine().search(engine().query(q)).total();
  }

  @Test
  void aPutArticleIsSearchableOnceThePutAnswersAndItsFileIsInTheFolder() throws Exception {
    ArticleChange change =
        put("okapi", "Okapi sighted", "An okapi was sighted in Astana.", "The okapi left.");

    assertThat(change.result()).isEqualTo("added");
    assertThat(change.searchableAt()).isNotNull();
    assertThat(total("okapi")).isEqualTo(2);
    assertThat(engine().article("okapi", false).orElseThrow().paragraphs()).hasSize(2);
    assertThat(Files.list(articles()).map(p -> p.getFileName().toString())).contains("okapi.jsonl");
  }

  @Test
  void aPutWithNewTextReplacesEveryOldParagraph() throws Exception {
    put("tapir", "Tapir", "A tapir in Almaty.", "A capybara too.", "And a quokka.");

    ArticleChange change = put("tapir", "Tapir", "Only a tapir now.");

    assertThat(change.result()).isEqualTo("replaced");
    assertThat(total("capybara OR quokka")).isZero();
    assertThat(total("tapir")).isEqualTo(1);
    assertThat(engine().article("tapir", false).orElseThrow().paragraphs()).hasSize(1);
  }

  @Test
  void anUndatedArticleComesLastOldestOrNewestFirstAndIsOutOfTheTimelineAndDates()
      throws Exception {
    putUndated("pangolin-undated", "Pangolins", "A pangolin was seen in 2031 and in 1950.");
    put("pangolin-dated", "Pangolin", "A pangolin was seen.");

    for (String sort : List.of("oldest", "newest")) {
      SearchResponse r =
          engine().search(engine().parse(Map.of("q", List.of("pangolin"), "sort", List.of(sort))));
      assertThat(r.hits())
          .as(sort)
          .extracting(SearchResponse.Hit::id, SearchResponse.Hit::date)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("pangolin-dated#1", "2025-06-01"),
              org.assertj.core.groups.Tuple.tuple("pangolin-undated#1", null));
    }
    SearchResponse r = engine().search(engine().query("pangolin"));
    assertThat(r.timeline()).extracting(SearchResponse.Period::period).containsExactly("2025");
    assertThat(
            engine()
                .search(engine().parse(Map.of("q", List.of("pangolin"), "to", List.of("2099"))))
                .total())
        .isEqualTo(1);
    assertThat(engine().article("pangolin-undated", false).orElseThrow().date()).isNull();
    // The years the text states are tags of its paragraph, not its date.
    assertThat(r.facets().year())
        .extracting(SearchResponse.FacetValue::value)
        .contains("2031", "1950");
  }

  @Test
  void theSameArticlePutTwiceIsUnchangedTheSecondTime() throws Exception {
    put("ibex", "Ibex", "An ibex in the Tian Shan.");

    assertThat(put("ibex", "Ibex", "An ibex in the Tian Shan.").result()).isEqualTo("unchanged");
  }

  @Test
  void aDeletedArticleIsGoneFromSearchesCountsAndTheArticleViewOnceTheDeleteAnswers()
      throws Exception {
    put("saiga", "Saiga", "Saiga antelopes in 2025.");
    long before2025 = countOf2025();

    ArticleChange change = live().delete("saiga").get(30, TimeUnit.SECONDS);

    assertThat(change.result()).isEqualTo("deleted");
    assertThat(total("saiga")).isZero();
    assertThat(engine().article("saiga", false)).isEmpty();
    assertThat(engine().hasArticle("saiga")).isFalse();
    assertThat(countOf2025()).isEqualTo(before2025 - 1);
    assertThat(
            Files.exists(articles().resolve("saiga.jsonl"))
                && !Files.readString(articles().resolve("saiga.jsonl")).isBlank())
        .isFalse();
    assertThat(live().delete("saiga").get(30, TimeUnit.SECONDS).result()).isEqualTo("not found");
  }

  private long countOf2025() throws Exception {
    return engine().search(engine().query("")).facets().year().stream()
        .filter(v -> v.value().equals("2025"))
        .mapToLong(SearchResponse.FacetValue::count)
        .sum();
  }

  @Test
  void comparingTheFolderAppliesWhatChangedInItAndNothingElse() throws Exception {
    Files.writeString(
        articles().resolve("markhor.txt"),
        "---\ntitle: Markhor\ndate: 2024-03-01\n---\nA markhor climbed in 2024.\n");
    Path seed = articles().resolve("003_0e5463e51e88c47b.txt");
    Files.writeString(seed, Files.readString(seed) + "\n\nA wombat was added to this article.\n");

    UpdateSummary first = live().reconcile();
    UpdateSummary again = live().reconcile();

    assertThat(first.added()).isEqualTo(1);
    assertThat(first.changed()).isEqualTo(1);
    assertThat(first.removed()).isZero();
    assertThat(again.added() + again.changed() + again.removed()).isZero();
    assertThat(total("markhor")).isEqualTo(1);
    assertThat(total("wombat")).isEqualTo(1);

    Files.delete(articles().resolve("markhor.txt"));
    assertThat(live().reconcile().removed()).isEqualTo(1);
    assertThat(total("markhor")).isZero();
  }

  @Test
  void aChangedFileGivingAnIdThatAnEarlierFileHoldsIsSkippedAsABuildSkipsIt() throws Exception {
    Path first = write("lynx.txt", "---\ntitle: Lynx\n---\nAn amber lynx lives here.\n");
    changed(first);
    Path later = write("z/lynx.txt", "---\ntitle: Lynx\n---\nA cobalt lynx lives there.\n");

    UpdateSummary summary = changed(later);

    assertThat(summary.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "z/lynx.txt: duplicate article id 'lynx', first read from lynx.txt (skipped)");
    assertThat(total("amber lynx")).isEqualTo(1);
    assertThat(total("cobalt lynx")).isZero();
    assertFolderAndIndexAgree();
  }

  @Test
  void aChangedFileEarlierInTheFoldersOrderTakesAnIdFromALaterFileAsABuildWould() throws Exception {
    Path later = write("z/caracal.txt", "---\ntitle: Caracal\n---\nA cobalt caracal.\n");
    changed(later);
    Path first = write("caracal.txt", "---\ntitle: Caracal\n---\nAn amber caracal.\n");

    UpdateSummary summary = changed(first);

    assertThat(summary.changed()).isEqualTo(1);
    assertThat(summary.problems()).isEmpty();
    assertThat(total("amber caracal")).isEqualTo(1);
    assertThat(total("cobalt caracal")).isZero();
    assertFolderAndIndexAgree();
  }

  @Test
  void aChangedJsonlFileGivingOneIdTwiceKeepsItsFirstLineAsABuildWould() throws Exception {
    Path file =
        write(
            "servals.jsonl",
            "{\"id\": \"serval\", \"text\": \"An amber serval.\"}\n"
                + "{\"id\": \"serval\", \"text\": \"A cobalt serval.\"}\n");

    UpdateSummary summary = changed(file);

    assertThat(summary.added()).isEqualTo(1);
    assertThat(summary.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "servals.jsonl:2: duplicate article id 'serval', first read from servals.jsonl:1"
                + " (skipped)");
    assertThat(total("amber serval")).isEqualTo(1);
    assertThat(total("cobalt serval")).isZero();
    assertFolderAndIndexAgree();
  }

  @Test
  void aWatchedFileRemovedUncoversALaterFileWithItsIdAsABuildWouldReadIt() throws Exception {
    Path first = write("ocelot.txt", "---\ntitle: Ocelot\n---\nAn amber ocelot.\n");
    Path later = write("z/ocelot.txt", "---\ntitle: Ocelot\n---\nA cobalt ocelot.\n");
    live().filesChanged(List.of(first, later)).get(30, TimeUnit.SECONDS);
    assertThat(total("cobalt ocelot")).isZero();

    FolderWatcher watcher = FolderWatcher.start(live());
    try {
      Files.delete(first);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (total("cobalt ocelot") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      watcher.close();
    }

    assertThat(total("cobalt ocelot")).isEqualTo(1);
    assertThat(total("amber ocelot")).isZero();
    assertFolderAndIndexAgree();
  }

  private Path write(String name, String content) throws Exception {
    Path file = articles().resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private UpdateSummary changed(Path file) throws Exception {
    return live().filesChanged(List.of(file)).get(30, TimeUnit.SECONDS);
  }

  /** What a change applied is what comparing the whole folder finds: nothing is left to do. */
  private void assertFolderAndIndexAgree() throws Exception {
    UpdateSummary again = live().reconcile();
    assertThat(again.added() + again.changed() + again.removed()).isZero();
  }

  @Test
  void aNameInAPutArticleIsSuggestedSoonAfter() throws Exception {
    assertThat(suggested("putin")).isEmpty();

    put("steppe-visit", "A visit", "Vladimir Putin visited Astana in June.");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> found = suggested("putin");
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      found = suggested("putin");
    }
    assertThat(found).containsExactly("person:Vladimir Putin");
  }

  private List<String> suggested(String prefix) throws Exception {
    SuggestResponse r = engine().suggest(engine().parseSuggest(Map.of("q", List.of(prefix))));
    return r.suggestions().stream().map(x -> x.kind() + ":" + x.value()).toList();
  }
}
