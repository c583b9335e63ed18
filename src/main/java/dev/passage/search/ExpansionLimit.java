package dev.passage.search;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeSource;

/**
 * Rewrites a prefix, wildcard, range or regular-expression query as Lucene's constant-score blended
 * rewrite does, but first counts the words it matches and refuses the query beyond {@link
 * #MAX_TERMS}. A pattern such as {@code a*} matches a large share of the archive's vocabulary; each
 * matched word costs a postings read for every search and every highlighted hit, so the cost is
 * bounded where it arises rather than by a timer.
 */
final class ExpansionLimit extends MultiTermQuery.RewriteMethod {

  /** The most words one pattern may match, summed over the index's segments. */
  static final int MAX_TERMS = 10_000;

  static final ExpansionLimit INSTANCE = new ExpansionLimit();

  private ExpansionLimit() {}

  @Override
  public Query rewrite(IndexSearcher searcher, MultiTermQuery query) throws IOException {
    long count = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(query.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum matching = getTermsEnum(query, terms, new AttributeSource());
      while (matching.next() != null) {
        if (++count > MAX_TERMS) {
          throw new QueryCost(
              String.format(
                  Locale.ROOT,
                  "'%s' matches more than %,d different words; give more letters before the"
                      + " wildcard or narrow the range",
                  query.toString(query.getField()),
                  MAX_TERMS));
        }
      }
    }
    return MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE.rewrite(searcher, query);
  }
}
