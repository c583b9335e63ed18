package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.TsvFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every entry of the name lexicon does its job: each given name, followed by a surname no list
 * knows, is tagged as that person; each family name written first, followed by a given name.
 */
class NameLexiconTest {

  private static final EntityTagger TAGGER = EntityTagger.bundled();

  private static List<String> persons(String text) {
    return TAGGER.tag(List.of(text)).getFirst().stream()
        .filter(m -> m.type() == EntityType.PERSON)
        .map(Mention::name)
        .toList();
  }

  /** The entries for which {@code sentence} (with the entry in it) does not tag {@code name}. */
  private static List<String> failures(String resource, String sentence, String name) {
    List<String> failed = new ArrayList<>();
    for (TsvFile.Row row : TsvFile.resource(resource)) {
      String entry = row.column(0);
      if (!persons(sentence.formatted(entry)).equals(List.of(name.formatted(entry)))) {
        failed.add(entry + " (line " + row.line() + ")");
      }
    }
    return failed;
  }

  @Test
  void everyGivenNameBeforeASurnameIsAPerson() {
    assertThat(
            failures(
                NameLexicon.GIVEN_NAMES,
                "The report quoted %s Brandvold at length.",
                "%s Brandvold"))
        .isEmpty();
  }

  @Test
  void everyFamilyNameWrittenFirstBeforeAGivenNameIsAPerson() {
    assertThat(
            failures(
                NameLexicon.FAMILY_NAMES_FIRST,
                "The report quoted %s Xuelong at length.",
                "%s Xuelong"))
        .isEmpty();
  }
}
