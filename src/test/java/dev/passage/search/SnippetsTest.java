package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.SnippetRules;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
  void aShortSnippetIsLeftAlone() {
    assertThat(SnippetRules.trim("A <mark>short</mark> one.", 100))
        .isEqualTo("A <mark>short</mark> one.");
  }

  @Test
  void aLongSnippetIsCutAroundItsFirstMarkAtSpaces() {
    String before = "word ".repeat(40);
    String after = " tail".repeat(40);
    String trimmed = SnippetRules.trim(before + "<mark>CICA chairmanship</mark>" + after, 60);
    assertThat(trimmed)
        .startsWith("… word")
        .endsWith("tail …")
        .contains("<mark>CICA chairmanship</mark>");
    assertThat(trimmed.length()).isLessThan(80);
  }

  @Test
  void aCutNeverFallsInsideAMark() {
    String snippet = "a ".repeat(10) + "<mark>one two three four five six</mark>" + " b".repeat(30);
    String trimmed = SnippetRules.trim(snippet, 30);
    assertThat(trimmed).contains("<mark>one two three four five six</mark>");
    assertThat(trimmed.split("<mark>", -1).length).isEqualTo(trimmed.split("</mark>", -1).length);
  }

  @Test
  void theLightPassageScorerScoresExactlyAsLucenesDoes() {
    Passage passage = new Passage();
    passage.setStartOffset(40);
    passage.setEndOffset(140);
    String[] terms = {"cica", "chairmanship", "cica", "china", "cica", "chairmanship"};
    int[] freqsInDoc = {3, 2, 3, 5, 3, 2};
    for (int i = 0; i < terms.length; i++) {
      passage.addMatch(40 + i * 10, 44 + i * 10, new BytesRef(terms[i]), freqsInDoc[i]);
    }

    for (int contentLength : new int[] {150, 600, 4000}) {
      assertThat(new Snippets.LightPassageScorer().score(passage, contentLength))
          .isEqualTo(new PassageScorer().score(passage, contentLength));
    }
  }
}
