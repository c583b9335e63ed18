package dev.passage.bench;

import dev.passage.index.IndexBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor under indexing: the bulk file OpenSearch loads, indexed by bare Lucene with the mapping
 * OpenSearch gets ({@code bench/opensearch-index.json}): english analysis of title and text,
 * keyword fields with doc values for the article id, the date and the four facets, the paragraph
 * number, and the source line stored. No tagging, no index sort, no offsets, no merge: what any
 * engine built on Lucene spends on this machine before it does anything of its own.
 */
public final class IndexingFloor {

  /** Bulk lines handed to an indexing thread at a time. */
  private static final int BATCH_LINES = 1_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Documents indexed and the seconds from opening the bulk file to the end of the commit. */
  public record Result(long documents, double seconds) {
    public double perSecond() {
      return documents / seconds;
    }
  }

  private IndexingFloor() {}

  /** Indexes the action and source line pairs of {@code bulk} into {@code index} on N threads. */
  public static Result run(Path bulk, Path index, int threads) throws IOException {
    long started = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(IndexBuilder.ramBufferMB(Runtime.getRuntime().maxMemory()));
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 2),
            new ThreadPoolExecutor.CallerRunsPolicy());
    long documents = 0;
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), config);
        BufferedReader lines = Files.newBufferedReader(bulk, StandardCharsets.UTF_8)) {
      List<Future<?>> batches = new ArrayList<>();
      List<String> batch = new ArrayList<>(BATCH_LINES);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        batch.add(line);
        if (batch.size() == BATCH_LINES) {
          batches.add(submit(pool, writer, batch));
          batch = new ArrayList<>(BATCH_LINES);
        }
      }
      batches.add(submit(pool, writer, batch));
      for (Future<?> f : batches) {
        f.get();
      }
      writer.commit();
      documents = writer.getDocStats().numDocs;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("could not index the bulk file: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Result(documents, (System.nanoTime() - started) / 1e9);
  }

  private static Future<?> submit(ThreadPoolExecutor pool, IndexWriter writer, List<String> lines) {
    return pool.submit(() -> {
      for (int i = 0; i + 1 < lines.size(); i += 2) {
        writer.addDocument(document(lines.get(i), lines.get(i + 1)));
      }
      return null;
    });
  }

  /** A document as OpenSearch's mapping makes it from one action line and its source line. */
  static Document document(String action, String source) {
    JsonNode fields = JSON.readTree(source);
    Document doc = new Document();
    doc.add(
        new KeywordField(
            "_id", JSON.readTree(action).get("index").get("_id").asString(), Field.Store.YES));
    doc.add(new StoredField("_source", new BytesRef(source)));
    doc.add(new TextField("title", fields.get("title").asString(), Field.Store.NO));
    doc.add(new TextField("text", fields.get("text").asString(), Field.Store.NO));
    doc.add(new KeywordField("article_id", fields.get("article_id").asString(), Field.Store.NO));
    if (!fields.get("date").isNull()) {
      doc.add(new KeywordField("date", fields.get("date").asString(), Field.Store.NO));
    }
    doc.add(new IntField("paragraph", fields.get("paragraph").asInt(), Field.Store.NO));
    for (String facet : List.of("year", "person", "organisation", "topic")) {
      for (JsonNode value : fields.get(facet)) {
        doc.add(new KeywordField(facet, value.asString(), Field.Store.NO));
      }
    }
    return doc;
  }
}
