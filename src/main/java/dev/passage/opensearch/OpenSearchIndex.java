package dev.passage.opensearch;

import dev.passage.engine.EngineUnavailableException;
import dev.passage.engine.SearchEngine;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.ArticleStamp;
import dev.passage.index.IndexInfo;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexSummary;
import dev.passage.index.IndexingThreads;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.StampingSink;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.Problem;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.IndexSettingsAnalysis;
import org.opensearch.client.transport.TransportException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passage's index on a cluster: an alias in front of one versioned index. A whole build writes a
 * new index beside the one being served and moves the alias to it in one atomic step, so searches
 * never meet a missing or half-built index; a build that fails deletes only its own new index. The
 * commit data of the embedded engine ({@link IndexInfo}) lives in the mapping's {@code _meta}.
 */
public final class OpenSearchIndex {

  /**
   * Paragraphs per bulk request at most, as many as the benchmark's bare bulk load sends: fewer,
   * larger requests kept the nodes busier (docs/scale-out.md).
   */
  static final int BULK_OPERATIONS = 10_000;

  /**
   * Bytes per bulk request, about: OpenSearch advises requests of 5 to 15 MB, and long paragraphs
   * would make 10,000 of them much larger.
   */
  static final int BULK_BYTES = 10_000_000;

  /** How long a build waits for the cluster to copy its new index's replicas. */
  static final Duration REPLICA_WAIT = Duration.ofMinutes(5);

  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final OpenSearchClient client;
  private final OpenSearchConfig config;

  public OpenSearchIndex(OpenSearchClient client, OpenSearchConfig config) {
    this.client = client;
    this.config = config;
  }

  /** The alias searches go to. */
  public String alias() {
    return config.index();
  }

  /** The cluster and the alias, for messages. */
  String describe() {
    return config.describe();
  }

  /** The concrete index behind the alias, or null when there is none. */
  public String current() throws IOException {
    try {
      if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
        return null;
      }
      List<String> indices =
          new ArrayList<>(client.indices().getAlias(a -> a.name(alias())).result().keySet());
      Collections.sort(indices);
      return indices.isEmpty() ? null : indices.getLast();
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException | OpenSearchException e) {
      throw unavailable(e);
    }
  }

  /**
   * What the served index records about itself; null when there is no index behind the alias, or
   * one Passage did not write.
   */
  public IndexInfo info() throws IOException {
    String index = current();
    if (index == null) {
      return null;
    }
    try {
      TypeMapping mapping =
          client.indices().getMapping(m -> m.index(index)).result().get(index).mappings();
      Map<String, String> data = new HashMap<>();
      mapping.meta().forEach((k, v) -> data.put(k, v.to(String.class)));
      return IndexInfo.fromUserData(data);
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException | OpenSearchException e) {
      throw unavailable(e);
    }
  }

  /** Records {@code info} as what {@code index} holds. */
  void record(String index, IndexInfo info) throws IOException {
    Map<String, JsonData> meta = new HashMap<>();
    info.toUserData().forEach((k, v) -> meta.put(k, JsonData.of(v)));
    client.indices().putMapping(m -> m.index(index).meta(meta));
  }

  /**
   * Builds the index of {@code source} as a new versioned index and moves the alias to it; the
   * index the alias left is deleted once nothing searches it.
   */
  public IndexSummary build(
      IndexSource source,
      ArticlePipeline pipeline,
      String rulesFingerprint,
      int threads,
      Consumer<String> progress)
      throws IOException {
    long started = System.nanoTime();
    ArticleFolder folder = new ArticleFolder(source.articles());
    String index = alias() + "-" + VERSION.format(Instant.now());
    int replicas = Math.min(1, dataNodes() - 1);
    // Loaded without its replica, which then copies the finished segments: loaded alongside, the
    // replica would index every paragraph a second time on the same cluster.
    create(index, 0);
    progress.accept("Building " + index + " on " + config.describe() + " …");
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger articles = new AtomicInteger();
    AtomicInteger paragraphs = new AtomicInteger();
    boolean published = false;
    try {
      BulkSender bulk = new BulkSender(client, BULK_OPERATIONS, BULK_BYTES, threads);
      ThreadPoolExecutor pool = IndexingThreads.start(threads, "passage-opensearch-");
      try {
        folder.read(
            new StampingSink() {
              @Override
              protected void accept(Article article, ArticleStamp stamp) {
                pool.execute(() -> {
                  try {
                    var maybe = pipeline.process(article);
                    if (maybe.isEmpty()) {
                      problems.add(
                          Problem.skipped(article.origin(), ArticlePipeline.ONLY_FURNITURE));
                      return;
                    }
                    ProcessedArticle processed = maybe.get();
                    add(bulk, index, processed, stamp);
                    articles.incrementAndGet();
                    paragraphs.addAndGet(processed.paragraphs().size());
                  } catch (InterruptedIOException | RuntimeException | StackOverflowError e) {
                    problems.add(Problem.skipped(article.origin(), "could not be indexed: " + e));
                  }
                });
              }

              @Override
              public void problem(Problem problem) {
                problems.add(problem);
              }
            });
      } finally {
        pool.shutdown();
        try {
          IndexingThreads.await(pool);
        } finally {
          bulk.finish();
        }
      }
      List<String> failures = bulk.failures();
      if (!failures.isEmpty()) {
        throw new IOException(
            "the cluster refused "
                + failures.size()
                + " paragraphs; the first: "
                + failures.getFirst());
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (articles.get() == 0) {
        return new IndexSummary(0, 0, problems, millis, false);
      }
      String now = Instant.now().toString();
      record(index, new IndexInfo(articles.get(), source, rulesFingerprint, now, now));
      client.indices().refresh(r -> r.index(index));
      addReplicas(index, replicas, progress);
      publish(index);
      published = true;
      millis = (System.nanoTime() - started) / 1_000_000;
      return new IndexSummary(articles.get(), paragraphs.get(), problems, millis, true);
    } catch (TransportException | OpenSearchException e) {
      throw unavailable(e);
    } finally {
      if (!published) {
        deleteQuietly(index);
      }
    }
  }

  /** Queues the paragraphs of {@code article}, routed by its id so they share one shard. */
  private static void add(
      BulkSender bulk, String index, ProcessedArticle article, ArticleStamp stamp)
      throws InterruptedIOException {
    for (ParagraphSources.Source s : ParagraphSources.of(article, stamp)) {
      bulk.add(new BulkSender.Operation(index, s.id(), article.id(), s.fields()));
    }
  }

  /**
   * Gives {@code index} its replicas and waits, up to {@link #REPLICA_WAIT}, for them to be copied,
   * so that the index searches move to survives the loss of a node as the one they leave did. A
   * cluster that cannot place them in time gets the index as it is (searched like an index whose
   * replica is lost) and copies them after; the build says so.
   */
  private void addReplicas(String index, int replicas, Consumer<String> progress)
      throws IOException {
    if (replicas == 0) {
      return;
    }
    // A commit first: the replica copies the committed files, and would replay every paragraph
    // from the translog of an index never flushed.
    client.indices().flush(f -> f.index(index));
    client.indices().putSettings(p -> p.index(index).settings(s -> s.numberOfReplicas(replicas)));
    long deadline = System.nanoTime() + REPLICA_WAIT.toNanos();
    while (true) {
      // Each wait stays under the client's response timeout; the deadline bounds them all.
      HealthResponse health =
          client
              .cluster()
              .health(h ->
                  h.index(index).waitForStatus(HealthStatus.Green).timeout(t -> t.time("20s")));
      if (!health.timedOut()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        progress.accept(
            "The cluster has not copied "
                + index
                + "'s replica within "
                + REPLICA_WAIT.toSeconds()
                + " s; it is served as it is and the cluster copies the replica after.");
        return;
      }
    }
  }

  /** Points the alias at {@code index} alone, in one step, then deletes the indices it left. */
  private void publish(String index) throws IOException {
    List<String> old = new ArrayList<>();
    if (client.indices().existsAlias(a -> a.name(alias())).value()) {
      old.addAll(client.indices().getAlias(a -> a.name(alias())).result().keySet());
    }
    client
        .indices()
        .updateAliases(u -> {
          u.actions(a -> a.add(x -> x.index(index).alias(alias())));
          for (String o : old) {
            u.actions(a -> a.remove(x -> x.index(o).alias(alias())));
          }
          return u;
        });
    for (String o : old) {
      if (!o.equals(index)) {
        awaitSearchesOn(o);
        deleteQuietly(o);
      }
    }
  }

  /**
   * Waits until no search is reading {@code index}, or a search's whole time limit has passed: a
   * search that found it through the alias just before the alias moved may still be reading it.
   */
  private void awaitSearchesOn(String index) {
    long deadline = System.nanoTime() + SearchEngine.DEFAULT_TIME_LIMIT.toNanos() + 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        var search =
            client.indices().stats(s -> s.index(index)).indices().get(index).total().search();
        if (search.queryCurrent() + search.fetchCurrent() == 0) {
          return;
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        // The stats cannot say: wait the whole limit, as if a search were under way.
        try {
          Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return;
      }
    }
  }

  private void create(String index, int replicas) throws IOException {
    JsonNode definition;
    try (InputStream in = OpenSearchIndex.class.getResourceAsStream("/opensearch/index.json")) {
      if (in == null) {
        throw new IOException("the jar lacks /opensearch/index.json");
      }
      definition = JsonMapper.builder().build().readTree(in);
    }
    JsonpMapper mapper = client._transport().jsonpMapper();
    IndexSettings settings =
        IndexSettings.of(s ->
            s.analysis(
                    IndexSettingsAnalysis._DESERIALIZER.deserialize(
                        parser(mapper, definition.get("settings").get("analysis").toString()),
                        mapper))
                .maxResultWindow(definition.get("settings").get("max_result_window").asInt())
                .numberOfShards(2)
                .numberOfReplicas(replicas)
                .refreshInterval(t -> t.time("-1")));
    TypeMapping mapping =
        TypeMapping._DESERIALIZER.deserialize(
            parser(mapper, definition.get("mappings").toString()), mapper);
    client.indices().create(c -> c.index(index).settings(settings).mappings(mapping));
  }

  private static JsonParser parser(JsonpMapper mapper, String json) {
    return mapper.jsonProvider().createParser(new StringReader(json));
  }

  /** Data nodes in the cluster: an index gets a replica when there is a second node to hold it. */
  int dataNodes() throws IOException {
    try {
      return client.cluster().health().numberOfDataNodes();
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException | OpenSearchException e) {
      throw unavailable(e);
    }
  }

  private void deleteQuietly(String index) {
    try {
      client.indices().delete(d -> d.index(index));
    } catch (IOException | RuntimeException e) {
      // Cleaning up after another failure, which is what the caller must hear about.
    }
  }

  /** An error a reader can act on, naming the cluster, for what a transport failure means. */
  EngineUnavailableException unavailable(Exception e) {
    return new EngineUnavailableException(
        "the OpenSearch cluster at " + config.describe() + " cannot answer: " + e.getMessage(), e);
  }
}
