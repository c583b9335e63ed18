package dev.passage.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A query whose matches end when its time is up, for the base of a drill-sideways search: Lucene's
 * time limit ({@link IndexSearcher#setTimeout}) scores a segment in windows, which the one-pass
 * drill-sideways scorer refuses, so there the base query's own iterator stops instead, and the hits
 * and every count cover the paragraphs matched until then.
 */
final class TimeBoundQuery extends Query {

  /** How often the clock is read, in documents: reading it costs more than matching one. */
  private static final int CHECK_EVERY = 256;

  private final Query in;
  private final Clock clock;

  /** {@code in}, matching nothing more once {@code timeout} says to stop. */
  TimeBoundQuery(Query in, QueryTimeout timeout) {
    this(in, new Clock(timeout));
  }

  private TimeBoundQuery(Query in, Clock clock) {
    this.in = in;
    this.clock = clock;
  }

  /** Whether the time ran out before every match was found. */
  boolean expired() {
    return clock.expired;
  }

  /** The time limit of one search, read every {@link #CHECK_EVERY} documents. */
  private static final class Clock {
    private final QueryTimeout timeout;
    private int calls;
    private volatile boolean expired;

    Clock(QueryTimeout timeout) {
      this.timeout = timeout;
    }

    boolean stop() {
      if (!expired && calls++ % CHECK_EVERY == 0 && timeout.shouldExit()) {
        expired = true;
      }
      return expired;
    }
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? super.rewrite(searcher) : new TimeBoundQuery(rewritten, clock);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    return new FilterWeight(this, in.createWeight(searcher, scoreMode, boost)) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new BoundScorer(supplier.get(leadCost), clock);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public int count(LeafReaderContext context) {
        // A count from the index's statistics would not stop in time.
        return -1;
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  /** The inner scorer's matches, in one iterator (its two phases together), until time is up. */
  private static final class BoundScorer extends Scorer {
    private final Scorer in;
    private final DocIdSetIterator docs;

    BoundScorer(Scorer in, Clock clock) {
      this.in = in;
      DocIdSetIterator matches = in.iterator();
      this.docs =
          new DocIdSetIterator() {
            private int doc = -1;

            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() throws IOException {
              return doc = clock.stop() ? NO_MORE_DOCS : matches.nextDoc();
            }

            @Override
            public int advance(int target) throws IOException {
              return doc = clock.stop() ? NO_MORE_DOCS : matches.advance(target);
            }

            @Override
            public long cost() {
              return matches.cost();
            }
          };
    }

    @Override
    public int docID() {
      return docs.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return docs;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "timeBound(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && in.equals(((TimeBoundQuery) other).in)
        && clock == ((TimeBoundQuery) other).clock;
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + in.hashCode();
  }
}
