package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFingerprintTest {

  @TempDir Path dir;

  private Path classes(String name, String content) throws IOException {
    Path root = dir.resolve(name);
    write(root.resolve("dev/passage/tagging/YearFinder.class"), content);
    write(root.resolve("dev/passage/tagging/TopicTagger$Topic.class"), "topic");
    write(root.resolve("dev/passage/web/PageHandlers.class"), "a page");
    return root;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Path jar(Path classes) throws IOException {
    Path jar = dir.resolve(classes.getFileName() + ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      // In another order than the folder's walk: the digest must not depend on it.
      for (String name :
          new String[] {
            "dev/passage/web/PageHandlers.class",
            "dev/passage/tagging/YearFinder.class",
            "dev/passage/tagging/TopicTagger$Topic.class"
          }) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Files.readString(classes.resolve(name)).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void changedTaggingCodeChangesTheDigestAndOtherCodeDoesNot() throws Exception {
    byte[] before = RulesFingerprint.taggingCode(classes("before", "years v1"));
    Path changed = classes("changed", "years v2");
    Path unrelated = classes("unrelated", "years v1");
    write(unrelated.resolve("dev/passage/web/PageHandlers.class"), "another page");

    assertThat(RulesFingerprint.taggingCode(changed)).isNotEqualTo(before);
    assertThat(RulesFingerprint.taggingCode(unrelated)).isEqualTo(before);
  }

  @Test
  void theSameClassesInAJarOrAFolderGiveTheSameDigest() throws Exception {
    Path folder = classes("folder", "years v1");

    assertThat(RulesFingerprint.taggingCode(jar(folder)))
        .isEqualTo(RulesFingerprint.taggingCode(folder));
  }

  @Test
  void passagesOwnClassesAreDigestedIntoTheFingerprint() throws Exception {
    Path own =
        Path.of(RulesFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    assertThat(RulesFingerprint.taggingCode(own)).isNotEqualTo(RulesFingerprint.taggingCode(null));
    assertThat(RulesFingerprint.of(null, null))
        .hasSize(24)
        .isEqualTo(RulesFingerprint.of(null, null));
  }
}
