package dev.passage.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded engine's articles: a Lucene index in a folder. A batch is one {@link IndexWriter}
 * session over the last commit; closing it without a commit rolls everything back, so a batch
 * killed midway leaves the index as it was.
 */
public final class LuceneArticleStore implements ArticleStore {

  private final Schema schema;
  private final Path indexDir;
  private final ParagraphDocuments documents;

  public LuceneArticleStore(Schema schema, Path indexDir) {
    this.schema = schema;
    this.indexDir = indexDir;
    this.documents = new ParagraphDocuments(schema);
  }

  @Override
  public Changes open() throws IOException {
    return new LuceneChanges();
  }

  private final class LuceneChanges implements Changes {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexInfo info;
    private final IndexWriter writer;
    private boolean committed;

    LuceneChanges() throws IOException {
      Directory dir = FSDirectory.open(indexDir);
      DirectoryReader r = null;
      try {
        r = DirectoryReader.open(dir);
        IndexInfo i = IndexInfo.fromUserData(r.getIndexCommit().getUserData());
        if (i == null || i.source() == null) {
          throw new IOException("the index in " + indexDir + " was not built by this Passage");
        }
        IndexWriterConfig config = IndexBuilder.writerConfig(schema);
        config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
        this.writer = new IndexWriter(dir, config);
        this.info = i;
      } catch (LockObtainFailedException e) {
        closeQuietly(r, dir);
        throw new IOException(
            "another process is writing the index in " + indexDir + "; try again when it is done",
            e);
      } catch (IOException | RuntimeException e) {
        closeQuietly(r, dir);
        throw e;
      }
      this.directory = dir;
      this.reader = r;
    }

    @Override
    public IndexInfo info() {
      return info;
    }

    @Override
    public Map<String, ArticleStamp> stamps() throws IOException {
      return IndexedArticles.all(reader);
    }

    @Override
    public ArticleStamp stamp(String id) throws IOException {
      return IndexedArticles.of(reader, id);
    }

    @Override
    public List<String> idsInFile(String file) throws IOException {
      return IndexedArticles.inFile(reader, file);
    }

    @Override
    public void replace(ProcessedArticle article, ArticleStamp stamp) throws IOException {
      // Deleted, then added paragraph by paragraph: Lucene takes no document blocks in a sorted
      // index, and readers see neither step before the commit.
      writer.deleteDocuments(new Term(Schema.ARTICLE_ID, article.id()));
      for (Document doc : documents.build(article, stamp)) {
        writer.addDocument(doc);
      }
    }

    @Override
    public void delete(String id) throws IOException {
      writer.deleteDocuments(new Term(Schema.ARTICLE_ID, id));
    }

    @Override
    public void commit(IndexInfo next) throws IOException {
      writer.setLiveCommitData(next.toUserData().entrySet());
      writer.commit();
      committed = true;
    }

    @Override
    public void close() throws IOException {
      try {
        if (!committed) {
          writer.rollback();
        }
        writer.close();
      } finally {
        closeQuietly(reader, directory);
      }
    }
  }

  private static void closeQuietly(DirectoryReader reader, Directory directory) {
    try {
      if (reader != null) {
        reader.close();
      }
      directory.close();
    } catch (IOException e) {
      // Closing after a failure: the failure is what the caller needs to hear about.
    }
  }
}
