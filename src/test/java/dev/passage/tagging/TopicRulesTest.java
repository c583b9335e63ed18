package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.passage.ingest.TsvFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every keyword of topics.tsv gives its topic. */
class TopicRulesTest {

  private static final TopicTagger TAGGER = new TopicTagger(TopicRules.bundled());

  static Stream<TopicRules.Keyword> keywords() {
    return TopicRules.bundled().keywords().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keywords")
  void eachKeywordUsedTwiceInAParagraphGivesItsTopic(TopicRules.Keyword keyword) {
    String w = keyword.written();
    assertThat(TAGGER.topics(TAGGER.matches("Yesterday the " + w + " and the " + w + " again.")))
        .as("'%s'", w)
        .containsExactly(keyword.topic());
  }

  @Test
  void oneKeywordInAParagraphIsNoTopicUnlessTheArticleUsesTheTopicAgain() {
    assertThat(TAGGER.topics(TAGGER.matches("Lower oil prices hurt the quarter's results.")))
        .isEmpty();
    List<String> article =
        List.of(
            "Lower oil prices hurt the quarter's results.",
            "Sales rose 5 pct.",
            "The company cut its crude output.");
    assertThat(TAGGER.tag(article, List.of(List.of(), List.of(), List.of())))
        .extracting(topics -> topics.stream().map(TopicTagger.Topic::name).toList())
        .containsExactly(List.of("energy"), List.of("energy"), List.of("energy"));
    assertThat(TAGGER.tag(article, List.of(List.of(), List.of(), List.of())).get(0))
        .containsExactly(
            new TopicTagger.Topic("energy", "keyword oil prices in an article about energy"));
  }

  @Test
  void theHeadlineIsReadAsPartOfTheArticleButGetsNoTopic() {
    List<String> article = List.of("BP said it raised its posted prices for butane by 5 dlrs.");
    List<List<Mention>> names = List.of(List.of());
    assertThat(TAGGER.tag(null, article, names)).containsExactly(List.of());
    assertThat(TAGGER.tag("BP RAISES NORTH SEA BUTANE PRICES", article, names))
        .containsExactly(
            List.of(new TopicTagger.Topic("energy", "keyword butane in an article about energy")));
  }

  @Test
  void oneKeywordIsNoTopicInAnArticleThatUsesAnotherTopicOverFourTimesAsOften() {
    List<String> article =
        List.of(
            "Investors bought a stake; the bank's capital and its loans rose.",
            "Shareholders get a dividend; the fund and the investment grew.",
            "Its oil unit did well.",
            "Sales of oil were flat.");
    List<List<Mention>> names = List.of(List.of(), List.of(), List.of(), List.of());
    assertThat(TAGGER.tag("Results", article, names))
        .extracting(topics -> topics.stream().map(TopicTagger.Topic::name).toList())
        .containsExactly(List.of("investment"), List.of("investment"), List.of(), List.of());
    assertThat(TAGGER.tag("Results", article.subList(1, 4), names.subList(1, 4)))
        .extracting(topics -> topics.stream().map(TopicTagger.Topic::name).toList())
        .containsExactly(List.of("investment"), List.of("energy"), List.of("energy"));
  }

  @Test
  void aParagraphWithoutKeywordsTakesTheMainTopicOnlyWhenTheHeadlineNamesIt() {
    List<String> article = List.of("Oil and gas output rose.", "He smiled at the cameras.");
    List<List<Mention>> names = List.of(List.of(), List.of());
    assertThat(TAGGER.tag("Oil firm's quarter", article, names).get(1))
        .containsExactly(
            new TopicTagger.Topic("energy", "main topic of the article, named in its headline"));
    assertThat(TAGGER.tag("A good quarter", article, names).get(1)).isEmpty();
  }

  @Test
  void withoutAHeadlineTheFirstParagraphNamesTheMainTopic() {
    List<List<Mention>> names = List.of(List.of(), List.of(), List.of());
    assertThat(
            TAGGER
                .tag(null, List.of("Oil and gas output rose.", "He smiled.", "Coal too."), names)
                .get(1))
        .containsExactly(
            new TopicTagger.Topic(
                "energy", "main topic of the article, named in its first paragraph"));
    assertThat(TAGGER.tag(null, List.of("He smiled.", "Oil and gas output rose.", "Coal."), names))
        .element(0)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .isEmpty();
  }

  @Test
  void aKeywordInsideANameCountsOnlyWhenTheNameIsTheKeyword() {
    String text = "Husky Oil Ltd met OPEC and OPEC.";
    Mention husky =
        new Mention(EntityType.ORGANISATION, "Husky Oil", 0, 0, 13, "Husky Oil Ltd", "");
    Mention opec = new Mention(EntityType.ORGANISATION, "OPEC", 0, 18, 22, "OPEC", "");
    assertThat(TAGGER.matches(text, List.of(husky, opec)))
        .containsExactly(entry("energy", List.of("opec", "opec")));
  }

  @Test
  void wordsInAngleBracketsAreACompanysNameOrTickerAndCountForNoTopic() {
    assertThat(TAGGER.matches("<Standard Oil Co> and <Husky Oil Ltd> gave notice.")).isEmpty();
    assertThat(TAGGER.matches("QUAKER OATS <OAT> FILES SHELF REGISTRATION"))
        .containsExactly(entry("agriculture", List.of("oats")));
    assertThat(TAGGER.matches("Oil stocks rose < 5 pct while oil prices > 18 dlrs held."))
        .containsExactly(entry("energy", List.of("oil", "oil prices")));
  }

  @Test
  void aNameTheParagraphsNameIsANameInTheHeadlineTooWhateverItsCase() {
    List<String> article =
        List.of("Kansas Gas and Electric Co said February net rose.", "Revenues were flat.");
    Mention kge =
        new Mention(
            EntityType.ORGANISATION,
            "Kansas Gas and Electric",
            0,
            0,
            26,
            "Kansas Gas and Electric Co",
            "");
    List<List<Mention>> names = List.of(List.of(kge), List.of());
    assertThat(TAGGER.tag("KANSAS GAS AND ELECTRIC CO <KGE> FEBRUARY NET", article, names))
        .containsExactly(List.of(), List.of());
    assertThat(TAGGER.tag("KANSAS GAS AND ELECTRIC RAISES GAS, ELECTRICITY RATES", article, names))
        .containsExactly(
            List.of(
                new TopicTagger.Topic(
                    "energy", "main topic of the article, named in its headline")),
            List.of(
                new TopicTagger.Topic(
                    "energy", "main topic of the article, named in its headline")));
  }

  @Test
  void aWordEndingAPhraseOfAnotherTopicInTheArticleIsReadInThatPhrasesSense() {
    List<List<Mention>> names = List.of(List.of(), List.of());
    assertThat(TAGGER.tag(null, List.of("Palm oil output fell.", "The oil went to India."), names))
        .containsExactly(
            List.of(
                new TopicTagger.Topic(
                    "agriculture", "keyword palm oil in an article about agriculture")),
            List.of(
                new TopicTagger.Topic(
                    "agriculture",
                    "keyword oil (as in palm oil) in an article about agriculture")));
    assertThat(
            TAGGER
                .tag(null, List.of("Palm oil and crude oil fell.", "The oil went to India."), names)
                .get(1))
        .containsExactly(new TopicTagger.Topic("energy", "keyword oil in an article about energy"));
    assertThat(TAGGER.tag(null, List.of("Oil stocks fell.", "The oil went to India."), names))
        .containsExactly(
            List.of(new TopicTagger.Topic("energy", "keyword oil in an article about energy")),
            List.of(new TopicTagger.Topic("energy", "keyword oil in an article about energy")));
  }

  @Test
  void refinancingRenewingAndConnectingAreNoKeywords() {
    assertThat(TAGGER.matches("Refinancing renews the pact, connecting the plants.")).isEmpty();
    assertThat(TAGGER.matches("The refining of renewable power needs connectivity."))
        .containsExactly(
            entry("energy", List.of("refining", "renewable")),
            entry("transport", List.of("connectivity")));
  }

  @Test
  void talkingAndDeclaringAreNoDiplomacyButTalksAndADeclarationAre() {
    assertThat(TAGGER.matches("They talked about inflation; he declared a profit and will talk."))
        .isEmpty();
    assertThat(TAGGER.matches("Talks on a joint declaration."))
        .containsExactly(entry("diplomacy", List.of("talks", "declaration")));
  }

  @Test
  void talksNegotiationsAndVisitsAreDiplomacyOnlyInAnArticleThatUsesItsOtherWords() {
    List<String> transfer =
        List.of(
            "Mutu is to begin talks with Juventus as he looks for a new club.",
            "Negotiations on his contract go on, and his agent will visit Turin.");
    List<List<Mention>> none = List.of(List.of(), List.of());
    assertThat(TAGGER.tag(transfer, none)).containsExactly(List.of(), List.of());
    List<String> diplomacy =
        List.of(
            "The foreign minister arrived for talks in Beijing.",
            "Negotiations go on during the visit.");
    assertThat(TAGGER.tag(diplomacy, none))
        .extracting(topics -> topics.stream().map(TopicTagger.Topic::name).toList())
        .containsExactly(List.of("diplomacy"), List.of("diplomacy"));
    List<String> stateVisit =
        List.of(
            "The Pakistani president is in London on an official visit.",
            "He held talks with the prime minister at Downing Street.");
    assertThat(TAGGER.tag(stateVisit, none))
        .extracting(topics -> topics.stream().map(TopicTagger.Topic::name).toList())
        .containsExactly(List.of("diplomacy"), List.of("diplomacy"));
  }

  @Test
  void keywordsCountInAllTheirForms() {
    assertThat(TAGGER.matches("He visited; visits and visiting.").get("diplomacy")).hasSize(3);
  }

  @Test
  void aParagraphGetsAtMostThreeTopicsAndNoStrayOnes() {
    String text =
        "Oil, gas and uranium dominated; trade, exports and imports grew; investors and loans;"
            + " rivers and irrigation; one farm was mentioned.";
    assertThat(TAGGER.topics(TAGGER.matches(text)))
        .containsExactly("trade", "energy", "investment");
  }

  @Test
  void wordsTheStemmerFoldsIntoAKeywordButThatMeanSomethingElseCountForNoTopic() {
    assertThat(TAGGER.matches("It is important that good neighbours contain related customers."))
        .isEmpty();
    assertThat(TAGGER.matches("Imports of goods and customs relations."))
        .containsExactly(
            entry("trade", List.of("import", "customs")), entry("diplomacy", List.of("relations")));
    assertThat(TAGGER.matches("Shares traded; trading was active among traders.")).isEmpty();
    assertThat(TAGGER.matches("The Aviator leads the Oscars; aviators agree.")).isEmpty();
    assertThat(TAGGER.matches("Civil aviation grew."))
        .containsExactly(entry("transport", List.of("aviation")));
    assertThat(
            TAGGER.matches(
                "Electrical equipment makers face a transitional year; electrical work was done."))
        .isEmpty();
    assertThat(TAGGER.matches("Electricity from a power station; transit through the port."))
        .containsExactly(
            entry("energy", List.of("electricity", "power station")),
            entry("transport", List.of("transit", "port")));
  }

  @Test
  void shippingAndOilfieldPhrasesAreReadBeforeTheirWords() {
    assertThat(TAGGER.matches("The ferry and a cargo ship were held by the port strike."))
        .containsExactly(entry("transport", List.of("ferry", "cargo ship", "port strike")));
    assertThat(TAGGER.matches("An attack on an oil platform and two oil rigs."))
        .containsExactly(entry("energy", List.of("oil platform", "oil rig")));
    assertThat(TAGGER.matches("The two sides signed a trade pact after trade negotiations."))
        .containsExactly(entry("trade", List.of("trade pact", "trade negotiations")));
  }

  @Test
  void aQuestionMarkAfterAKeywordSaysItNeedsContext() {
    TopicRules rules = TopicRules.parse(TsvFile.parse("topics.tsv", "trade\texport?, tariff\n"));
    assertThat(rules.keywords())
        .extracting(TopicRules.Keyword::written, TopicRules.Keyword::needsContext)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("export", true),
            org.assertj.core.groups.Tuple.tuple("tariff", false));
  }

  @Test
  void aWordCannotBeBothAKeywordAndNotOne() {
    assertThatThrownBy(() ->
            TopicRules.parse(
                TsvFile.parse("topics.tsv", "trade\tgoods\nnot keywords\tgood, Goods\n")))
        .hasMessage("topics.tsv:2: 'goods' is a keyword of trade");
  }

  @Test
  void aTopicOfYourOwnIsATopicAndTheOrderOfFirstRowsBreaksTies() {
    TopicRules rules =
        TopicRules.parse(
            TsvFile.parse(
                "topics.tsv", "sport\tfootball, rugby\nbusiness\tshares\nsport\tcricket\n"));
    TopicTagger tagger = new TopicTagger(rules);
    List<String> article =
        List.of("Football and cricket fans bought shares in the club, shares that rose.");

    assertThat(rules.topics()).containsExactly("sport", "business");
    assertThat(tagger.tag(article, List.of(List.of())).getFirst())
        .extracting(TopicTagger.Topic::name)
        .containsExactly("sport", "business");
  }

  @Test
  void aTopicsNameIsLowerCaseWordsAndEveryTopicHasKeywords() {
    assertThatThrownBy(() -> TopicRules.parse(TsvFile.parse("topics.tsv", "Sport\tfootball\n")))
        .hasMessage(
            "topics.tsv:1: topic 'Sport' must be lower-case letters, digits, spaces and hyphens,"
                + " starting with a letter");
    assertThatThrownBy(() -> TopicRules.parse(TsvFile.parse("topics.tsv", "a:b\tfootball\n")))
        .hasMessageStartingWith("topics.tsv:1: topic 'a:b' must be lower-case");
    assertThatThrownBy(() -> TopicRules.parse(TsvFile.parse("topics.tsv", "sport\t , \n")))
        .hasMessage("topics.tsv:1: topic 'sport' has no keywords");
    assertThatThrownBy(() -> TopicRules.parse(TsvFile.parse("topics.tsv", "not keywords\tgood\n")))
        .hasMessage("no topics: a topics file needs a row of a topic and its keywords");
    assertThat(TopicRules.parse(TsvFile.parse("t.tsv", "real estate\thouses\n")).topics())
        .containsExactly("real estate");
  }
}
