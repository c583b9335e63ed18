package dev.passage.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The articles an index holds, by their {@link ArticleStamp}s: what an update compares the folder
 * with. Read from the stamps on first paragraphs, so it costs one pass over the articles' doc
 * values, not over the stored paragraphs.
 */
final class IndexedArticles {

  private IndexedArticles() {}

  /** Every live article's stamp, by article id. */
  static Map<String, ArticleStamp> all(DirectoryReader reader) throws IOException {
    Map<String, ArticleStamp> stamps = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      BinaryDocValues hashes = r.getBinaryDocValues(Schema.ARTICLE_HASH);
      BinaryDocValues files = r.getBinaryDocValues(Schema.ARTICLE_FILE);
      SortedDocValues ids = r.getSortedDocValues(Schema.ARTICLE_ID);
      NumericDocValues sizes = DocValues.getNumeric(r, Schema.ARTICLE_FILE_SIZE);
      NumericDocValues times = DocValues.getNumeric(r, Schema.ARTICLE_FILE_MODIFIED);
      if (hashes == null || files == null || ids == null) {
        continue;
      }
      Bits live = r.getLiveDocs();
      for (int doc = hashes.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = hashes.nextDoc()) {
        if ((live == null || live.get(doc)) && ids.advanceExact(doc) && files.advanceExact(doc)) {
          stamps.put(
              ids.lookupOrd(ids.ordValue()).utf8ToString(),
              stamp(doc, files, hashes, sizes, times));
        }
      }
    }
    return stamps;
  }

  /** The stamp of article {@code id}, or null when the index does not hold it. */
  static ArticleStamp of(DirectoryReader reader, String id) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      BinaryDocValues hashes = r.getBinaryDocValues(Schema.ARTICLE_HASH);
      BinaryDocValues files = r.getBinaryDocValues(Schema.ARTICLE_FILE);
      if (hashes == null || files == null) {
        continue;
      }
      NumericDocValues sizes = DocValues.getNumeric(r, Schema.ARTICLE_FILE_SIZE);
      NumericDocValues times = DocValues.getNumeric(r, Schema.ARTICLE_FILE_MODIFIED);
      // The documents come in increasing order, as doc values must be advanced.
      for (int doc : liveDocs(r, new Term(Schema.ARTICLE_ID, id))) {
        if (hashes.advanceExact(doc) && files.advanceExact(doc)) {
          return stamp(doc, files, hashes, sizes, times);
        }
      }
    }
    return null;
  }

  /** The stamp on document {@code doc}, whose file and hash values are positioned on it. */
  private static ArticleStamp stamp(
      int doc,
      BinaryDocValues files,
      BinaryDocValues hashes,
      NumericDocValues sizes,
      NumericDocValues times)
      throws IOException {
    return new ArticleStamp(
        files.binaryValue().utf8ToString(),
        hashes.binaryValue().utf8ToString(),
        sizes.advanceExact(doc) ? sizes.longValue() : -1,
        times.advanceExact(doc) ? times.longValue() : -1);
  }

  /** The ids of the live articles read from {@code file}. */
  static List<String> inFile(DirectoryReader reader, String file) throws IOException {
    List<String> found = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      SortedDocValues ids = r.getSortedDocValues(Schema.ARTICLE_ID);
      if (ids == null) {
        continue;
      }
      for (int doc : liveDocs(r, new Term(Schema.ARTICLE_FILE, file))) {
        if (ids.advanceExact(doc)) {
          found.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
        }
      }
    }
    return found;
  }

  /** The live documents of {@code r} holding {@code term}, in doc id order. */
  private static int[] liveDocs(LeafReader r, Term term) throws IOException {
    Terms terms = r.terms(term.field());
    if (terms == null) {
      return new int[0];
    }
    TermsEnum te = terms.iterator();
    if (!te.seekExact(new BytesRef(term.text()))) {
      return new int[0];
    }
    Bits live = r.getLiveDocs();
    PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
    int[] docs = new int[8];
    int n = 0;
    for (int doc = postings.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      if (live == null || live.get(doc)) {
        if (n == docs.length) {
          docs = Arrays.copyOf(docs, n * 2);
        }
        docs[n++] = doc;
      }
    }
    return Arrays.copyOf(docs, n);
  }
}
