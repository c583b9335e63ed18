package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What index and serve do with an index, decided before anything is written. */
class IndexPlanTest {

  @TempDir Path dir;

  private Path index() {
    return dir.resolve("index");
  }

  private IndexPlan plan(Path articles, Path names, boolean rebuild) throws Exception {
    return plan(articles, names, null, rebuild);
  }

  private IndexPlan plan(Path articles, Path names, Path topics, boolean rebuild) throws Exception {
    return IndexPlan.decide(
        index(), articles, names, topics, rebuild, dir.resolve("default"), source -> "rules");
  }

  private void buildWith(Path articles, Path names) throws Exception {
    Fixtures.write(articles, "a.txt", "Astana grew.");
    new IndexBuilder(new Schema(), ArticlePipeline.bundled(), "rules", 1)
        .build(new IndexSource(articles, names), index(), line -> {});
  }

  @Test
  void aNewIndexIsBuiltFromTheFolderGivenOrTheDefaultOne() throws Exception {
    assertThat(plan(null, null, false))
        .isEqualTo(
            new IndexPlan(
                new IndexSource(dir.resolve("default"), null),
                true,
                "there is no index in " + index() + " yet"));
    assertThat(plan(dir.resolve("mine"), null, false).source().articles())
        .isEqualTo(dir.resolve("mine"));
  }

  @Test
  void anIndexRemembersItsFolderAndNamesFileSoNeitherNeedsGivingAgain() throws Exception {
    Path names = Fixtures.write(dir, "names.tsv", "Wang Yi\tperson\t\n");
    buildWith(dir.resolve("a2"), names);

    assertThat(plan(null, null, false))
        .isEqualTo(new IndexPlan(new IndexSource(dir.resolve("a2"), names), false, null));
  }

  @Test
  void anotherNamesFileIsRefusedAndAGoneOneSaysHowToGoOn() throws Exception {
    Path names = Fixtures.write(dir, "names.tsv", "Wang Yi\tperson\t\n");
    buildWith(dir.resolve("a2"), names);

    assertThatThrownBy(() -> plan(null, dir.resolve("other.tsv"), false))
        .isInstanceOf(SourceConflictException.class)
        .hasMessage(
            "the index in "
                + index()
                + " was built from the names file "
                + names
                + ", not "
                + dir.resolve("other.tsv")
                + "; nothing was changed. --rebuild replaces it with an index of "
                + dir.resolve("a2")
                + " with the names file "
                + dir.resolve("other.tsv")
                + ", or give another --index to keep it.");
    Files.delete(names);
    assertThatThrownBy(() -> plan(null, null, false))
        .hasMessage(
            "the index in "
                + index()
                + " was built with the names file "
                + names
                + ", which is gone; restore it, or rebuild with another: --entities NEW.tsv"
                + " --rebuild");
  }

  @Test
  void anIndexRemembersItsTopicsFileRefusesAnotherAndReplacesItOnlyWhenAsked() throws Exception {
    Path names = Fixtures.write(dir, "names.tsv", "Wang Yi\tperson\t\n");
    Path topics = Fixtures.write(dir, "topics.tsv", "sport\tfootball\n");
    Path other = Fixtures.write(dir, "other.tsv", "games\tchess\n");
    Fixtures.write(dir.resolve("a2"), "a.txt", "Astana grew.");
    new IndexBuilder(new Schema(), ArticlePipeline.bundled(), "rules", 1)
        .build(new IndexSource(dir.resolve("a2"), names, topics), index(), line -> {});

    IndexPlan kept = plan(null, null, null, false);

    assertThat(kept)
        .isEqualTo(new IndexPlan(new IndexSource(dir.resolve("a2"), names, topics), false, null));
    assertThatThrownBy(() -> plan(null, null, other, false))
        .isInstanceOf(SourceConflictException.class)
        .hasMessage(
            "the index in "
                + index()
                + " was built from the topics file "
                + topics
                + ", not "
                + other
                + "; nothing was changed. --rebuild replaces it with an index of "
                + dir.resolve("a2")
                + " with the names file "
                + names
                + " and the topics file "
                + other
                + ", or give another --index to keep it.");
    assertThat(plan(null, null, other, true))
        .isEqualTo(
            new IndexPlan(
                new IndexSource(dir.resolve("a2"), names, other),
                true,
                "replacing the index of "
                    + dir.resolve("a2")
                    + " with the names file "
                    + names
                    + " and the topics file "
                    + topics
                    + " as asked"));
  }

  @Test
  void aLuceneIndexOfAnotherProgramIsNeverReplacedUnasked() throws Exception {
    try (var directory = FSDirectory.open(index());
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.addDocument(new Document());
      writer.commit();
    }

    assertThatThrownBy(() -> plan(dir.resolve("a"), null, false))
        .isInstanceOf(SourceConflictException.class)
        .hasMessageStartingWith(
            "the index in " + index() + " was not built by Passage; nothing was changed.");
    assertThat(plan(dir.resolve("a"), null, true).build()).isTrue();
  }
}
