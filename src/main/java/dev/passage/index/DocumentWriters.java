package dev.passage.index;

import dev.passage.ingest.Article;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * The write stage of a build: adds each processed article's documents to the {@link IndexWriter}
 * from a few dedicated threads (one on a small machine), fed through a short queue by the
 * processing threads.
 *
 * <p>Why not add them from the processing threads: Lucene gives every thread that adds documents
 * its own in-memory segment, and each is flushed, and later merged, on its own. Written from one
 * thread, a build that fits in the indexing buffer is flushed once, as the one segment it is
 * published as, and the final merge has nothing left to do, which saves CPU on a small machine.
 */
final class DocumentWriters {

  /** One article's documents, in paragraph order. */
  record Batch(Article article, List<Document> documents) {}

  /** What happens to each batch; called on a writer thread. */
  interface Outcome {
    void written(Batch batch);

    void failed(Batch batch, Throwable error);
  }

  /** Marks the end of the work for one writer thread. */
  private static final Batch END = new Batch(null, List.of());

  private final IndexWriter writer;
  private final Outcome outcome;
  private final BlockingQueue<Batch> queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile Throwable stoppedBy;

  DocumentWriters(IndexWriter writer, int threads, Outcome outcome) {
    this.writer = writer;
    this.outcome = outcome;
    // 64 articles: enough to keep the writer busy, few enough to keep memory flat.
    this.queue = new ArrayBlockingQueue<>(64);
    for (int i = 0; i < threads; i++) {
      Thread thread =
          Thread.ofPlatform().name("passage-writer-" + (i + 1)).daemon().unstarted(this::run);
      this.threads.add(thread);
      thread.start();
    }
  }

  /**
   * Writes one batch, once a writer thread is free to take it; waits while the queue is full.
   *
   * @throws IOException when the writer threads have stopped on an error
   */
  void write(Batch batch) throws IOException {
    throwIfStopped();
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        throwIfStopped();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
  }

  /**
   * Waits until every batch handed over so far is written and the writer threads have stopped.
   *
   * @throws IOException when a writer thread stopped on an error
   */
  void finish() throws IOException {
    try {
      stopThreads(false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
    throwIfStopped();
  }

  /**
   * Drops the batches not yet taken and stops the writer threads once they finish the ones they
   * hold; for a build that is failing anyway, so it throws nothing that could hide why.
   */
  void abort() {
    try {
      stopThreads(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopThreads(boolean discard) throws InterruptedException {
    if (discard) {
      queue.clear();
    }
    // One end marker per thread, whichever thread is still alive: a thread takes whichever marker
    // comes first, so skipping the marker of a thread already gone could leave another waiting.
    // Markers left over by a thread that stopped on an error are never taken, and do no harm.
    for (int i = 0; i < threads.size(); i++) {
      while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
        if (threads.stream().noneMatch(Thread::isAlive)) {
          break;
        }
        if (discard) {
          queue.clear();
        }
      }
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** Fails once a writer thread has stopped on an error no single article explains. */
  private void throwIfStopped() throws IOException {
    Throwable error = stoppedBy;
    if (error != null) {
      throw new IOException("the index writer stopped: " + error, error);
    }
  }

  private void run() {
    try {
      writeUntilEnd();
    } catch (Throwable e) {
      // Anything the per-batch catch below lets through ends this thread; the build must then
      // fail rather than wait for it.
      stoppedBy = e;
      queue.clear();
    }
  }

  private void writeUntilEnd() {
    while (true) {
      Batch batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (batch == END) {
        return;
      }
      try {
        // One by one, not as a block: the index sort orders paragraphs, and blocks would need a
        // parent field that plain paragraphs do not have.
        for (Document doc : batch.documents()) {
          writer.addDocument(doc);
        }
        outcome.written(batch);
      } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
        outcome.failed(batch, e);
      }
    }
  }
}
