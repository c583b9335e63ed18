package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.ingest.ArticleDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearFinderTest {

  private final YearFinder finder = new YearFinder();

  private List<Integer> years(String text, String articleDate) {
    ArticleDate date = articleDate == null ? null : ArticleDate.parse(articleDate);
    return finder.find(text, date).stream().map(YearMention::year).toList();
  }

  @Test
  void statedYearsAreFound() {
    assertThat(years("In 2013, the partnership deepened; by 2015 it may double.", null))
        .containsExactly(2013, 2015);
  }

  @Test
  void aRangeGivesBothEnds() {
    assertThat(years("A memorandum of cooperation for 2014-2016 and a concept for 2014–20.", null))
        .containsExactly(2014, 2016, 2014, 2020);
  }

  @Test
  void aRangeInWordsGivesBothEndsAndNotTheYearsBetween() {
    assertThat(years("Trade grew from 2014 to 2018, and between 2019 and 2022 it fell.", null))
        .containsExactly(2014, 2018, 2019, 2022);
  }

  @Test
  void aSplitYearGivesBothItsYears() {
    assertThat(years("The 1986/87 wheat crop and the 1999/00 season; 1986/88 is no year.", null))
        .containsExactly(1986, 1987, 1999, 2000);
    assertThat(rules("Revenue in 1987/88."))
        .containsExactly("stated year", "second year of a split year");
  }

  @Test
  void aYearAfterAWordAndAHyphenIsAYear() {
    assertThat(
            years("The line opens by mid-2015; pre-2014 contracts and 2014-16 ones stand.", null))
        .containsExactly(2015, 2014, 2014, 2016);
  }

  @Test
  void aYearAfterInIsAYearEvenBeforeAUnitWord() {
    assertThat(years("In 2013 companies from both countries invested; 2013 companies did.", null))
        .containsExactly(2013);
  }

  @Test
  void amountsCountsAndNamesAreNotYears() {
    assertThat(
            years(
                "Trade reached $41 bn and $2014 million; 16 documents, 1500 troops, about 2000"
                    + " people, 2030 km of road, the Kazakhstan 2050 Strategy, a Boeing 747"
                    + " and 2017/07/02.",
                null))
        .isEmpty();
  }

  @Test
  void datesWithoutAYearAreReadInTheYearOfAnArticleKnownOnlyToItsYear() {
    assertThat(years("On 29 November, and from 6 to 8 September, he visited.", "2013"))
        .containsExactly(2013, 2013);
    assertThat(years("On 29 November he visited.", null)).isEmpty();
  }

  @Test
  void aMonthWithoutAYearIsTheNearestSuchMonthToTheArticlesDate() {
    assertThat(years("On 29 November, in April, in September and in December.", "2024-05-20"))
        .containsExactly(2023, 2024, 2024, 2023);
    assertThat(years("On 29 December and from 6 to 8 January.", "2024-01-05"))
        .containsExactly(2023, 2024);
    assertThat(years("The talks on 5 January.", "2024-12-20")).containsExactly(2025);
  }

  @Test
  void aMonthSixMonthsAwayEitherWayIsThePastOne() {
    assertThat(years("On 29 November.", "2024-05")).containsExactly(2023);
    assertThat(years("On 29 May.", "2024-11")).containsExactly(2024);
  }

  @Test
  void lastNextThisAndSinceSayWhichSideOfTheArticlesMonthAMonthIsOn() {
    assertThat(years("Last March, next March, this November, since June.", "2024-03"))
        .containsExactly(2023, 2025, 2024, 2023);
    assertThat(years("Since February and next December.", "2024-03")).containsExactly(2024, 2024);
  }

  @Test
  void relativeDatesAreReadFromTheArticlesDate() {
    assertThat(
            years("Last November saw Days of Kazakh Culture; the summit is this May.", "2014-03"))
        .containsExactly(2013, 2014);
    assertThat(years("Trade grew last year and will grow next year.", "2024-05-20"))
        .containsExactly(2023, 2025);
  }

  @Test
  void lastAndNextMonthCrossTheYearOnlyAtItsEnds() {
    assertThat(years("Talks last month and next month.", "2024-05-20")).containsExactly(2024, 2024);
    assertThat(years("Talks last month and next month.", "2024-01")).containsExactly(2023, 2024);
    assertThat(years("Talks last month and next month.", "2024-12")).containsExactly(2024, 2025);
    assertThat(years("Talks this month.", "2024")).containsExactly(2024);
  }

  @Test
  void aFullDateGivesItsOwnYearNotTheArticles() {
    assertThat(years("During the visit on Sept 7, 2013, and on 14 Sep 2022, he spoke.", "2022-09"))
        .containsExactly(2013, 2022);
  }

  @Test
  void mayTheVerbIsNotAMonth() {
    assertThat(years("Prices may rise. It may be May.", "2020")).isEmpty();
  }

  @Test
  void olderYearsNeedAPreposition() {
    assertThat(years("It was drawn up in 1389; 1650 tonnes; ships 1200 crew.", null))
        .containsExactly(1389);
  }

  @Test
  void aMonthAloneIsNoDateEvenAfterAMonthWithAYear() {
    // Java's Matcher.find() kept the "19" of "December 1985", tried as a day and given up, and
    // read "February" as a dated month; the finder now matches each place afresh.
    assertThat(
            years(
                "BIFS, created in December 1985, are issued in units of five mln francs."
                    + " At the end of February there was a total of 3.9 billion francs.",
                "1987-03-16"))
        .containsExactly(1985);
  }

  private List<String> rules(String text) {
    return finder.find(text, null).stream().map(YearMention::rule).toList();
  }

  @Test
  void aClockTimeIsNotAYear() {
    assertThat(
            years(
                "The speech is at 2100 EST; trading ends at 2100 GMT, 2100 hrs Chicago time,"
                    + " 2100GMT, 1500 hrs EST (2100 gmt) or between 1400 and 1500 BST.",
                null))
        .isEmpty();
    assertThat(years("Trading runs from 1800 to 2100 local Chicago time.", null)).isEmpty();
    assertThat(years("The plan runs to 2100 and beyond.", null)).containsExactly(2100);
    assertThat(years("Debentures due 1992 to 1700 CDT April 24.", null)).containsExactly(1992);
  }

  @Test
  void theFiguresOfAPriceTableAreNotYears() {
    assertThat(years("DEC7 2005B 2010A 2015 MAR8 2030B 2040A 2043 MAY8 2040B 2060A 2063", null))
        .isEmpty();
    assertThat(years("Mch 0 1124 unch May 0 209 unch total 2003 22433 off 143", null)).isEmpty();
    assertThat(years("Clones PPN 2058, 2444, 2447 and PR 265 were planted.", null)).isEmpty();
    assertThat(
            years("Output rose 12 pct in 1986, to 1,200 tonnes from 1,071, officials said.", null))
        .containsExactly(1986);
  }

  @Test
  void aPriceWithItsPreviousPriceInBracketsIsNotAYear() {
    assertThat(
            years(
                "N.Y. COCOA 1200 RING - APRIL 7 MAY 1922 (1934) JLY 1956 (1967) DEC 2008 (2015)",
                "1987-04-07"))
        .isEmpty();
    assertThat(years("Profit rose in 1986 (1985: a loss).", null)).containsExactly(1986, 1985);
  }

  @Test
  void anIndexBaseYearIsNotAYearTheTextIsAbout() {
    assertThat(
            years(
                "The index rose to 134.1 (base 1980), 1985=100, measured at 1980 prices and in"
                    + " constant 1982 dollars.",
                null))
        .isEmpty();
    assertThat(years("In 1986 prices rose; the 1980 base was kept.", null)).containsExactly(1986);
  }

  @Test
  void aMonthFollowedByThisLastOrNextYearIsInThatYear() {
    assertThat(years("No quotas until October this year.", "1987-04-07"))
        .containsExactly(1987, 1987);
    assertThat(years("It fell in October last year.", "1987-04-07")).containsExactly(1986, 1986);
    assertThat(years("Talks resume in May next year.", "1987-04-07")).containsExactly(1988, 1988);
    assertThat(years("No quotas until October.", "1987-04-07")).containsExactly(1986);
  }

  @Test
  void theDecimalsOfAPriceTableAreNoDaysOfAMonth() {
    assertThat(years("SPOT 60.00 61.00 May 61.50 62.50 Jun 61.00 62.00", "1987-04-07")).isEmpty();
    assertThat(years("No.2 RSS May 57.50 58.50", "1987-04-07")).isEmpty();
    assertThat(years("Payable May 8 to holders of record April 3.", "1987-03-23"))
        .containsExactly(1987, 1987);
  }

  @Test
  void aDayBeforeAYearIsPartOfItsDateNotAFigureOfATable() {
    assertThat(years("The bonds mature on March 27, 2002 and Dec 31 1999.", null))
        .containsExactly(2002, 1999);
    assertThat(years("Limits enforced since February 1 1987 cover fiscal 1988 A-6F jets.", null))
        .containsExactly(1987, 1988);
    assertThat(years("NOTE: 1987 3rd qtr includes a charge.", null)).containsExactly(1987);
    assertThat(years("It held 180,444 tonnes in December 1986, 137,744 more than planned.", null))
        .containsExactly(1986);
  }

  @Test
  void aDecadeIsNotItsFirstYear() {
    assertThat(years("In the 1960s and the late 1970's, and in the 1980-90s, it grew.", null))
        .isEmpty();
    assertThat(years("The 1990's results and 1987's profit.", null)).containsExactly(1987);
  }

  @Test
  void aNumberInAProductModelOrFundNameIsNotAYear() {
    assertThat(
            years(
                "It launched the Reuter Energy 2000 service, the SX-2000 exchange and the"
                    + " Human Rights Act 1998 applies to clone PPN 2058; NYFD 2044.",
                null))
        .isEmpty();
  }

  @Test
  void aYearBeforeACapitalisedWordIsStillAYearAfterAPreposition() {
    assertThat(years("In 2019 Kazakhstan signed a deal.", "2010")).containsExactly(2019);
    assertThat(years("By 2030 China will lead; the 2004 Olympics opened.", null))
        .containsExactly(2030, 2004);
    assertThat(years("The EC 1987 budget; OPEC 1987 output.", null)).containsExactly(1987, 1987);
    assertThat(years("PRICES ROSE 3.34 PCT IN 1986. CUMULATIVE QUOTA 1987", null))
        .containsExactly(1986, 1987);
  }

  @Test
  void aYearsMatchedWordsAreTheTextAtItsOffsets() {
    String text = "In 1987/88 and from 2014-16, and on March 3 next year, output rose.";
    assertThat(finder.find(text, ArticleDate.parse("1987-04-01")))
        .filteredOn(YearMention::stated)
        .hasSize(6)
        .allSatisfy(y -> assertThat(text.substring(y.start(), y.end())).isEqualTo(y.matched()));
  }

  @Test
  void aYearsReasonNamesItsRule() {
    assertThat(rules("From 2014 to 2016, and 2014-16."))
        .containsExactly("stated year", "stated year", "stated year", "end of a stated range");
  }
}
