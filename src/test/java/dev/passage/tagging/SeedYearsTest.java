package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.ProcessedArticle;
import dev.passage.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The year tags of seed paragraphs that hold a range, a date without a year, an amount, or no year.
 */
class SeedYearsTest {

  private static final Map<String, Tags> TAGS = new LinkedHashMap<>();

  @BeforeAll
  static void tagTheSeedArticles() throws Exception {
    for (ProcessedArticle article : Fixtures.seedArticles()) {
      for (TaggedParagraph p : article.paragraphs()) {
        TAGS.put(article.id() + "#" + p.paragraph().number(), p.tags());
      }
    }
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          000_c3b115836f1d2521#4  | 2013             | "On 29 November", "On 3 July": dates without a year, in an article of 2013
          001_4c331c42e6f04ea6#8  | 2014             | "May 20-21" in an article of March 2014 is the coming May
          001_4c331c42e6f04ea6#11 | 2013 2014        | "In April 2013", "Last November" (2013) and "this year" (2014)
          001_4c331c42e6f04ea6#13 | 2014 2016        | "for 2014-2016" gives both ends of the range
          001_4c331c42e6f04ea6#14 | 2014 2020        | "Kazakhstan 2050 Strategy" is a name; "for 2014-2020" a range
          001_4c331c42e6f04ea6#16 | 2005             | "$10.3 billion invested since 2005": amounts and "top 20" are not years
          002_89bf8cead1161fd8#2  | 2012 2013 2015   | "September 6-8" in an article of August 2013, "in 2012", "by 2015"
          003_0e5463e51e88c47b#3  | 2013             | "on Sept 7, 2013" gives its own year, not the article's 2022
          004_fd3b26c682193b6e#6  | 2023             | "In 2023", "by 30%, reaching $41 bn", "$24 bn": only the year
          004_fd3b26c682193b6e#7  | -                | "projects worth more than $7 bn" states no year: no year tag
          """)
  void aSeedParagraphIsAboutExactlyTheseYears(String paragraph, String years, String why) {
    assertThat(TAGS).containsKey(paragraph);
    List<String> expected = years.equals("-") ? List.of() : List.of(years.split(" "));
    assertThat(TAGS.get(paragraph).years()).containsExactlyElementsOf(expected);
  }
}
