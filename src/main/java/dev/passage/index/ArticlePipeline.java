package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.CleanText;
import dev.passage.ingest.DerivedTitle;
import dev.passage.ingest.FurnitureRules;
import dev.passage.ingest.FurnitureStripper;
import dev.passage.ingest.Paragraph;
import dev.passage.ingest.ParagraphSplitter;
import dev.passage.tagging.ArticleTagger;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityTagger;
import dev.passage.tagging.TaggedArticle;
import dev.passage.tagging.TopicRules;
import dev.passage.tagging.TopicTagger;
import dev.passage.tagging.YearFinder;
import java.util.List;
import java.util.Optional;

/**
 * The stages from a read article to one ready to index: strip furniture, split paragraphs, tag.
 * Immutable and safe to share between indexing threads.
 */
public final class ArticlePipeline {

  private final FurnitureStripper stripper;
  private final ParagraphSplitter splitter;
  private final ArticleTagger tagger;

  public ArticlePipeline(
      FurnitureStripper stripper, ParagraphSplitter splitter, ArticleTagger tagger) {
    this.stripper = stripper;
    this.splitter = splitter;
    this.tagger = tagger;
  }

  /** The pipeline with the bundled rules, and {@code entities} merged over the bundled names. */
  public static ArticlePipeline create(EntityList entities) {
    return create(entities, TopicRules.bundled());
  }

  /** The pipeline with the bundled furniture, {@code entities} and {@code topics}. */
  public static ArticlePipeline create(EntityList entities, TopicRules topics) {
    return new ArticlePipeline(
        new FurnitureStripper(FurnitureRules.bundled()),
        new ParagraphSplitter(),
        new ArticleTagger(new EntityTagger(entities), new YearFinder(), new TopicTagger(topics)));
  }

  /** The pipeline with the bundled rules and names. */
  public static ArticlePipeline bundled() {
    return create(EntityList.bundled());
  }

  /** Why an article is skipped when nothing but page furniture is left of it. */
  public static final String ONLY_FURNITURE = "no text left after removing page furniture";

  /**
   * Whether anything but page furniture is left of {@code article}: what {@link #process} asks
   * first, without tagging.
   */
  public boolean hasText(Article article) {
    return !splitter.split(stripper.strip(article).body()).isEmpty();
  }

  /** Processes one article; empty when nothing but page furniture is left. */
  public Optional<ProcessedArticle> process(Article article) {
    CleanText clean = stripper.strip(article);
    List<Paragraph> paragraphs = splitter.split(clean.body());
    if (paragraphs.isEmpty()) {
      return Optional.empty();
    }
    String headline = article.title() != null ? article.title() : clean.headerTitle();
    TaggedArticle tagged = tagger.tag(article.date(), headline, paragraphs);
    String title = headline;
    if (title == null) {
      title = DerivedTitle.from(paragraphs.getFirst());
    }
    String author = article.author() != null ? article.author() : clean.byline();
    return Optional.of(
        new ProcessedArticle(
            article.id(), title, tagged.date(), article.source(), author, tagged.paragraphs()));
  }
}
