package dev.passage.bench;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.ArticleStamp;
import dev.passage.index.IndexingThreads;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.StampingSink;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.Problem;
import dev.passage.opensearch.ParagraphSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passage's side of {@code passage index --engine opensearch} with no cluster: reading, cleaning,
 * tagging and the JSON of each paragraph's document, on the build's threads, nothing sent. Its rate
 * is what tagging alone could feed a cluster from a machine of its own.
 */
public final class TaggingRate {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Articles and paragraphs made ready, and the seconds from the first read to the last. */
  public record Result(long articles, long paragraphs, long bytes, double seconds) {
    public double perSecond() {
      return paragraphs / seconds;
    }
  }

  private TaggingRate() {}

  /** Processes every article of {@code articles} on {@code threads} threads. */
  public static Result run(Path articles, ArticlePipeline pipeline, int threads)
      throws IOException {
    long started = System.nanoTime();
    AtomicLong articleCount = new AtomicLong();
    AtomicLong paragraphCount = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    ThreadPoolExecutor pool = IndexingThreads.start(threads, "passage-tagging-");
    try {
      new ArticleFolder(articles)
          .read(
              new StampingSink() {
                @Override
                protected void accept(Article article, ArticleStamp stamp) {
                  pool.execute(() -> {
                    var maybe = pipeline.process(article);
                    if (maybe.isEmpty()) {
                      return;
                    }
                    ProcessedArticle processed = maybe.get();
                    for (ParagraphSources.Source s : ParagraphSources.of(processed, stamp)) {
                      // Serialised as the client would, so that work is counted too.
                      bytes.addAndGet(JSON.writeValueAsBytes(s.fields()).length);
                      paragraphCount.incrementAndGet();
                    }
                    articleCount.incrementAndGet();
                  });
                }

                @Override
                public void problem(Problem problem) {}
              });
    } finally {
      pool.shutdown();
      IndexingThreads.await(pool);
    }
    return new Result(
        articleCount.get(), paragraphCount.get(), bytes.get(), (System.nanoTime() - started) / 1e9);
  }
}
