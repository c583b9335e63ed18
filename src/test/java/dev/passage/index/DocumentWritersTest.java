package dev.passage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passage.ingest.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DocumentWritersTest {

  private final Directory dir = new ByteBuffersDirectory();
  private IndexWriter writer;
  private final List<String> written = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failed = Collections.synchronizedList(new ArrayList<>());

  private final DocumentWriters.Outcome outcome =
      new DocumentWriters.Outcome() {
        @Override
        public void written(DocumentWriters.Batch batch) {
          if (batch.article().id().equals("fatal")) {
            throw new AssertionError("not a problem of one article");
          }
          written.add(batch.article().id() + ":" + batch.documents().size());
        }

        @Override
        public void failed(DocumentWriters.Batch batch, Throwable error) {
          failed.add(batch.article().id() + ": " + error.getClass().getSimpleName());
        }
      };

  private static DocumentWriters.Batch batch(String id, String... values) {
    List<Document> docs = new ArrayList<>();
    for (String value : values) {
      Document doc = new Document();
      doc.add(new StringField("id", value, Field.Store.NO));
      docs.add(doc);
    }
    return new DocumentWriters.Batch(
        new Article(id, null, null, null, null, "", id + ".txt"), docs);
  }

  @BeforeEach
  void openWriter() throws IOException {
    writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()));
  }

  @AfterEach
  void closeWriter() throws IOException {
    writer.close();
    dir.close();
  }

  private int committedDocs() throws IOException {
    writer.commit();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  @Test
  void everyBatchHandedOverIsWrittenBeforeFinishReturns() throws Exception {
    DocumentWriters writers = new DocumentWriters(writer, 1, outcome);
    for (int i = 0; i < 200; i++) {
      writers.write(batch("a" + i, "a" + i + "#1", "a" + i + "#2"));
    }
    writers.finish();
    assertThat(written).hasSize(200).contains("a0:2", "a199:2");
    assertThat(failed).isEmpty();
    assertThat(committedDocs()).isEqualTo(400);
  }

  @Test
  void aBatchLuceneRefusesIsReportedAndTheNextOnesAreStillWritten() throws Exception {
    DocumentWriters writers = new DocumentWriters(writer, 1, outcome);
    writers.write(batch("before", "before#1"));
    // A single term over Lucene's 32,766-byte limit.
    writers.write(batch("immense", "x".repeat(40_000)));
    writers.write(batch("after", "after#1"));
    writers.finish();
    assertThat(written).containsExactly("before:1", "after:1");
    assertThat(failed).containsExactly("immense: IllegalArgumentException");
    assertThat(committedDocs()).isEqualTo(2);
  }

  @Test
  @Timeout(10)
  void anErrorNoArticleExplainsStopsTheWritersAndFailsTheBuild() throws Exception {
    DocumentWriters writers = new DocumentWriters(writer, 1, outcome);
    writers.write(batch("fatal", "fatal#1"));
    assertThatThrownBy(
            () -> {
              // The writes fail once the one writer has stopped, whether or not the queue is full.
              for (int i = 0; i < 1_000; i++) {
                writers.write(batch("a" + i, "a" + i + "#1"));
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage(
            "the index writer stopped: java.lang.AssertionError: not a problem of one article");
    assertThatThrownBy(() -> writers.finish())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("the index writer stopped");
    // A failing build aborts: that must not throw over the reason it is failing.
    assertThatCode(writers::abort).doesNotThrowAnyException();
  }

  @Test
  @Timeout(30)
  void abortingStopsEveryWriterThreadWhicheverTakesWhichEnd() throws Exception {
    // Each writer takes whichever end marker comes first: a marker meant for one thread may stop
    // another, which once left the first waiting for good (a hang seen in CI). Many rounds make
    // that order likely.
    for (int round = 0; round < 500; round++) {
      DocumentWriters writers = new DocumentWriters(writer, 3, outcome);
      writers.abort();
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("passage-writer-"));
  }
}
