package dev.passage.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.BaseCompositeReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * A page's view of the searcher's reader in which the highlighter's matches reuse, hit after hit,
 * the postings enums the previous hit used. Lucene's matches open a new postings enum (buffers of
 * several KB) for every term of every highlighted hit, a quarter of the garbage a search made. A
 * hit's enums are dead once its snippet is made, so the next hit of the same segment may take them:
 * {@link #nextHit} hands them out again in the order they are asked for, and within one hit every
 * request gets its own. (Terms enums are not reused: some callers read them from the start.)
 */
final class ReusedPostings extends BaseCompositeReader<LeafReader> {

  private ReusedPostings(Segment[] segments) throws IOException {
    super(segments, null);
  }

  /** A view of {@code reader}, segment for segment in the same order; one thread at a time. */
  static ReusedPostings of(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    Segment[] segments = new Segment[leaves.size()];
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new Segment(leaves.get(i).reader());
    }
    return new ReusedPostings(segments);
  }

  /**
   * The context of the view's segment {@code ord}, made ready for one more hit: the enums its
   * previous hit used are handed out again.
   */
  LeafReaderContext nextHit(int ord) {
    LeafReaderContext context = leaves().get(ord);
    ((Segment) context.reader()).rewind();
    return context;
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  @Override
  protected void doClose() {}

  /** One segment, keeping the enums it handed out; the view never closes the segment it wraps. */
  private static final class Segment extends FilterLeafReader {

    /**
     * Enums kept for the next hit at most: a hit's query has a handful of terms, and a view lives
     * as long as its reader, so a query of a thousand terms must not leave a thousand behind.
     */
    private static final int KEPT_PER_SEGMENT = 32;

    private final List<PostingsEnum> postings = new ArrayList<>();
    private int postingsTaken;

    Segment(LeafReader in) {
      super(in);
    }

    void rewind() {
      postingsTaken = 0;
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = super.terms(field);
      return terms == null ? null : new ReusingTerms(terms);
    }

    private PostingsEnum postings(TermsEnum in, int flags) throws IOException {
      int slot = postingsTaken++;
      if (slot < postings.size()) {
        PostingsEnum next = in.postings(postings.get(slot), flags);
        postings.set(slot, next);
        return next;
      }
      PostingsEnum next = in.postings(null, flags);
      if (postings.size() < KEPT_PER_SEGMENT) {
        postings.add(next);
      }
      return next;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }

    private final class ReusingTerms extends FilterTerms {

      ReusingTerms(Terms in) {
        super(in);
      }

      @Override
      public TermsEnum iterator() throws IOException {
        return new ReusingTermsEnum(in.iterator());
      }
    }

    private final class ReusingTermsEnum extends FilterTermsEnum {

      ReusingTermsEnum(TermsEnum in) {
        super(in);
      }

      @Override
      public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
        return Segment.this.postings(in, flags);
      }
    }
  }
}
