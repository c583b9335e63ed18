package dev.passage.tagging;

import dev.passage.engine.Dimension;
import dev.passage.engine.TagReason;
import dev.passage.ingest.ArticleDate;
import dev.passage.ingest.Paragraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tags every paragraph of an article with years, people, organisations and topics. An article
 * without a date in its metadata stays undated: the years a text states are what it is about, not
 * when it was written (on BBC News, the year stated most often was the year of publication for a
 * minority of articles; docs/quality.md). Immutable and safe to share between threads.
 */
public final class ArticleTagger {

  private final EntityTagger entities;
  private final YearFinder years;
  private final TopicTagger topics;

  public ArticleTagger(EntityTagger entities, YearFinder years, TopicTagger topics) {
    this.entities = entities;
    this.years = years;
    this.topics = topics;
  }

  /** A tagger with the bundled names, rules and topics. */
  public static ArticleTagger bundled() {
    return new ArticleTagger(
        EntityTagger.bundled(), new YearFinder(), new TopicTagger(TopicRules.bundled()));
  }

  /**
   * Tags the paragraphs of one article whose metadata date is {@code date} (or null). A paragraph's
   * years are those it is about: stated in it, or a date in it read against the metadata date. One
   * that states none has no year (the publication date is the article's, filtered on its own); a
   * date guessed from the text dates the article, and nothing is read against a guess.
   */
  public TaggedArticle tag(ArticleDate date, List<Paragraph> paragraphs) {
    return tag(date, null, paragraphs);
  }

  /**
   * Tags the paragraphs of one article as {@link #tag(ArticleDate, List)} does, reading its {@code
   * headline} (or null) as part of the article's topic: the headline is not a paragraph and gets no
   * tags.
   */
  public TaggedArticle tag(ArticleDate date, String headline, List<Paragraph> paragraphs) {
    List<String> texts = paragraphs.stream().map(Paragraph::text).toList();
    List<List<Mention>> mentions = entities.tag(texts, date);
    List<List<TopicTagger.Topic>> topicTags = topics.tag(headline, texts, mentions);

    List<TaggedParagraph> tagged = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      List<TagReason> reasons = new ArrayList<>();
      List<String> yearTags = yearTags(texts.get(i), date, reasons);
      Set<String> persons = new LinkedHashSet<>();
      Set<String> organisations = new LinkedHashSet<>();
      for (Mention m : mentions.get(i)) {
        String dimension =
            m.type() == EntityType.PERSON
                ? Dimension.PERSON.field()
                : Dimension.ORGANISATION.field();
        (m.type() == EntityType.PERSON ? persons : organisations).add(m.name());
        reasons.add(new TagReason(dimension, m.name(), m.rule(), m.matched(), m.start(), m.end()));
      }
      for (TopicTagger.Topic t : topicTags.get(i)) {
        reasons.add(new TagReason(Dimension.TOPIC.field(), t.name(), t.reason(), "", -1, -1));
      }
      tagged.add(
          new TaggedParagraph(
              paragraphs.get(i),
              new Tags(
                  yearTags,
                  List.copyOf(persons),
                  List.copyOf(organisations),
                  topicTags.get(i).stream().map(TopicTagger.Topic::name).toList(),
                  reasons)));
    }
    return new TaggedArticle(date, tagged);
  }

  private List<String> yearTags(String text, ArticleDate date, List<TagReason> reasons) {
    Set<Integer> stated = new TreeSet<>();
    for (YearMention m : years.find(text, date)) {
      stated.add(m.year());
      reasons.add(
          new TagReason(
              Dimension.YEAR.field(),
              String.valueOf(m.year()),
              m.rule(),
              m.matched(),
              m.start(),
              m.end()));
    }
    return stated.stream().map(String::valueOf).toList();
  }
}
