package dev.passage.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlashWordsTest {

  private static String rewrite(String q) {
    return SlashWords.rewrite(q).text();
  }

  @Test
  void aWordWithASlashInsideIsQuotedAsThePhraseOfItsParts() {
    assertThat(rewrite("1986/87")).isEqualTo("\"1986/87\"");
    assertThat(rewrite("wheat 1986/87 crop")).isEqualTo("wheat \"1986/87\" crop");
    assertThat(rewrite("a/b/c")).isEqualTo("\"a/b/c\"");
    assertThat(rewrite("AC/DC OR 24/7")).isEqualTo("\"AC/DC\" OR \"24/7\"");
  }

  @Test
  void theWordsOperatorsFieldBoostAndBracketsStayOutsideItsQuotes() {
    assertThat(rewrite("-Kazakhstan/China")).isEqualTo("-\"Kazakhstan/China\"");
    assertThat(rewrite("+a/b !c/d")).isEqualTo("+\"a/b\" !\"c/d\"");
    assertThat(rewrite("title:1986/87^2")).isEqualTo("title:\"1986/87\"^2");
    assertThat(rewrite("(oil OR 1986/87)")).isEqualTo("(oil OR \"1986/87\")");
    assertThat(rewrite("[2016/08 TO 2017/07]")).isEqualTo("[\"2016/08\" TO \"2017/07\"]");
  }

  @Test
  void aRegularExpressionAPhraseAndAnEscapedSlashAreLeftAsTyped() {
    for (String q :
        new String[] {
          "/agricultur[a-z]+/",
          "oil AND /ga[sz]/",
          "/with space/",
          "\"1986/87 crop\"",
          "escaped\\/slash",
          "no slash at all",
          ""
        }) {
      assertThat(rewrite(q)).as(q).isEqualTo(q);
    }
  }

  @Test
  void aSlashThatOpensAWordButIsNeverClosedIsPartOfTheWord() {
    assertThat(rewrite("/oil")).isEqualTo("\"/oil\"");
    assertThat(rewrite("gas /oil")).isEqualTo("gas \"/oil\"");
  }

  @Test
  void aPatternCannotBeAPhraseSoItsSlashesAreEscaped() {
    assertThat(rewrite("1986/8*")).isEqualTo("1986\\/8*");
    assertThat(rewrite("a/b?")).isEqualTo("a\\/b?");
  }

  @Test
  void aPhraseLeftOpenIsFoundWhereItOpensButAQuoteInARegularExpressionIsNoPhrase() {
    assertThat(SlashWords.rewrite("Astana \"CICA chairmanship").openQuote()).isEqualTo(7);
    assertThat(SlashWords.rewrite("\"Silk Road\" \\\"").openQuote()).isEqualTo(-1);
    assertThat(SlashWords.rewrite("/a\"b/ oil").openQuote()).isEqualTo(-1);
  }

  @Test
  void eachCharacterRemembersItsColumnInTheQueryAsTyped() {
    SlashWords.Rewritten r = SlashWords.rewrite("1986/87 )");

    assertThat(r.text()).isEqualTo("\"1986/87\" )");
    assertThat(r.typedColumn(r.text().indexOf(')'))).isEqualTo(8);
    assertThat(r.typedColumn(0)).isEqualTo(0);
    assertThat(r.typedColumn(r.text().length())).isEqualTo(9);
  }
}
