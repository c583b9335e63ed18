package dev.passage.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.Dimension;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.ProcessedArticle;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The year tags and numbers that eval years draws, and facet counts as eval facets lists them. */
class YearTagsTest {

  private static final String CORPUS =
      """
      {"id": "a", "date": "1987-03-02", "text": "Profit rose in 1986.\\n\\nTrading stopped at 2100 GMT in March.\\n\\nThe Central Bank of Zeta said so."}
      {"id": "b", "text": "The 1960s were calm; in 2004 the Bank of Zeta grew."}
      """;

  @TempDir Path dir;

  private List<ProcessedArticle> corpus() throws Exception {
    return TaggedCorpus.read(
        Fixtures.write(dir, "corpus.jsonl", CORPUS), ArticlePipeline.bundled());
  }

  @Test
  void everyYearTagIsListedWithItsRuleAndItsArticlesDate() throws Exception {
    List<YearTags.Tag> tags = YearTags.tags(corpus());
    assertThat(tags)
        .extracting(
            YearTags.Tag::paragraph,
            YearTags.Tag::year,
            t -> t.reasons().getFirst().rule(),
            t -> String.valueOf(t.articleDate()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a#1", "1986", "stated year", "1987-03-02"),
            org.assertj.core.groups.Tuple.tuple(
                "a#2",
                "1987",
                "date without a year, read against the article's date",
                "1987-03-02"),
            org.assertj.core.groups.Tuple.tuple("b#1", "2004", "stated year", "null"));
  }

  @Test
  void everyNumberThatMayBeAYearIsListedWithWhetherItIsTagged() throws Exception {
    assertThat(YearTags.candidates(corpus()))
        .extracting(YearTags.Candidate::paragraph, YearTags.Candidate::number, c -> c.tagged())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a#1", "1986", true),
            org.assertj.core.groups.Tuple.tuple("b#1", "1960", false),
            org.assertj.core.groups.Tuple.tuple("b#1", "2004", true));
  }

  @Test
  void aDrawIsTheSameForTheSameSeedAndKeepsItsItemsWhenOthersAreAdded() {
    List<String> items = IntStream.range(0, 500).mapToObj(i -> "p" + i).toList();
    List<String> drawn = YearTags.draw(items, Function.identity(), 20, 18);
    assertThat(drawn).hasSize(20).doesNotHaveDuplicates();
    assertThat(YearTags.draw(items, Function.identity(), 20, 18)).isEqualTo(drawn);
    assertThat(YearTags.draw(items, Function.identity(), 20, 19)).isNotEqualTo(drawn);
    List<String> more = new ArrayList<>(items);
    more.add("p500");
    more.add("p501");
    List<String> redrawn = YearTags.draw(more, Function.identity(), 20, 18);
    assertThat(redrawn.stream().filter(drawn::contains).count()).isGreaterThanOrEqualTo(18);
  }

  @Test
  void facetValuesAreCountedByParagraphMostFirst() throws Exception {
    FacetValues orgs = FacetValues.of(corpus(), Dimension.ORGANISATION);
    assertThat(orgs.top(10))
        .containsExactly(
            new FacetValues.Count("Bank of Zeta", 1),
            new FacetValues.Count("Central Bank of Zeta", 1));
    assertThat(orgs.size()).isEqualTo(2);
  }
}
