package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.SearchResponse;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snippet is the sentence of its match, whole, wherever the sentence has full stops inside. */
class SnippetSentencesTest {

  @TempDir static Path dir;
  static Fixtures.SearchIndex index;

  @BeforeAll
  static void buildIndex() throws Exception {
    Path articles = dir.resolve("articles");
    Fixtures.write(
        articles,
        "nissan.txt",
        Fixtures.article(
            "Nissan in Europe",
            "1987-03",
            "Nissan makes trucks in Spain. It will sell the vehicle in Europe sometime in the"
                + " future, with shipments from <Motor Iberica S.A.>, its Spanish unit.\n"));
    index = Fixtures.searchIndex(articles, dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void aSentenceWithAnAbbreviationInAngleBracketsIsQuotedFromItsFirstWord() throws Exception {
    SearchService service = index.service();
    SearchResponse r = service.search(service.parser().query("unit"));
    assertThat(r.hits().getFirst().snippet())
        .isEqualTo(
            "It will sell the vehicle in Europe sometime in the future, with shipments from"
                + " &lt;Motor Iberica S.A.&gt;, its Spanish <mark>unit</mark>.");
  }
}
