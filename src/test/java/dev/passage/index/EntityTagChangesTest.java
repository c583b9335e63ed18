package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleDate;
import dev.passage.ingest.TsvFile;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityTagger;
import org.junit.jupiter.api.Test;

class EntityTagChangesTest {

  private static final Article ARTICLE =
      new Article(
          "a",
          "Forum",
          ArticleDate.parse("2024"),
          null,
          null,
          """
          Elbasy opened the forum in Astana.

          Wang Yi attended the SCO summit in Tashkent.

          The Shanghai Cooperation Organisation met, and Wang Yi spoke.

          The talks ended.
          """,
          "a.txt");

  private static EntityTagChanges.Count changesMadeBy(String namesFile) {
    EntityList merged =
        EntityList.bundled().merge(EntityList.parse(TsvFile.parse("mine.tsv", namesFile)));
    EntityTagChanges changes = new EntityTagChanges(EntityTagger.bundled());
    changes.accept(ArticlePipeline.create(merged).process(ARTICLE).orElseThrow());
    return changes.count();
  }

  @Test
  void anAddedAliasAddsATagWhereverItIsWritten() {
    assertThat(
            changesMadeBy(
                "Nursultan Nazarbayev\tperson\tNursultan Nazarbaev|Nazarbayev|Nazarbaev|Elbasy\n"))
        .isEqualTo(new EntityTagChanges.Count(1, 0, 1));
  }

  @Test
  void aRenamedCanonicalNameRemovesTheOldTagAndAddsTheNewOneInEveryParagraph() {
    EntityTagChanges.Count count =
        changesMadeBy(
            "Shanghai Cooperation Organization\torganisation\t"
                + "Shanghai Cooperation Organisation|SCO\n");
    assertThat(count).isEqualTo(new EntityTagChanges.Count(2, 2, 2));
    assertThat(count.tags()).isEqualTo(4);
  }

  @Test
  void theBundledNamesThemselvesChangeNothing() {
    assertThat(changesMadeBy("Wang Yi\tperson\n")).isEqualTo(new EntityTagChanges.Count(0, 0, 0));
  }
}
