package dev.passage.index;

import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Builds the index of an articles folder. Articles are read in order on the calling thread,
 * processed (cleaned, split, tagged, turned into documents) on a pool of indexing threads, and
 * written by {@link DocumentWriters} to one {@link IndexWriter}.
 *
 * <p>The new index replaces the old one in a single commit: the writer opens in {@code CREATE}
 * mode, and until it commits, readers (a running server included) keep seeing the previous commit.
 * A build that fails or finds nothing usable is rolled back, and a build killed midway leaves the
 * previous commit untouched; Lucene discards the unfinished files on the next open. A previous
 * commit that is damaged (unreadable, or missing a file) is dropped first, and the build starts as
 * in an empty folder.
 */
public final class IndexBuilder {

  /** How often progress is reported during long builds. */
  private static final long PROGRESS_EVERY_MILLIS = 2_000;

  private final Schema schema;
  private final ArticlePipeline pipeline;
  private final String rulesFingerprint;
  private final int threads;
  private final ParagraphDocuments documents;
  private final Consumer<ProcessedArticle> onProcessed;
  private final int maxBufferedDocs;

  public IndexBuilder(
      Schema schema, ArticlePipeline pipeline, String rulesFingerprint, int threads) {
    this(schema, pipeline, rulesFingerprint, threads, article -> {});
  }

  /**
   * A builder that also hands every processed article to {@code onProcessed}, on the indexing
   * threads, before it is written.
   */
  public IndexBuilder(
      Schema schema,
      ArticlePipeline pipeline,
      String rulesFingerprint,
      int threads,
      Consumer<ProcessedArticle> onProcessed) {
    this(
        schema,
        pipeline,
        rulesFingerprint,
        threads,
        onProcessed,
        IndexWriterConfig.DISABLE_AUTO_FLUSH);
  }

  /** A builder that also flushes a segment every {@code maxBufferedDocs} paragraphs. */
  IndexBuilder(
      Schema schema,
      ArticlePipeline pipeline,
      String rulesFingerprint,
      int threads,
      Consumer<ProcessedArticle> onProcessed,
      int maxBufferedDocs) {
    this.schema = schema;
    this.pipeline = pipeline;
    this.rulesFingerprint = rulesFingerprint;
    this.threads = Math.max(1, threads);
    this.documents = new ParagraphDocuments(schema);
    this.onProcessed = onProcessed;
    this.maxBufferedDocs = maxBufferedDocs;
  }

  /**
   * Builds the index of {@code source} in {@code indexDir}, and records the source in it.
   *
   * @param progress receives a line now and then during long builds
   * @throws IOException when the folder is missing or the index cannot be written
   */
  public IndexSummary build(IndexSource source, Path indexDir, Consumer<String> progress)
      throws IOException {
    long started = System.nanoTime();
    ArticleFolder folder = new ArticleFolder(source.articles());
    // Before anything is written: a build of nothing must not leave an empty index folder behind.
    folder.requireExists();
    Files.createDirectories(indexDir);
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger articles = new AtomicInteger();
    AtomicInteger paragraphs = new AtomicInteger();
    try (Directory directory = FSDirectory.open(indexDir);
        IndexWriter writer = openWriter(directory, indexDir)) {
      DocumentWriters writers =
          new DocumentWriters(
              writer,
              writerThreads(threads),
              new DocumentWriters.Outcome() {
                @Override
                public void written(DocumentWriters.Batch batch) {
                  articles.incrementAndGet();
                  paragraphs.addAndGet(batch.documents().size());
                }

                @Override
                public void failed(DocumentWriters.Batch batch, Throwable error) {
                  problems.add(notIndexed(batch.article(), error));
                }
              });
      ThreadPoolExecutor pool = IndexingThreads.start(threads, "passage-indexer-");
      ProgressReporter reporter = new ProgressReporter(progress, articles, paragraphs);
      boolean success = false;
      try {
        folder.read(
            new StampingSink() {
              @Override
              protected void accept(Article article, ArticleStamp stamp) {
                pool.execute(() -> process(article, stamp, writers, problems));
                reporter.maybeReport();
              }

              @Override
              public void problem(Problem problem) {
                problems.add(problem);
              }
            });
        pool.shutdown();
        IndexingThreads.await(pool);
        writers.finish();
        success = true;
      } finally {
        if (!success) {
          pool.shutdownNow();
          writers.abort();
          writer.rollback();
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (articles.get() == 0) {
        writer.rollback();
        return new IndexSummary(0, 0, problems, millis, false);
      }
      String now = Instant.now().toString();
      IndexInfo info = new IndexInfo(articles.get(), source, rulesFingerprint, now, now);
      // A build is written once and then only read, so it is merged into one segment before it
      // is published: every query then seeks each term once rather than once per segment and
      // counts facets without an ordinal map (docs/design-notes.md: what several segments
      // cost). A build that fits in the indexing buffer is one segment already, and this does
      // nothing.
      writer.forceMerge(1);
      writer.setLiveCommitData(info.toUserData().entrySet());
      writer.commit();
      millis = (System.nanoTime() - started) / 1_000_000;
      return new IndexSummary(articles.get(), paragraphs.get(), problems, millis, true);
    }
  }

  /** Processes one article on an indexing thread and hands its documents to the writers. */
  private void process(
      Article article, ArticleStamp stamp, DocumentWriters writers, List<Problem> problems) {
    try {
      var maybe = pipeline.process(article);
      if (maybe.isEmpty()) {
        problems.add(Problem.skipped(article.origin(), ArticlePipeline.ONLY_FURNITURE));
        return;
      }
      ProcessedArticle processed = maybe.get();
      onProcessed.accept(processed);
      writers.write(new DocumentWriters.Batch(article, documents.build(processed, stamp)));
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One article that breaks a stage must not cost the others; it is reported at the end.
      // The two errors too: uncaught, they would end the indexing thread and the article would
      // vanish from the build without a word, and both are freed with the article's own work.
      problems.add(notIndexed(article, e));
    }
  }

  private static Problem notIndexed(Article article, Throwable error) {
    return Problem.skipped(article.origin(), "could not be indexed: " + error);
  }

  /**
   * The threads that add documents to the writer: one per three indexing threads, at least one.
   * Tagging and building an article's documents costs more than Lucene's inversion of them, so one
   * writer keeps up with two processing threads, and each more writer adds a segment to merge.
   */
  static int writerThreads(int indexingThreads) {
    return Math.max(1, indexingThreads / 3);
  }

  /**
   * Lucene's indexing buffer: a third of the heap, between 16 and 256 MB. A build that fits in it
   * is flushed once, as the one segment it is published as.
   */
  public static double ramBufferMB(long maxHeapBytes) {
    return Math.clamp(maxHeapBytes / 3 / (1024.0 * 1024.0), 16, 256);
  }

  /**
   * The writer settings every writer of the index shares, builds and updates alike: the index sort,
   * the codec and the analysis; only an explicit commit publishes what a writer did.
   */
  static IndexWriterConfig writerConfig(Schema schema) {
    IndexWriterConfig config = new IndexWriterConfig(schema.analyzer());
    config.setIndexSort(Schema.indexSort());
    config.setCodec(new PassageCodec());
    config.setCommitOnClose(false);
    return config;
  }

  private IndexWriter openWriter(Directory directory, Path indexDir) throws IOException {
    IndexWriterConfig config = writerConfig(schema);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(ramBufferMB(Runtime.getRuntime().maxMemory()));
    config.setMaxBufferedDocs(maxBufferedDocs);
    // A compound file saves file handles when there are many small segments; a build is published
    // as one, and packing it would copy the whole segment once more.
    config.setUseCompoundFile(false);
    try {
      if (!lastCommitIsWhole(directory)) {
        discardCommits(directory);
      }
      return new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      throw new IOException("another process is writing the index in " + indexDir, e);
    }
  }

  /**
   * Whether the last commit, if there is one, can be read and all its files are there. Even in
   * {@code CREATE} mode the writer reads it, to number the new commit after it, and deletes its
   * files once the new commit is made; a damaged one would fail the build.
   */
  private static boolean lastCommitIsWhole(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return true;
    }
    try {
      return IndexFreshness.missingFile(directory).isEmpty();
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return false;
    }
  }

  /**
   * Deletes the commit files, under the write lock, so the build starts as in an empty folder; the
   * writer then deletes the segment files no commit refers to.
   */
  private static void discardCommits(Directory directory) throws IOException {
    try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      for (String file : directory.listAll()) {
        if (file.startsWith(IndexFileNames.SEGMENTS)) {
          lock.ensureValid();
          directory.deleteFile(file);
        }
      }
    }
  }

  /** Reports counts every few seconds, from the reading thread. */
  private static final class ProgressReporter {
    private final Consumer<String> out;
    private final AtomicInteger articles;
    private final AtomicInteger paragraphs;
    private long last = System.nanoTime();

    ProgressReporter(Consumer<String> out, AtomicInteger articles, AtomicInteger paragraphs) {
      this.out = out;
      this.articles = articles;
      this.paragraphs = paragraphs;
    }

    void maybeReport() {
      long now = System.nanoTime();
      if (now - last >= PROGRESS_EVERY_MILLIS * 1_000_000) {
        last = now;
        out.accept(
            String.format(
                "  … %,d articles, %,d paragraphs indexed", articles.get(), paragraphs.get()));
      }
    }
  }
}
