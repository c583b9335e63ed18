package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.ingest.TsvFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every spelling in entities.tsv is found as its entry. */
class EntityListTest {

  private static final EntityTagger TAGGER = EntityTagger.bundled();

  static Stream<Arguments> forms() {
    return EntityList.bundled().entities().stream()
        .flatMap(e -> e.forms().stream().map(form -> Arguments.of(form, e)));
  }

  static Stream<Arguments> guardedAliases() {
    return EntityList.bundled().entities().stream()
        .flatMap(e -> e.guardedAliases().stream().map(alias -> Arguments.of(alias, e)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedAliases")
  void aGuardedAliasIsItsEntryOnlyWhereTheArticleNamesItInFull(String alias, Entity entity) {
    List<List<Mention>> alone = TAGGER.tag(List.of("Yesterday " + alias + " was in the news."));
    assertThat(alone.getFirst())
        .as("'%s' alone (%s)", alias, entity.origin())
        .extracting(Mention::name)
        .doesNotContain(entity.canonical());
    List<List<Mention>> backed =
        TAGGER.tag(
            List.of(
                "Yesterday " + entity.canonical() + " was in the news.",
                "Later " + alias + " said no more."));
    assertThat(backed.getLast())
        .as("'%s' after '%s' (%s)", alias, entity.canonical(), entity.origin())
        .extracting(Mention::name, Mention::matched)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(entity.canonical(), alias));
  }

  @Test
  void anAliasEndingInAQuestionMarkIsGuarded() {
    Entity e =
        EntityList.parse(
                TsvFile.parse(
                    "names.tsv", "American Motors\torganisation\tAmerican Motors Corp|AMC?\n"))
            .entities()
            .getFirst();
    assertThat(e.aliases()).containsExactly("American Motors Corp");
    assertThat(e.guardedAliases()).containsExactly("AMC");
    assertThat(e.forms()).containsExactly("American Motors", "American Motors Corp");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void everySpellingIsFoundAsItsEntry(String form, Entity entity) {
    List<Mention> mentions =
        TAGGER.tag(List.of("Yesterday " + form + " was in the news.")).getFirst();
    if (entity.type().isTag()) {
      assertThat(mentions)
          .as("'%s' (%s)", form, entity.origin())
          .extracting(Mention::type, Mention::name, Mention::matched)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(entity.type(), entity.canonical(), form));
    } else {
      assertThat(mentions).as("'%s' is a %s, never a tag", form, entity.type()).isEmpty();
    }
  }

  @Test
  void noSpellingBelongsToTwoEntries() {
    Map<String, String> owner = new HashMap<>();
    for (Entity e : EntityList.bundled().entities()) {
      for (String form : e.forms()) {
        String previous = owner.put(form, e.canonical());
        assertThat(previous == null || previous.equals(e.canonical()))
            .as("'%s' is listed for %s and %s", form, previous, e.canonical())
            .isTrue();
      }
    }
  }

  @Test
  void aMistakeInANamesFileNamesItsLine() {
    assertThatThrownBy(() -> EntityList.parse(TsvFile.parse("names.tsv", "Wang Yi\tpeople\n")))
        .hasMessage("names.tsv:1: unknown type 'people'; use person, organisation, place or other");
  }
}
