package dev.passage.opensearch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a build's paragraphs to the cluster in bulk requests, a few at a time, while the indexing
 * threads go on tagging. A request closes at a number of paragraphs or at a size, whichever comes
 * first, so that long paragraphs do not make requests larger than a node takes well.
 *
 * <p>Each paragraph is written as its two NDJSON lines by the thread that adds it, once, and the
 * request waits as those bytes: a batch of documents held as objects until it was sent kept the
 * collector busy copying and marking them, most of a small heap's work at a million paragraphs. The
 * client's {@code BulkIngester} would serialise every document once more to weigh it, then parse
 * those bytes again to write the request.
 *
 * <p>The requests go through the client's generic API, asking the node to answer only whether any
 * paragraph failed and each paragraph's id and error: the typed bulk answer describes every
 * paragraph (index, version, result, shards, sequence number), which the node writes and this
 * process parses only to find the few that failed.
 */
final class BulkSender {

  /** One paragraph to index: its document under {@code id}, routed with {@code routing}. */
  record Operation(String index, String id, String routing, Map<String, Object> document) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> ANSWER_ONLY_FAILURES =
      Map.of("filter_path", "errors,items.*._id,items.*.error");

  private final OpenSearchClient client;
  private final int operations;
  private final int bytes;
  private final int concurrent;
  private final Semaphore inFlight;
  private final ExecutorService senders;
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private ByteArrayOutputStream batch;
  private int batchOperations;

  /**
   * A sender of requests of up to {@code operations} operations and about {@code bytes} bytes, at
   * most {@code concurrent} of them in flight; {@link #add} waits while that many are.
   */
  BulkSender(OpenSearchClient client, int operations, int bytes, int concurrent) {
    this.client = client;
    this.operations = operations;
    this.bytes = bytes;
    this.concurrent = Math.max(1, concurrent);
    this.inFlight = new Semaphore(this.concurrent);
    this.senders =
        Executors.newFixedThreadPool(
            this.concurrent, Thread.ofPlatform().name("passage-bulk-", 1).daemon().factory());
    this.batch = newBatch();
  }

  /** Queues one paragraph, and sends the request it fills; safe from several threads. */
  void add(Operation operation) throws InterruptedIOException {
    byte[] lines = ndjson(operation);
    ByteArrayOutputStream full = null;
    int count = 0;
    synchronized (this) {
      batch.writeBytes(lines);
      batchOperations++;
      if (batchOperations >= operations || batch.size() >= bytes) {
        full = batch;
        count = batchOperations;
        batch = newBatch();
        batchOperations = 0;
      }
    }
    if (full != null) {
      send(full, count);
    }
  }

  /** What the cluster refused so far, a line per paragraph or per failed request. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Sends what is queued, waits for every request to be answered, and stops the senders. */
  void finish() throws InterruptedIOException {
    ByteArrayOutputStream rest;
    int count;
    synchronized (this) {
      rest = batch;
      count = batchOperations;
      batch = new ByteArrayOutputStream(0);
      batchOperations = 0;
    }
    try {
      if (count > 0) {
        send(rest, count);
      }
      acquire(concurrent);
    } finally {
      senders.shutdownNow();
    }
  }

  /** A batch sized for a whole request, so that filling it never copies what it holds. */
  private ByteArrayOutputStream newBatch() {
    return new ByteArrayOutputStream(bytes + 64 * 1024);
  }

  /** A paragraph's action line and document line. */
  private static byte[] ndjson(Operation op) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator line = JSON.createGenerator(out)) {
      line.writeStartObject();
      line.writeName("index");
      line.writeStartObject();
      line.writeStringProperty("_index", op.index());
      line.writeStringProperty("_id", op.id());
      if (op.routing() != null) {
        line.writeStringProperty("routing", op.routing());
      }
      line.writeEndObject();
      line.writeEndObject();
    }
    out.write('\n');
    JSON.writeValue(out, op.document());
    out.write('\n');
    return out.toByteArray();
  }

  private void send(ByteArrayOutputStream request, int paragraphs) throws InterruptedIOException {
    acquire(1);
    senders.execute(() -> {
      Request bulk =
          Requests.builder()
              .method("POST")
              .endpoint("/_bulk")
              .query(ANSWER_ONLY_FAILURES)
              .body(Body.from(request.toByteArray(), "application/x-ndjson"))
              .build();
      try (Response response = client.generic().execute(bulk)) {
        collect(response);
      } catch (IOException | RuntimeException e) {
        failures.add(refused(paragraphs, e.getMessage()));
      } finally {
        inFlight.release();
      }
    });
  }

  /**
   * The paragraphs the node refused one by one; a request it refuses whole (a 429, a 413) comes as
   * the transport's exception instead, with the status line and the node's answer.
   */
  private void collect(Response response) throws IOException {
    if (response.getBody().isEmpty()) {
      return;
    }
    JsonNode answer;
    try (InputStream in = response.getBody().get().body()) {
      answer = JSON.readTree(in);
    }
    if (answer.path("errors").asBoolean(false)) {
      for (JsonNode item : answer.path("items")) {
        for (JsonNode outcome : item) {
          if (outcome.has("error")) {
            failures.add(
                outcome.path("_id").asString()
                    + ": "
                    + outcome.path("error").path("reason").asString());
          }
        }
      }
    }
  }

  private static String refused(int paragraphs, String why) {
    return paragraphs + (paragraphs == 1 ? " paragraph: " : " paragraphs: ") + why;
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
