package dev.passage.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.Schema;
import dev.passage.testing.Fixtures;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every live article's title, once, for the suggester: from the titles' doc values, and from the
 * stored fields for articles indexed before titles were doc values.
 */
class ArticleTitlesTest {

  @TempDir Path dir;

  @Test
  void aBuildGivesEachArticlesTitleOnceFromItsDocValues() throws Exception {
    Fixtures.build(Fixtures.SEED_ARTICLES, dir.resolve("index"));
    try (LiveSearchers searchers = LiveSearchers.open(dir.resolve("index"), new Schema())) {
      PassageSearcher searcher = searchers.acquire();
      try {
        assertThat(searcher.titles())
            .hasSize(5)
            .doesNotHaveDuplicates()
            .allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(
                searcher
                    .getIndexReader()
                    .leaves()
                    .getFirst()
                    .reader()
                    .getBinaryDocValues(Schema.ARTICLE_TITLE))
            .as("titles are doc values")
            .isNotNull();
      } finally {
        searchers.release(searcher);
      }
    }
  }

  @Test
  void anArticleIndexedBeforeTitlesWereDocValuesIsReadFromTheStoredFields() throws Exception {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        // As an index of the schema before: the first paragraph's stamp, the title stored only.
        writer.addDocument(first("Old article", null));
        writer.addDocument(paragraph("Old article"));
        // And an article indexed since: its doc values are read, not its stored title (told apart
        // here by giving the two different words).
        writer.addDocument(first("New article", "New article, from doc values"));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        PassageSearcher searcher =
            PassageSearcher.open(
                reader, new Schema(), new SegmentOrdinals.Cache(), new SegmentPeriods.Cache());
        assertThat(searcher.titles())
            .containsExactly("Old article", "New article, from doc values");
      }
    }
  }

  /** An article's first paragraph, with {@code docValues} as its title's doc values if not null. */
  private static Document first(String title, String docValues) {
    Document doc = paragraph(title);
    doc.add(new BinaryDocValuesField(Schema.ARTICLE_FILE, new BytesRef(title + ".txt")));
    if (docValues != null) {
      doc.add(new BinaryDocValuesField(Schema.ARTICLE_TITLE, new BytesRef(docValues)));
    }
    return doc;
  }

  private static Document paragraph(String title) {
    Document doc = new Document();
    doc.add(new TextField(Schema.TITLE, title, Field.Store.YES));
    return doc;
  }
}
