package dev.passage.eval;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.ProcessedArticle;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.ArticleSink;
import dev.passage.ingest.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus read, cleaned and tagged exactly as {@code passage index} would, so that the facet
 * values judged are the ones a user would see.
 */
public final class TaggedCorpus {

  private TaggedCorpus() {}

  /** Every article of {@code articles} (a folder or a file) that has a paragraph, in read order. */
  public static List<ProcessedArticle> read(Path articles, ArticlePipeline pipeline)
      throws IOException {
    List<ProcessedArticle> tagged = new ArrayList<>();
    new ArticleFolder(articles)
        .read(
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                pipeline.process(article).ifPresent(tagged::add);
              }

              @Override
              public void problem(Problem problem) {}
            });
    return tagged;
  }
}
