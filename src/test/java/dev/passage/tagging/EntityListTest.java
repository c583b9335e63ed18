package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.ingest.ArticleDate;
import dev.passage.ingest.TsvFile;
import java.time.LocalDate;
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

  static Stream<Arguments> datedForms() {
    return EntityList.bundled().entities().stream()
        .flatMap(e ->
            e.periods().entrySet().stream()
                .map(p -> Arguments.of(p.getKey(), p.getValue().written(), e)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("datedForms")
  void aDatedSpellingIsItsEntryInsideItsPeriodAndNotOutside(
      String form, String written, Entity entity) {
    NamePeriod period = entity.period(form);
    List<String> text = List.of("Yesterday " + form + " was in the news.");
    for (ArticleDate inside : new ArticleDate[] {period.from(), period.to()}) {
      if (inside != null) {
        assertThat(TAGGER.tag(text, inside).getFirst())
            .as("'%s' in an article of %s (%s)", form, inside, entity.origin())
            .extracting(Mention::name)
            .containsExactly(entity.canonical());
      }
    }
    for (ArticleDate outside : new ArticleDate[] {before(period.from()), after(period.to())}) {
      if (outside != null) {
        assertThat(TAGGER.tag(text, outside).getFirst())
            .as("'%s' in an article of %s (%s)", form, outside, entity.origin())
            .extracting(Mention::name)
            .doesNotContain(entity.canonical());
      }
    }
    assertThat(TAGGER.tag(text, null).getFirst())
        .as("'%s' in an article without a date", form)
        .extracting(Mention::name)
        .doesNotContain(entity.canonical());
  }

  /** The month before a period that begins with {@code date}'s month, or null. */
  private static ArticleDate before(ArticleDate date) {
    if (date == null) {
      return null;
    }
    LocalDate d = LocalDate.of(date.year(), Math.max(date.month(), 1), 1).minusMonths(1);
    return new ArticleDate(d.getYear(), d.getMonthValue(), 0);
  }

  /** The month after a period that ends with {@code date}'s month, or null. */
  private static ArticleDate after(ArticleDate date) {
    if (date == null) {
      return null;
    }
    LocalDate d = LocalDate.of(date.year(), date.month() == 0 ? 12 : date.month(), 1).plusMonths(1);
    return new ArticleDate(d.getYear(), d.getMonthValue(), 0);
  }

  @Test
  void theEcIsTheCommunityIn1987TheCommissionIn2004AndAsWrittenWithoutADate() {
    List<String> text = List.of("The EC said no.");
    assertThat(TAGGER.tag(text, ArticleDate.parse("1987-03-02")).getFirst())
        .extracting(Mention::name, Mention::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "European Community",
                "names list ("
                    + origin("European Community")
                    + "), 'EC' in use to 1993-10, the article being of 1987-03-02"));
    assertThat(TAGGER.tag(text, ArticleDate.parse("2004-05")).getFirst())
        .extracting(Mention::name)
        .containsExactly("European Commission");
    assertThat(TAGGER.tag(text, ArticleDate.parse("1993")).getFirst())
        .extracting(Mention::name)
        .containsExactly("EC");
    assertThat(TAGGER.tag(text, null).getFirst()).extracting(Mention::name).containsExactly("EC");
  }

  @Test
  void aDatedAliasWinsOverTheSameSpellingListedWithoutAPeriodOnlyInsideItsPeriod() {
    List<String> text = List.of("Exxon said no.");
    assertThat(TAGGER.tag(text, ArticleDate.parse("1987")).getFirst())
        .extracting(Mention::name)
        .containsExactly("Exxon");
    assertThat(TAGGER.tag(text, ArticleDate.parse("2004-05-01")).getFirst())
        .extracting(Mention::name)
        .containsExactly("Exxon Mobil");
    assertThat(TAGGER.tag(text, null).getFirst())
        .extracting(Mention::name)
        .containsExactly("Exxon");
  }

  @Test
  void aPeriodIsWrittenInBracketsAfterTheNameOrAlias() {
    Entity e =
        EntityList.parse(
                TsvFile.parse(
                    "names.tsv",
                    "Old Co [to 1990]\torganisation\tOC [from 1980-02 to 1990-06-30]|OCO? [to 1985]\n"))
            .entities()
            .getFirst();
    assertThat(e.canonical()).isEqualTo("Old Co");
    assertThat(e.aliases()).containsExactly("OC");
    assertThat(e.guardedAliases()).containsExactly("OCO");
    assertThat(e.period("Old Co").written()).isEqualTo("to 1990");
    assertThat(e.period("OC").written()).isEqualTo("from 1980-02 to 1990-06-30");
    assertThat(e.period("OCO").written()).isEqualTo("to 1985");
  }

  @Test
  void aBadPeriodNamesItsLine() {
    assertThatThrownBy(
            () -> EntityList.parse(TsvFile.parse("names.tsv", "Old Co\torganisation\tOC [1990]\n")))
        .hasMessage(
            "names.tsv:1: 'OC [1990]': a period is written [from DATE], [to DATE] or [from DATE to"
                + " DATE]");
    assertThatThrownBy(() ->
            EntityList.parse(
                TsvFile.parse("names.tsv", "Old Co\torganisation\tOC [from 1990 to 1980]\n")))
        .hasMessage("names.tsv:1: 'OC [from 1990 to 1980]': the period ends before it begins");
  }

  private static String origin(String canonical) {
    return EntityList.bundled().entities().stream()
        .filter(e -> e.canonical().equals(canonical))
        .map(Entity::origin)
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void everySpellingIsFoundAsItsEntry(String form, Entity entity) {
    NamePeriod period = entity.period(form);
    ArticleDate date = period == null ? null : period.from() != null ? period.from() : period.to();
    List<Mention> mentions =
        TAGGER.tag(List.of("Yesterday " + form + " was in the news."), date).getFirst();
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
  void noSpellingBelongsToTwoEntriesWithoutAPeriod() {
    Map<String, String> owner = new HashMap<>();
    for (Entity e : EntityList.bundled().entities()) {
      for (String form : e.forms()) {
        if (e.period(form) != null) {
          continue;
        }
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
