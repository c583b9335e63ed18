package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.CliRun;
import dev.passage.testing.Fixtures;
import dev.passage.testing.OpenSearchCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a real cluster, as a person types it: an index built, searched and brought up
 * to date, and refused when it belongs to another folder.
 */
class OpenSearchCliTest {

  @TempDir Path dir;

  private CliRun onCluster(String command, String... more) {
    return onIndex("cli", command, more);
  }

  private CliRun onIndex(String index, String command, String... more) {
    String[] args = new String[more.length + 6];
    args[0] = command;
    args[1] = "--engine";
    args[2] = "opensearch";
    args[3] = "--opensearch";
    args[4] = String.join(",", OpenSearchCluster.shared().urls());
    args[5] = "--opensearch-index=" + index;
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.of(args);
  }

  @Test
  void anIndexIsBuiltUpdatedSearchedAndNeverReplacedByAnotherFoldersWithoutRebuild()
      throws Exception {
    Path a2 = dir.resolve("a2");
    Path a3 = dir.resolve("a3");
    Fixtures.write(dir, "a2/zebrafish.txt", Fixtures.article("Fins", "2020", "Zebrafish swim."));
    Fixtures.write(dir, "a3/otter.txt", Fixtures.article("Otters", "2021", "Otters float."));

    CliRun built = onCluster("index", "--articles", a2.toString(), "--rebuild");
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out()).contains("Indexed 1 article, 1 paragraph");

    Fixtures.write(dir, "a2/eel.txt", Fixtures.article("Eels", "2022", "Eels wriggle."));
    CliRun updated = onCluster("index");
    assertThat(updated.out()).startsWith("1 added, 0 changed, 0 removed, 1 unchanged in ");
    assertThat(onCluster("search", "eels OR zebrafish").out())
        .startsWith("2 paragraphs match “eels OR zebrafish”");

    CliRun refused = onCluster("index", "--articles", a3.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith("passage: the index cli on " + OpenSearchCluster.shared().urls().getFirst())
        .contains(
            " was built from "
                + a2.toAbsolutePath()
                + ", not "
                + a3.toAbsolutePath()
                + "; nothing was changed. --rebuild replaces it");
    assertThat(onCluster("search", "zebrafish").out()).startsWith("1 paragraph match");

    Files.delete(a2.resolve("eel.txt"));
    assertThat(onCluster("index").out()).startsWith("0 added, 0 changed, 1 removed, 1 unchanged");
    assertThat(onCluster("index", "--articles", a3.toString(), "--rebuild").code()).isZero();
    assertThat(onCluster("search", "otters").out()).startsWith("1 paragraph match");
    assertThat(onCluster("search", "zebrafish").out()).startsWith("0 paragraphs match");
  }

  @Test
  void anIndexOnTheClusterRemembersItsTopicsFileAndRefusesAnother() throws Exception {
    Path articles = dir.resolve("sport");
    Fixtures.write(
        dir,
        "sport/derby.txt",
        Fixtures.article("Derby", "2024", "The football derby ended in a draw.\n"));
    Path topics = Fixtures.write(dir, "topics.tsv", "sport\tfootball, derby\n");
    Path other = Fixtures.write(dir, "other.tsv", "games\tfootball\n");

    CliRun built =
        onIndex(
            "cli-topics",
            "index",
            "--articles",
            articles.toString(),
            "--topics",
            topics.toString(),
            "--rebuild");
    CliRun kept = onIndex("cli-topics", "index");
    CliRun refused = onIndex("cli-topics", "index", "--topics", other.toString());

    assertThat(built.code()).as(built.err()).isZero();
    assertThat(onIndex("cli-topics", "search", "--topic", "Sport").out())
        .startsWith("1 paragraph match");
    assertThat(kept.out()).startsWith("0 added, 0 changed, 0 removed, 1 unchanged in ");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            " was built from the topics file "
                + topics.toAbsolutePath()
                + ", not "
                + other.toAbsolutePath()
                + "; nothing was changed.");
  }
}
