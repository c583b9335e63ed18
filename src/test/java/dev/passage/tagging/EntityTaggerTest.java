package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.TsvFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

  private static final EntityTagger BUNDLED = EntityTagger.bundled();

  /** A tagger that knows places but no people or organisations: only the rules find those. */
  private static final EntityTagger RULES_ONLY =
      new EntityTagger(
          EntityList.parse(
              TsvFile.resource(EntityList.RESOURCE).stream()
                  .filter(row -> row.column(1).equals("place"))
                  .toList()));

  private static List<String> names(EntityTagger tagger, EntityType type, String... paragraphs) {
    return tagger.tag(List.of(paragraphs)).stream()
        .flatMap(List::stream)
        .filter(m -> m.type() == type)
        .map(Mention::name)
        .distinct()
        .toList();
  }

  @Test
  void aMisspeltNameOnTheListIsTheCanonicalPerson() {
    assertThat(
            names(
                BUNDLED,
                EntityType.PERSON,
                "The forthcoming visit of China’s new president, Xi Jingpin, to Kazakhstan."))
        .containsExactly("Xi Jinping");
    assertThat(names(BUNDLED, EntityType.PERSON, "He talked with Foreign Minister Erlan Edrissov."))
        .containsExactly("Erlan Idrissov");
  }

  @Test
  void acronymsAndSpellingsOfAnOrganisationAreOneOrganisation() {
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "Cooperation within the SCO and the Shanghai Cooperation Organization.",
                "The Shanghai Cooperation Organisation (SCO) and CICA met.",
                "The Conference on Interaction and Confidence-building Measures in Asia (CICA)."))
        .containsExactly(
            "Shanghai Cooperation Organisation",
            "Conference on Interaction and Confidence Building Measures in Asia");
  }

  @Test
  void anOrganisationsComplementRunsToTheEndOfAPlaceOfSeveralWords() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The Reserve Bank of New Zealand met.",
                "Later the Reserve Bank said rates would rise."))
        .containsExactly("Reserve Bank of New Zealand");
  }

  @Test
  void aTickerCodeInAngleBracketsIsNoOrganisation() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "Brandvold Zeta Co <BZC> and Volvo <VOLV ST> ordered 15 jets from <Zetan"
                    + " Aircraft Inc> and <RUCF.PA>."))
        .containsExactly("Brandvold Zeta Co", "Zetan Aircraft Inc");
  }

  @Test
  void anAcronymsLegalFormIsLeftOutOfItsName() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "BZC Corp said it would buy Brandvold Zeta Co.",
                "Later BZC said no more."))
        .containsExactly("BZC", "Brandvold Zeta Co");
  }

  @Test
  void anAcronymAloneIsTheOrganisationWhoseNameItOpensInTheArticle() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "BZC International Inc said it would sell a unit.",
                "Later BZC said no more."))
        .containsExactly("BZC International Inc");
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "BZC International Inc and BZC Holdings Ltd met.",
                "Later BZC said no more."))
        .containsExactly("BZC International Inc", "BZC Holdings Ltd", "BZC");
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "The UK Film Council funded it.",
                "Later the UK said no more."))
        .containsExactly("UK Film Council");
  }

  @Test
  void aWordThatTitlesUseDoesNotEndAnOrganisationsComplementButATitledPersonDoes() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The US Department of Energy and the Department of Justice said.",
                "Bank of Zeta Governor Oskar Brandvold spoke."))
        .containsExactly("US Department of Energy", "Department of Justice", "Bank of Zeta");
  }

  @Test
  void aPartnershipWrittenWithACommaIsItsListedName() {
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "Goldman, Sachs and Co said it bought shares.",
                "Goldman Sachs and Co sold them."))
        .containsExactly("Goldman Sachs");
  }

  @Test
  void aDefinitionWrittenWithAPossessiveNamesTheBodyWithoutIt() {
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "The Australian Wheat Board's (AWB) 1986/87 export program is well advanced.",
                "An AWB spokesman said sales include Egypt."))
        .containsExactly("Australian Wheat Board");
  }

  @Test
  void aBodyWrittenTwoWaysIsOneValue() {
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "The Institute for Fiscal Studies said taxes would rise.",
                "The Institute of Fiscal Studies disagreed."))
        .containsExactly("Institute for Fiscal Studies");
  }

  @Test
  void aGuardedAcronymIsItsListedNameOnlyBesideTheFullName() {
    assertThat(names(BUNDLED, EntityType.ORGANISATION, "CPC raised fuel prices."))
        .doesNotContain("Communist Party of China");
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "The Communist Party of China met.",
                "The CPC said it would act."))
        .containsExactly("Communist Party of China");
  }

  @Test
  void aTitleIntroducesAPersonAndIsNotPartOfTheName() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Prime Minister Serik Akhmetov of Kazakhstan met Premier Li Keqiang.",
                "Kazakh President Kassym-Jomart Tokayev thanked Chinese sculptor Yuan Xikun."))
        .containsExactly("Serik Akhmetov", "Li Keqiang", "Kassym-Jomart Tokayev", "Yuan Xikun");
  }

  @Test
  void aRoleInLowerCaseIsFollowedByItsPersonAtOnceOrAfterACommaNotByWhatItWorksFor() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "A spokesman for Yukos said so, and an analyst for Peters and Co agreed.",
                "Its spokesman, Serik Akhmetov, declined; sculptor Yuan Xikun did not."))
        .containsExactly("Serik Akhmetov", "Yuan Xikun");
  }

  @Test
  void aRoleCapitalisedInsideASentenceIsATitleOnlyBeforeAGivenName() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Sri Lanka won the third match of the Singer World Series on Friday.",
                "He became Leader of the Opposition at 36.",
                "Senate Majority Leader Robert Dole spoke. Singer Pete Doherty sang."))
        .containsExactly("Robert Dole", "Pete Doherty");
  }

  @Test
  void aGivenNameAloneBeforeAWordNoNameHoldsIsNoPersonRatherThanAFragment() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Yukos spokesman Mike Lake said so.",
                "Payments go to Prince Edward Island; Prince Charles said so."))
        .containsExactly("Charles");
  }

  @Test
  void anInitialThatCouldOpenASentenceIsPartOfTheNameItStandsIn() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Chairman Laurence A. Tisch said so.",
                "A. Reporter wrote it. Judge Clarence A. Brimmer denied it."))
        .containsExactly("Laurence Tisch", "Clarence Brimmer");
  }

  @Test
  void aMiddleInitialIsLeftOutOfTheNameSoAPersonIsOneFacetValue() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Dudley S. Taft bid on Monday; chairman Laurence A. Tisch agreed.",
                "Dudley Taft said so; chairman W.A. Kistler and John F. Kennedy did not."))
        .containsExactly("Dudley Taft", "Laurence Tisch", "W.A. Kistler", "John Kennedy");
  }

  @Test
  void aTitleBeforeAnOrganisationsNameFindsThePersonAfterItNotAWordOfIt() {
    String[] text = {
      "Director of the Office of Management and Budget James Miller said so.",
      "Richard Lacy, Chairman of Exco International Inc, agreed.",
      "Robert Smith, Chairman of the Federation of Economic Organisations, spoke."
    };
    assertThat(names(RULES_ONLY, EntityType.PERSON, text))
        .containsExactly("James Miller", "Richard Lacy", "Robert Smith");
    assertThat(names(RULES_ONLY, EntityType.ORGANISATION, text))
        .containsExactly(
            "Office of Management and Budget",
            "Exco International Inc",
            "Federation of Economic Organisations");
  }

  @Test
  void thePronounIIsNoPersonAfterATitleButAnInitialOrARegnalNumberIs() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "She called him an artist I admire; thank you, John I said.",
                "He met the director. I have said so; sculptor I. M. Pei came.",
                "As Queen Elizabeth I in a new film; the warrant for Charles I, and Nigel I met."))
        .containsExactly("I. M. Pei", "Elizabeth I", "Charles I");
  }

  @Test
  void oneWordAfterAnOfficesWordsIsThePersonOnlyWhenTheArticleNamesThemInFull() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "A spokesman for the Director of Public Prosecutions said so.",
                "Secretary of State Shultz spoke, and George Shultz agreed."))
        .containsExactly("George Shultz");
  }

  @Test
  void aTitleWordAfterGivenNamesIsTheirSurnameNotATitle() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Bank of England governor Mervyn King warned on Tuesday.",
                "Analyst Brian Singer said so; King Abdullah and Queen Elizabeth met.",
                "Kazakh President Kassym-Jomart Tokayev President of the republic spoke."))
        .containsExactly(
            "Mervyn King", "Brian Singer", "Abdullah", "Elizabeth", "Kassym-Jomart Tokayev");
  }

  @Test
  void theWordsOfAnOfficeBetweenTitleAndNameAreSkipped() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "He met Minister of Foreign Affairs Erlan Idrissov.",
                "Speaker of the Lower Home of the Parliament Nurlan Nigmatulin spoke.",
                "Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs, Murat"
                    + " Nurtleu, replied."))
        .containsExactly("Erlan Idrissov", "Nurlan Nigmatulin", "Murat Nurtleu");
  }

  @Test
  void aSurnameAloneIsThePersonNamedInFullElsewhereInTheArticle() {
    List<List<Mention>> tagged =
        RULES_ONLY.tag(
            List.of(
                "Wang met Prime Minister of Kazakhstan Serik Akhmetov.",
                "Akhmetov said trade was growing.",
                "Foreign Minister Wang Yi agreed, according to Wang."));
    assertThat(tagged.get(1)).extracting(Mention::name).containsExactly("Serik Akhmetov");
    assertThat(tagged.get(2)).extracting(Mention::name).containsExactly("Wang Yi", "Wang Yi");
    assertThat(tagged.get(1).getFirst().rule())
        .isEqualTo("short for 'Serik Akhmetov' in this article");
  }

  @Test
  void aGivenNameAfterATitleIsThePersonOfTheArticleAndTheReasonNamesThem() {
    List<List<Mention>> tagged =
        RULES_ONLY.tag(
            List.of("Prime Minister Serik Akhmetov arrived.", "Minister Serik said so."));
    assertThat(tagged.get(1))
        .extracting(Mention::name, Mention::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Serik Akhmetov", "title 'Minister'; short for 'Serik Akhmetov' in this article"));
  }

  @Test
  void aSurnameThatFitsTwoPeopleIsLeftAlone() {
    List<List<Mention>> tagged =
        RULES_ONLY.tag(
            List.of("President Li Qiang and Minister Li Keqiang met.", "Li said nothing."));
    assertThat(tagged.get(1)).isEmpty();
  }

  @Test
  void capitalisedRunsEndingInAnOrganisationWordAreOrganisations() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "China's CITIC group and Kazakhstan's Samruk-Kazyna Sovereign Wealth Fund signed.",
                "He spoke at the China Institute of International Studies and at Nazarbayev"
                    + " University.",
                "He met the Chief of Staff of the Presidential Office.",
                "The Parliament and the Committee met."))
        .containsExactly(
            "CITIC",
            "Samruk-Kazyna Sovereign Wealth Fund",
            "China Institute of International Studies",
            "Nazarbayev University",
            "Presidential Office");
  }

  @Test
  void anAcronymDefinedInTheTextStandsForItsLongNameLater() {
    List<List<Mention>> tagged =
        RULES_ONLY.tag(
            List.of(
                "They combat the East Turkistan Islamic Movement (ETIM).",
                "ETIM was discussed again.",
                "The Belt and Road Initiative (BRI) is not an organisation; BRI grew."));
    assertThat(tagged.get(0))
        .extracting(Mention::name)
        .containsOnly("East Turkistan Islamic Movement");
    assertThat(tagged.get(1))
        .extracting(Mention::name)
        .containsExactly("East Turkistan Islamic Movement");
    assertThat(tagged.get(2)).isEmpty();
  }

  @Test
  void andAfterAnOrganisationsLastWordJoinsTheNextNameUnlessTheWordIsInAComplement() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "Others include Bruce Brandvold of Brandvold Zeta Foods and Oskar Brandvold.",
                "Brandvold Zeta Inc and Donaldson advised the Zeta Agency and the State of Texas.",
                "The Agency of Natural Resources and Energy agreed."))
        .containsExactly(
            "Brandvold Zeta Foods",
            "Brandvold Zeta Inc",
            "Zeta Agency",
            "Agency of Natural Resources and Energy");
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Others include Bruce Brandvold of Brandvold Zeta Foods and Oskar Brandvold."))
        .containsExactly("Bruce Brandvold", "Oskar Brandvold");
  }

  @Test
  void aDefinedLongNameWithThePluralOfAnOrganisationWordIsAnOrganisation() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The Brandvold Chambers of Commerce (BCC) spoke.",
                "The Brandvold Growth Plans (BGP) grew."))
        .containsExactly("Brandvold Chambers of Commerce");
  }

  @Test
  void aGivenNameAndASurnameAreAPersonWithoutATitle() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Ross Perot met Karl Otto Poehl and John Kennedy's nephew.",
                "Later Perot said the talks went well."))
        .containsExactly("Ross Perot", "Karl Otto Poehl", "John Kennedy");
  }

  @Test
  void aFamilyNameWrittenFirstAndItsGivenNameAreAPerson() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Dissident Wang Donghai was freed; Kim Young-sam and Chen Chun Yeh spoke."))
        .containsExactly("Wang Donghai", "Kim Young-sam", "Chen Chun Yeh");
  }

  @Test
  void aGivenNameInsideAnotherNameMakesNoPerson() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.PERSON,
                "Christian Democrats and Morgan Stanley Group shares rose in Florence Street.",
                "He sailed on the Carl Vinson Group."))
        .isEmpty();
  }

  @Test
  void anAcronymNothingExplainsIsAnOrganisation() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The KDP and the FOMC met while GDP rose and the CEO of the firm spoke on TV.",
                "Henry VIII wrote. ISSUE: Series 1996-A bonds.",
                "MAHALA, Bosnia 1996-08-31",
                "TALKS IN AMMAN END WITHOUT A DEAL"))
        .containsExactly("KDP", "FOMC");
  }

  @Test
  void anAcronymSpellingTheInitialsOfOneOrganisationOfTheArticleIsThatOrganisation() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "Sales fell, the Brandvold Retail Consortium said.",
                "The BRC expects a better spring."))
        .containsExactly("Brandvold Retail Consortium");
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The Federation of Brandvold Mills met Brandvold Zeta Corp.",
                "The FBM said BZ shares were cheap."))
        .containsExactly("Federation of Brandvold Mills", "Brandvold Zeta Corp");
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The Brandvold Retail Consortium and the Brandvold Rail Council met.",
                "The BRC said no."))
        .containsExactly("Brandvold Retail Consortium", "Brandvold Rail Council", "BRC");
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The Zeta Exchange opened.",
                "The FT-ZE 100 index rose."))
        .containsExactly("Zeta Exchange");
  }

  @Test
  void anAcronymTheArticleDefinesIsItsLongNameNotAnotherOrganisation() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The Kurdistan Democratic Party (KDP) took the town.",
                "The KDP said it would stay."))
        .containsExactly("Kurdistan Democratic Party");
  }

  @Test
  void anOrganisationsNameKeepsItsOwnWordsAndNoneAroundIt() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "Shares of First Union Corp rose.",
                "Erin Purcell of Boston-based Reagan Communications said so.",
                "The Brandvold Security Council on Friday voted.",
                "John Casesa of Schroder Wertheim & Co disagreed.",
                "The Ministry of Natural Resources agreed."))
        .containsExactly(
            "First Union Corp",
            "Reagan Communications",
            "Brandvold Security Council",
            "Schroder Wertheim & Co",
            "Ministry of Natural Resources");
  }

  @Test
  void placesAreNeitherPeopleNorOrganisations() {
    List<List<Mention>> tagged =
        BUNDLED.tag(
            List.of(
                "China, Kazakhstan and Astana. President of Kazakhstan Nursultan Nazarbayev went"
                    + " to the People's Republic of China."));
    assertThat(tagged.getFirst())
        .extracting(Mention::type, Mention::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EntityType.PERSON, "Nursultan Nazarbayev"));
  }

  @Test
  void aUsersListEntryWinsOverTheBundledOne() {
    EntityList mine =
        EntityList.parse(
            TsvFile.parse(
                "mine.tsv",
                "Xi Jinping\tperson\tXi Jingpin|Chairman Xi\nAcme\torganisation\tACME"));
    EntityTagger tagger = new EntityTagger(EntityList.bundled().merge(mine));
    assertThat(names(tagger, EntityType.ORGANISATION, "ACME sued.")).containsExactly("Acme");
    assertThat(names(tagger, EntityType.PERSON, "Chairman Xi spoke."))
        .containsExactly("Xi Jinping");
  }

  @Test
  void theRestOfACompanysNameAfterAListedOneIsNoOtherOrganisationButABodyOfItIs() {
    EntityTagger tagger =
        new EntityTagger(
            EntityList.parse(
                TsvFile.parse(
                    "mine.tsv",
                    "Acme Trust\torganisation\nZeta Union\torganisation\nNew York\tplace")));
    assertThat(
            names(
                tagger,
                EntityType.ORGANISATION,
                "Acme Trust Co of New York lent it.",
                "The Zeta Union Security Council met."))
        .containsExactly("Acme Trust", "Zeta Union", "Security Council");
  }

  @Test
  void eachMentionRecordsWhereAndWhyItWasFound() {
    String text = "Foreign Minister Wang Yi visited.";
    Mention wang = RULES_ONLY.tag(List.of(text)).getFirst().getFirst();
    assertThat(text.substring(wang.start(), wang.end())).isEqualTo("Wang Yi");
    assertThat(wang.matched()).isEqualTo("Wang Yi");
    assertThat(wang.rule()).isEqualTo("title 'Foreign Minister'");
  }

  @Test
  void anOrganisationRunReadsOnOverAndToItsWholeName() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "The drug is with the Food and Drug Administration, the Brandvold Savings and Loan"
                    + " Association and Bear Zeta and Co Inc."))
        .containsExactly(
            "Food and Drug Administration",
            "Brandvold Savings and Loan Association",
            "Bear Zeta and Co Inc");
  }

  @Test
  void aPartnershipsNameKeepsItsComma() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "It hired Kessel, Zeta and Co Inc and Brandvold, Peabody and Co."))
        .containsExactly("Kessel, Zeta and Co Inc", "Brandvold, Peabody and Co");
  }

  @Test
  void andBeforeALongerNameJoinsTwoNamesRatherThanOne() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "Kessel and American Zeta Motors Corp agreed."))
        .containsExactly("American Zeta Motors Corp");
  }

  @Test
  void legalFormsMonthsAndRatingsAloneAreNoOrganisation() {
    assertThat(
            names(
                RULES_ONLY,
                EntityType.ORGANISATION,
                "Shares of Co Inc and Co Ltd rose; AG, NA and LP fell in APRIL; it is rated AA."))
        .isEmpty();
  }

  @Test
  void aListedNameIsTakenWholeWithItsLegalForm() {
    assertThat(
            names(
                BUNDLED,
                EntityType.ORGANISATION,
                "Moody's Investors Service Inc said it cut the rating; Moody's said so."))
        .containsExactly("Moody's Investors Service");
  }
}
