package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.ingest.TsvFile;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every word of name-rules.tsv does its job, checked with names no list knows. */
class NameRulesTest {

  private static final EntityTagger TAGGER = new EntityTagger(EntityList.parse(List.of()));

  static Stream<String> words(String kind) {
    return TsvFile.resource(NameRules.RESOURCE).stream()
        .filter(row -> row.column(0).equals(kind))
        .map(row -> row.column(1));
  }

  static Stream<String> titles() {
    return words("title");
  }

  static Stream<String> orgWords() {
    return words("org-word");
  }

  static Stream<String> notNames() {
    return words("not-a-name");
  }

  static Stream<String> openers() {
    return words("opener");
  }

  static Stream<String> connectors() {
    return words("connector");
  }

  static Stream<String> particles() {
    return words("particle");
  }

  static Stream<String> owners() {
    return words("owner");
  }

  static Stream<String> legalForms() {
    return words("legal-form");
  }

  static Stream<String> genericHeads() {
    return words("generic-head");
  }

  static Stream<String> surnames() {
    return words("surname");
  }

  static Stream<String> commonAcronyms() {
    return words("common-acronym");
  }

  private static List<String> found(EntityType type, String text) {
    return found(TAGGER, type, text);
  }

  private static List<String> found(EntityTagger tagger, EntityType type, String text) {
    return tagger.tag(List.of(text)).getFirst().stream()
        .filter(m -> m.type() == type)
        .map(Mention::name)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("titles")
  void aTitleIntroducesAPersonWithoutBeingPartOfTheName(String title) {
    assertThat(found(EntityType.PERSON, "Yesterday " + title + " Oskar Brandvold spoke."))
        .containsExactly("Oskar Brandvold");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orgWords")
  void anOrganisationWordEndsAnOrganisationsName(String word) {
    assertThat(
            found(EntityType.ORGANISATION, "They joined the Brandvold Zeta " + word + " in May."))
        .containsExactly("Brandvold Zeta " + word);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notNames")
  void aWordThatIsNeverANameStaysOutOfTheName(String word) {
    assertThat(found(EntityType.PERSON, "He met Minister " + word + " Oskar Brandvold there."))
        .containsExactly("Oskar Brandvold");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openers")
  void aSentenceOpenerStaysOutOfAnOrganisationsName(String word) {
    assertThat(found(EntityType.ORGANISATION, "Fine. " + word + " Brandvold Zeta Council met."))
        .containsExactly("Brandvold Zeta Council");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectors")
  void aConnectorJoinsTheWordsOfAnOrganisation(String word) {
    // Inside the complement: right after the organisation word, "and" joins the next name.
    assertThat(
            found(
                EntityType.ORGANISATION,
                "At the Brandvold Institute of Zeta " + word + " Quux Arts."))
        .containsExactly("Brandvold Institute of Zeta " + word + " Quux Arts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("particles")
  void aParticleStaysInsideAPersonsName(String word) {
    assertThat(found(EntityType.PERSON, "He met Ambassador Oskar " + word + " Brandvold there."))
        .containsExactly("Oskar " + word + " Brandvold");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("owners")
  void anOwnersPossessiveStaysInsideAnOrganisationsName(String word) {
    assertThat(found(EntityType.ORGANISATION, "The Zeta " + word + "'s Democratic Party won."))
        .containsExactly("Zeta " + word + "'s Democratic Party");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legalForms")
  void aLegalFormIsNoOrganisationAloneOrWithOtherLegalForms(String form) {
    assertThat(
            found(
                EntityType.ORGANISATION,
                "Shares in Co " + form + " rose, and " + form.toUpperCase(Locale.ROOT) + " fell."))
        .isEmpty();
    assertThat(found(EntityType.ORGANISATION, "Shares in Brandvold Zeta Co " + form + " rose."))
        .singleElement()
        .asString()
        .startsWith("Brandvold Zeta Co");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commonAcronyms")
  void aCommonAcronymIsNoOrganisation(String word) {
    assertThat(found(EntityType.ORGANISATION, "Figures for " + word + " came out in May."))
        .isEmpty();
    assertThat(found(EntityType.ORGANISATION, "Figures for BRZV came out in May."))
        .containsExactly("BRZV");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("genericHeads")
  void aGenericHeadIsNoOrganisationUnlessItsArticleNamesTheOneBodyInFull(String head) {
    assertThat(found(EntityType.ORGANISATION, "Yesterday the " + head + " said it would act."))
        .isEmpty();
    List<List<Mention>> article =
        TAGGER.tag(
            List.of("The Zetan " + head + " met on Monday.", "Later the " + head + " said so."));
    assertThat(article.getLast())
        .extracting(Mention::type, Mention::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EntityType.ORGANISATION, "Zetan " + head));
    List<List<Mention>> two =
        TAGGER.tag(
            List.of(
                "The Zetan " + head + " and the Brandvold " + head + " met.",
                "Later the " + head + " said so."));
    assertThat(two.getLast()).noneMatch(m -> m.type().isTag());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surnames")
  void aSurnameEndsTheNameOfTheGivenNamesBeforeItButNotBeforeANumber(String word) {
    // With the bundled list, whose places ("Jordan") keep words out of names as the rules do.
    EntityTagger tagger = EntityTagger.bundled();
    assertThat(
            found(
                tagger, EntityType.PERSON, "Yesterday John " + word + " spoke to Oskar Brandvold."))
        .containsExactly("John " + word, "Oskar Brandvold");
    assertThat(found(tagger, EntityType.PERSON, "Yesterday John " + word + " 5 spoke."))
        .doesNotContain("John " + word);
  }

  @Test
  void anUnknownKindIsReportedWithItsLine() {
    assertThatThrownBy(() -> NameRules.parse(TsvFile.parse("rules.tsv", "titel\tKing\n")))
        .hasMessageStartingWith("rules.tsv:1: unknown kind 'titel'");
  }
}
