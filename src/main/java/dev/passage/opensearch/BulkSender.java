package dev.passage.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Sends a build's paragraphs to the cluster in bulk requests, a few at a time, while the indexing
 * threads go on tagging. A request closes at a number of paragraphs or at a size, whichever comes
 * first, so that long paragraphs do not make requests larger than a node takes well. Each document
 * is serialised once, as its request is written. The client's {@code BulkIngester} serialises every
 * document once more to weigh it, then parses those bytes again to write the request, work that
 * competes with tagging for the same cores.
 */
final class BulkSender {

  private final OpenSearchClient client;
  private final int operations;
  private final long bytes;
  private final int concurrent;
  private final Semaphore inFlight;
  private final ExecutorService senders;
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private List<BulkOperation> batch;
  private long batchBytes;

  /**
   * A sender of requests of up to {@code operations} operations and about {@code bytes} bytes of
   * documents, at most {@code concurrent} of them in flight; {@link #add} waits while that many
   * are.
   */
  BulkSender(OpenSearchClient client, int operations, long bytes, int concurrent) {
    this.client = client;
    this.operations = operations;
    this.bytes = bytes;
    this.concurrent = Math.max(1, concurrent);
    this.inFlight = new Semaphore(this.concurrent);
    this.senders =
        Executors.newFixedThreadPool(
            this.concurrent, Thread.ofPlatform().name("passage-bulk-", 1).daemon().factory());
    this.batch = new ArrayList<>(operations);
  }

  /**
   * Queues one operation whose document is about {@code size} bytes, and sends the request it
   * fills; safe from several threads.
   */
  void add(BulkOperation operation, long size) throws InterruptedIOException {
    List<BulkOperation> full = null;
    synchronized (this) {
      batch.add(operation);
      batchBytes += size;
      if (batch.size() >= operations || batchBytes >= bytes) {
        full = batch;
        batch = new ArrayList<>(operations);
        batchBytes = 0;
      }
    }
    if (full != null) {
      send(full);
    }
  }

  /** What the cluster refused so far, a line per paragraph or per failed request. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Sends what is queued, waits for every request to be answered, and stops the senders. */
  void finish() throws InterruptedIOException {
    List<BulkOperation> rest;
    synchronized (this) {
      rest = batch;
      batch = new ArrayList<>();
      batchBytes = 0;
    }
    try {
      if (!rest.isEmpty()) {
        send(rest);
      }
      acquire(concurrent);
    } finally {
      senders.shutdownNow();
    }
  }

  private void send(List<BulkOperation> request) throws InterruptedIOException {
    acquire(1);
    senders.execute(() -> {
      try {
        collect(client.bulk(b -> b.operations(request)));
      } catch (IOException | RuntimeException e) {
        failures.add(
            request.size()
                + (request.size() == 1 ? " paragraph: " : " paragraphs: ")
                + e.getMessage());
      } finally {
        inFlight.release();
      }
    });
  }

  private void collect(BulkResponse response) {
    if (response.errors()) {
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          failures.add(item.id() + ": " + item.error().reason());
        }
      }
    }
  }

  private void acquire(int permits) throws InterruptedIOException {
    try {
      inFlight.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending paragraphs to the cluster");
    }
  }
}
