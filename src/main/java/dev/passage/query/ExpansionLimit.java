package dev.passage.query;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * Rewrites a prefix, wildcard, range or regular-expression query into the set of words it matches,
 * scored as a constant like Lucene's default rewrite, and refuses it beyond {@link #MAX_TERMS}
 * words. A pattern such as {@code a*} matches a large share of the archive's vocabulary; each word
 * costs a postings read for every search and every highlighted hit, so the cost is bounded where it
 * arises rather than by a timer. The words are collected once, while counting. Up to {@link
 * #MAX_SCORED_TERMS} words are searched as one scored clause each, so a hit is ranked by how often
 * and how rare its matching words are ({@code cooperation*}); more are searched as a
 * constant-scored {@link TermInSetQuery}, whose cost does not grow with each word's clause.
 */
public final class ExpansionLimit extends MultiTermQuery.RewriteMethod {

  /** The most different words one pattern may match. */
  public static final int MAX_TERMS = 10_000;

  /** The most words a pattern's hits are ranked by; beyond, they score alike. */
  static final int MAX_SCORED_TERMS = 64;

  static final ExpansionLimit INSTANCE = new ExpansionLimit();

  private ExpansionLimit() {}

  @Override
  public Query rewrite(IndexSearcher searcher, MultiTermQuery query) throws IOException {
    Set<BytesRef> words = new HashSet<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(query.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum matching = getTermsEnum(query, terms, new AttributeSource());
      for (BytesRef word = matching.next(); word != null; word = matching.next()) {
        if (words.contains(word)) {
          continue; // seen in another segment
        }
        words.add(BytesRef.deepCopyOf(word));
        if (words.size() > MAX_TERMS) {
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
    if (words.isEmpty() || words.size() > MAX_SCORED_TERMS) {
      return new TermInSetQuery(query.getField(), words);
    }
    BooleanQuery.Builder scored = new BooleanQuery.Builder();
    words.stream()
        .sorted()
        .forEach(w -> scored.add(new TermQuery(new Term(query.getField(), w)), Occur.SHOULD));
    return scored.build();
  }
}
