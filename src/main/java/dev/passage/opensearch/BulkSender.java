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
 * first, so that long paragraphs do not make requests larger than a node takes well. Each document
 * is serialised once, as its request is written. The client's {@code BulkIngester} serialises every
 * document once more to weigh it, then parses those bytes again to write the request, work that
 * competes with tagging for the same cores.
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
  private final long bytes;
  private final int concurrent;
  private final Semaphore inFlight;
  private final ExecutorService senders;
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private List<Operation> batch;
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
  void add(Operation operation, long size) throws InterruptedIOException {
    List<Operation> full = null;
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
    List<Operation> rest;
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

  private void send(List<Operation> request) throws InterruptedIOException {
    acquire(1);
    senders.execute(() -> {
      try (Response response = client.generic().execute(bulkRequest(request))) {
        collect(request.size(), response);
      } catch (IOException | RuntimeException e) {
        failures.add(refused(request.size(), e.getMessage()));
      } finally {
        inFlight.release();
      }
    });
  }

  private static Request bulkRequest(List<Operation> operations) {
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream(64 * 1024);
    for (Operation op : operations) {
      try (JsonGenerator line = JSON.createGenerator(ndjson)) {
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
      ndjson.write('\n');
      JSON.writeValue(ndjson, op.document());
      ndjson.write('\n');
    }
    return Requests.builder()
        .method("POST")
        .endpoint("/_bulk")
        .query(ANSWER_ONLY_FAILURES)
        .body(Body.from(ndjson.toByteArray(), "application/x-ndjson"))
        .build();
  }

  private void collect(int paragraphs, Response response) throws IOException {
    JsonNode answer = null;
    if (response.getBody().isPresent()) {
      try (InputStream in = response.getBody().get().body()) {
        answer = JSON.readTree(in);
      }
    }
    if (response.getStatus() / 100 != 2 || answer == null) {
      failures.add(
          refused(
              paragraphs,
              "status " + response.getStatus() + (answer == null ? "" : ": " + reasonOf(answer))));
      return;
    }
    if (answer.path("errors").asBoolean(false)) {
      for (JsonNode item : answer.path("items")) {
        for (JsonNode outcome : item) {
          if (outcome.has("error")) {
            failures.add(outcome.path("_id").asString() + ": " + reasonOf(outcome));
          }
        }
      }
    }
  }

  /** An error's reason, as OpenSearch words it, or the answer itself when it has none. */
  private static String reasonOf(JsonNode answer) {
    JsonNode reason = answer.path("error").path("reason");
    return reason.isMissingNode() ? answer.toString() : reason.asString();
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
