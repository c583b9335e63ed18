package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ArticleLimitsTest {

  private static final int LIMIT = ArticleLimits.MAX_TEXT_CHARS;

  @Test
  void aLongTextIsCutAtTheLastParagraphEndBeforeTheLimit() {
    String text = "a".repeat(LIMIT - 10) + "\n\nSecond paragraph runs past the limit.";
    assertThat(ArticleLimits.cutText(text)).isEqualTo("a".repeat(LIMIT - 10));
  }

  @Test
  void aTextOfOneLongParagraphIsCutAtALineEndOrElseAWord() {
    String lines = "a".repeat(LIMIT - 10) + "\nnext line " + "b".repeat(100);
    assertThat(ArticleLimits.cutText(lines)).isEqualTo("a".repeat(LIMIT - 10));
    String words = "word ".repeat(LIMIT / 5 + 10);
    assertThat(ArticleLimits.cutText(words)).hasSize(LIMIT - 1).endsWith("word");
  }

  @Test
  void aTextWithoutSpacesIsCutAtTheLimitButNotInsideACharacter() {
    String emoji = "\uD83D\uDE00";
    assertThat(ArticleLimits.cutText("x".repeat(LIMIT + 5))).hasSize(LIMIT);
    String pairs = "x" + emoji.repeat(LIMIT);
    String cut = ArticleLimits.cutText(pairs);
    assertThat(cut).hasSize(LIMIT - 1).endsWith(emoji);
  }

  @Test
  void anArticleWithinTheLimitsIsLeftAlone() {
    Article article = new Article("a", "Title", null, "Source", null, "Text.", "a.txt");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    assertThat(ArticleLimits.apply(article, sink)).isEqualTo(article);
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void anOverlongIdIsSkippedBecauseCuttingItCouldMakeTwoArticlesOne() {
    String id = "i".repeat(ArticleLimits.MAX_ID_CHARS + 1);
    Article article = new Article(id, null, null, null, null, "Text.", "c.jsonl:4");
    Fixtures.Collecting sink = new Fixtures.Collecting();
    assertThat(ArticleLimits.apply(article, sink)).isNull();
    assertThat(sink.problems)
        .containsExactly(
            Problem.skipped(
                "c.jsonl:4",
                String.format(
                    "id is %,d characters, over the %,d character limit",
                    ArticleLimits.MAX_ID_CHARS + 1, ArticleLimits.MAX_ID_CHARS)));
  }
}
