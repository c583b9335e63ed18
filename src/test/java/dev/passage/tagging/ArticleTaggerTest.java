package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.engine.TagReason;
import dev.passage.ingest.ArticleDate;
import dev.passage.ingest.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTaggerTest {

  private final ArticleTagger tagger = ArticleTagger.bundled();

  private static List<Paragraph> paragraphs(String... texts) {
    return java.util.stream.IntStream.range(0, texts.length)
        .mapToObj(i -> new Paragraph(i + 1, null, texts[i]))
        .toList();
  }

  @Test
  void aParagraphThatStatesNoYearHasNoYearEvenInADatedArticle() {
    TaggedArticle article =
        tagger.tag(
            ArticleDate.parse("2013-08"),
            paragraphs(
                "The ministers met in Astana.",
                "Trade in 2012 amounted to $25 billion.",
                "They meet again in November."));
    assertThat(article.paragraphs())
        .extracting(p -> p.tags().years())
        .containsExactly(List.of(), List.of("2012"), List.of("2013"));
  }

  @Test
  void anArticleWithoutADateStaysUndatedWhateverYearsItStates() {
    TaggedArticle article =
        tagger.tag(
            null,
            paragraphs(
                "In April 2013, a film week was held.",
                "A memorandum for 2014-2016 and a concept for 2014-2020 were signed.",
                "The summit is this May."));
    assertThat(article.date()).isNull();
    assertThat(article.paragraphs())
        .extracting(p -> p.tags().years())
        .containsExactly(List.of("2013"), List.of("2014", "2016", "2020"), List.of());
  }

  @Test
  void anUndatedArticlesParagraphsCarryOnlyTheYearsTheyState() {
    TaggedArticle article =
        tagger.tag(
            null,
            paragraphs(
                "The Human Rights Act 1998 was cited, and in 2005 the case opened.",
                "He died last year.",
                "The summit is this May.",
                "Nobody said when."));
    assertThat(article.date()).isNull();
    assertThat(article.paragraphs())
        .extracting(p -> p.tags().years())
        .containsExactly(List.of("2005"), List.of(), List.of(), List.of());
  }

  @Test
  void aParagraphThatStatesNoYearHasNoYearReason() {
    Tags tags =
        tagger
            .tag(ArticleDate.parse("1987-03-02"), paragraphs("Prices were unchanged."))
            .paragraphs()
            .getFirst()
            .tags();
    assertThat(tags.years()).isEmpty();
    assertThat(tags.reasons()).noneMatch(r -> r.dimension().equals("year"));
  }

  @Test
  void aParagraphWithoutTopicWordsTakesItsArticlesMainTopic() {
    TaggedArticle article =
        tagger.tag(
            ArticleDate.parse("2020"),
            paragraphs(
                "Oil and gas exports, the pipeline and energy.",
                "He smiled at the cameras.",
                "Uranium and coal."));
    assertThat(article.paragraphs().get(1).tags().topics()).containsExactly("energy");
    assertThat(article.paragraphs().get(1).tags().reasons())
        .filteredOn(r -> r.dimension().equals("topic"))
        .extracting(TagReason::rule)
        .containsExactly("main topic of the article, named in its first paragraph");
  }

  @Test
  void aDatedNameIsReadAgainstTheArticlesDateAndNeverAgainstTheYearsAnUndatedTextStates() {
    TaggedArticle dated =
        tagger.tag(ArticleDate.parse("2004-05"), paragraphs("The EC fined the firm in 2004."));
    assertThat(dated.paragraphs().getFirst().tags().organisations())
        .containsExactly("European Commission");
    TaggedArticle undated =
        tagger.tag(null, paragraphs("The EC fined the firm in 2004.", "It paid in 2004."));
    assertThat(undated.date()).isNull();
    assertThat(undated.paragraphs().getFirst().tags().organisations()).containsExactly("EC");
  }

  @Test
  void everyTagHasAReason() {
    TaggedArticle article =
        tagger.tag(
            ArticleDate.parse("2013"),
            paragraphs("Foreign Minister Wang Yi visited the SCO summit on 29 November."));
    Tags tags = article.paragraphs().getFirst().tags();
    assertThat(tags.persons()).containsExactly("Wang Yi");
    assertThat(tags.organisations()).containsExactly("Shanghai Cooperation Organisation");
    assertThat(tags.years()).containsExactly("2013");
    assertThat(tags.reasons())
        .extracting(TagReason::dimension, TagReason::value, TagReason::matched)
        .contains(
            org.assertj.core.groups.Tuple.tuple("person", "Wang Yi", "Wang Yi"),
            org.assertj.core.groups.Tuple.tuple(
                "organisation", "Shanghai Cooperation Organisation", "SCO"),
            org.assertj.core.groups.Tuple.tuple("year", "2013", "on 29 November"));
  }

  @Test
  void aKeywordThatNeedsContextCountsOnlyBesideItsTopicsOtherKeywords() {
    TaggedArticle alone =
        tagger.tag(ArticleDate.parse("1987"), paragraphs("Cocoa exports and imports rose."));
    assertThat(alone.paragraphs().getFirst().tags().topics()).doesNotContain("trade");
    TaggedArticle beside =
        tagger.tag(
            ArticleDate.parse("1987"),
            paragraphs("Cocoa exports and imports rose.", "The trade deficit widened."));
    assertThat(beside.paragraphs())
        .allSatisfy(p -> assertThat(p.tags().topics()).contains("trade"));
  }
}
