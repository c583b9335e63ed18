package dev.passage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleDateTest {

  @Test
  void aYearAMonthOrADayIsADate() {
    assertThat(ArticleDate.parse("2013")).isEqualTo(new ArticleDate(2013, 0, 0));
    assertThat(ArticleDate.parse("2014-03")).isEqualTo(new ArticleDate(2014, 3, 0));
    assertThat(ArticleDate.parse("2024-05-20")).isEqualTo(new ArticleDate(2024, 5, 20));
  }

  @Test
  void aTimeAfterTheDateIsIgnored() {
    assertThat(ArticleDate.parse("1987-02-26T10:15:00Z")).isEqualTo(new ArticleDate(1987, 2, 26));
  }

  @Test
  void datesPrintAsTheyAreWritten() {
    assertThat(ArticleDate.parse("2013")).hasToString("2013");
    assertThat(ArticleDate.parse("2014-3")).hasToString("2014-03");
    assertThat(ArticleDate.parse("2024-05-20")).hasToString("2024-05-20");
    assertThat(ArticleDate.parse("0987-1-2")).hasToString("0987-01-02");
  }

  @Test
  void vagueDatesSortBeforePreciseOnesOfTheSameYear() {
    assertThat(ArticleDate.parse("2013")).isLessThan(ArticleDate.parse("2013-08"));
    assertThat(ArticleDate.parse("2013-08")).isLessThan(ArticleDate.parse("2013-08-19"));
    assertThat(ArticleDate.parse("2013-12-31")).isLessThan(ArticleDate.parse("2014"));
  }

  @Test
  void impossibleDatesAreRefusedWithAMessage() {
    assertThatThrownBy(() -> ArticleDate.parse("last spring"))
        .hasMessageContaining("write YYYY, YYYY-MM or YYYY-MM-DD");
    assertThatThrownBy(() -> ArticleDate.parse("2013-13")).hasMessageContaining("not a valid date");
    assertThatThrownBy(() -> ArticleDate.parse("2013-02-30"))
        .hasMessageContaining("not a valid date");
  }

  @Test
  void aRangeFromADateBeginsAtTheKeysOfDatesThatCountAsNoEarlier() {
    assertThat(ArticleDate.parse("2014").earliestSortKey()).isEqualTo(20140000);
    assertThat(ArticleDate.parse("2014-01-01").earliestSortKey()).isEqualTo(20140000);
    assertThat(ArticleDate.parse("2014-03").earliestSortKey()).isEqualTo(20140300);
    assertThat(ArticleDate.parse("2014-03-01").earliestSortKey()).isEqualTo(20140300);
    assertThat(ArticleDate.parse("2014-03-02").earliestSortKey()).isEqualTo(20140302);
  }

  @Test
  void aRangeToADateEndsAtTheLastKeyWithinIt() {
    assertThat(ArticleDate.parse("2014").lastSortKey()).isEqualTo(20149999);
    assertThat(ArticleDate.parse("2014-03").lastSortKey()).isEqualTo(20140399);
    assertThat(ArticleDate.parse("2014-03-31").lastSortKey()).isEqualTo(20140331);
  }

  @Test
  void aSortKeyGivesBackItsDate() {
    assertThat(ArticleDate.ofSortKey(20130000)).hasToString("2013");
    assertThat(ArticleDate.ofSortKey(20140300)).hasToString("2014-03");
    assertThat(ArticleDate.ofSortKey(20240520)).hasToString("2024-05-20");
  }
}
