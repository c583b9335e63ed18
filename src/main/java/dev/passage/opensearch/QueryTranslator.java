package dev.passage.opensearch;

import dev.passage.engine.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Turns the query Passage parsed and validated into OpenSearch's query DSL, node for node, so the
 * cluster searches exactly the terms the embedded engine would: words already analysed by Passage's
 * analyzer are sent as terms, never analysed a second time (the Porter stemmer is not idempotent),
 * and patterns go to the text as written, as they do in the embedded engine.
 */
final class QueryTranslator {

  /**
   * The analyzer (see {@code opensearch/index.json}) that reads a phrase of analysed terms back:
   * split on spaces, with "_" standing for a removed stop word, so positions match Lucene's.
   */
  static final String POSITIONS_ANALYZER = "passage_positions";

  static final String GAP = "_";

  /** Words of a pattern its hits are ranked by, as in the embedded engine's expansion limit. */
  static final int SCORED_WORDS = 64;

  private QueryTranslator() {}

  /** The OpenSearch query for {@code query}. */
  static Query translate(org.apache.lucene.search.Query query) throws InvalidRequestException {
    return switch (query) {
      case MatchAllDocsQuery q -> Query.of(b -> b.matchAll(m -> m));
      case MatchNoDocsQuery q -> Query.of(b -> b.matchNone(m -> m));
      case TermQuery q -> term(q.getTerm());
      case BooleanQuery q -> bool(q);
      case BoostQuery q -> boosted(translate(q.getQuery()), q.getBoost());
      case ConstantScoreQuery q -> {
        Query inner = translate(q.getQuery());
        yield Query.of(b -> b.constantScore(c -> c.filter(inner)));
      }
      case PhraseQuery q -> phrase(q);
      case PrefixQuery q ->
          ranked(rewrite ->
              Query.of(b ->
                  b.prefix(p -> {
                    p.field(q.getPrefix().field()).value(q.getPrefix().text());
                    return rewrite == null ? p : p.rewrite(rewrite);
                  })));
      case WildcardQuery q ->
          ranked(rewrite ->
              Query.of(b ->
                  b.wildcard(w -> {
                    w.field(q.getField()).value(q.getTerm().text());
                    return rewrite == null ? w : w.rewrite(rewrite);
                  })));
      case RegexpQuery q ->
          ranked(rewrite ->
              Query.of(b ->
                  b.regexp(r -> {
                    r.field(q.getRegexp().field()).value(q.getRegexp().text()).flags("ALL");
                    return rewrite == null ? r : r.rewrite(rewrite);
                  })));
      case FuzzyQuery q ->
          Query.of(b ->
              b.fuzzy(f ->
                  f.field(q.getField())
                      .value(FieldValue.of(q.getTerm().text()))
                      .fuzziness(String.valueOf(q.getMaxEdits()))
                      .prefixLength(q.getPrefixLength())
                      .transpositions(q.getTranspositions())));
      case TermRangeQuery q -> range(q);
      case SynonymQuery q -> anyOf(q.getField(), q.getTerms().stream().map(Term::text).toList());
      case TermInSetQuery q -> anyOf(q.getField(), texts(q));
      case DisjunctionMaxQuery q -> disjunction(q);
      default ->
          throw new InvalidRequestException(
              "the query uses a form the OpenSearch engine cannot run yet ("
                  + query.getClass().getSimpleName()
                  + "); write it another way");
    };
  }

  /**
   * A pattern that matches every paragraph any of its words is in, ranked by the words most worth
   * scoring: the embedded engine scores a pattern's hits by the words they hold (up to {@link
   * #SCORED_WORDS} words), where the cluster's default gives every hit the same score.
   */
  private static Query ranked(Function<String, Query> pattern) {
    Query all = pattern.apply(null);
    Query scored = pattern.apply("top_terms_" + SCORED_WORDS);
    return Query.of(b -> b.bool(x -> x.must(all).should(scored)));
  }

  private static Query term(Term term) {
    return Query.of(b -> b.term(t -> t.field(term.field()).value(FieldValue.of(term.text()))));
  }

  private static Query bool(BooleanQuery query) throws InvalidRequestException {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    for (BooleanClause clause : query.clauses()) {
      Query q = translate(clause.query());
      switch (clause.occur()) {
        case MUST -> bool.must(q);
        case SHOULD -> bool.should(q);
        case MUST_NOT -> bool.mustNot(q);
        case FILTER -> bool.filter(q);
      }
    }
    if (query.getMinimumNumberShouldMatch() > 0) {
      bool.minimumShouldMatch(String.valueOf(query.getMinimumNumberShouldMatch()));
    }
    BoolQuery built = bool.build();
    return Query.of(b -> b.bool(built));
  }

  private static Query boosted(Query inner, float boost) {
    return Query.of(b -> b.bool(x -> x.must(inner).boost(boost)));
  }

  /** A phrase of analysed terms, with a gap word wherever Lucene's positions skip one. */
  private static Query phrase(PhraseQuery query) {
    Term[] terms = query.getTerms();
    int[] positions = query.getPositions();
    if (terms.length == 0) {
      return Query.of(b -> b.matchNone(m -> m));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < terms.length; i++) {
      if (i > 0) {
        for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) {
          text.append(' ').append(GAP);
        }
        text.append(' ');
      }
      text.append(terms[i].text());
    }
    String field = terms[0].field();
    return Query.of(b ->
        b.matchPhrase(m ->
            m.field(field)
                .query(text.toString())
                .analyzer(POSITIONS_ANALYZER)
                .slop(query.getSlop())));
  }

  private static Query range(TermRangeQuery query) {
    BytesRef lower = query.getLowerTerm();
    BytesRef upper = query.getUpperTerm();
    return Query.of(b ->
        b.range(r -> {
          r.field(query.getField());
          if (lower != null) {
            JsonData from = JsonData.of(lower.utf8ToString());
            if (query.includesLower()) {
              r.gte(from);
            } else {
              r.gt(from);
            }
          }
          if (upper != null) {
            JsonData to = JsonData.of(upper.utf8ToString());
            if (query.includesUpper()) {
              r.lte(to);
            } else {
              r.lt(to);
            }
          }
          return r;
        }));
  }

  private static Query anyOf(String field, List<String> values) {
    List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
    return Query.of(b -> b.terms(t -> t.field(field).terms(v -> v.value(terms))));
  }

  private static List<String> texts(TermInSetQuery query) {
    List<String> texts = new ArrayList<>();
    try {
      BytesRefIterator terms = query.getBytesRefIterator();
      for (BytesRef term = terms.next(); term != null; term = terms.next()) {
        texts.add(term.utf8ToString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  private static Query disjunction(DisjunctionMaxQuery query) throws InvalidRequestException {
    List<Query> queries = new ArrayList<>();
    for (org.apache.lucene.search.Query q : query.getDisjuncts()) {
      queries.add(translate(q));
    }
    return Query.of(
        b -> b.disMax(d -> d.queries(queries).tieBreaker(query.getTieBreakerMultiplier())));
  }
}
