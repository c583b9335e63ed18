package dev.passage.query;

import dev.passage.engine.Dimension;
import dev.passage.engine.QuotedInput;
import dev.passage.index.Schema;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.RegExp;

/**
 * Lucene's classic parser with the costly constructs bounded before any query object is built: a
 * leading wildcard is refused with advice, and a regular expression is measured before Lucene
 * unrolls it, because {@code /a{1,100000}/} alone takes seconds to compile. Term expansion at
 * search time is bounded by {@link ExpansionLimit}.
 */
final class BoundedQueryParser extends QueryParser {

  /** The largest regular expression, counted as the states its repeats unroll into. */
  static final int MAX_REGEX_SIZE = 1_000;

  private final KnownValues known;

  BoundedQueryParser(String field, Analyzer analyzer, KnownValues known) {
    super(field, analyzer);
    this.known = known;
    setDefaultOperator(Operator.AND);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(true);
    setMultiTermRewriteMethod(ExpansionLimit.INSTANCE);
  }

  /**
   * A tag term ({@code person:"xi jingpin"}, {@code organisation:SCO}) searches its canonical
   * value.
   */
  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    Dimension dimension = Dimension.of(field);
    String text = dimension == null ? queryText : known.canonical(dimension, queryText);
    Query words = super.getFieldQuery(field, text, quoted);
    if (words == null || !Schema.TEXT.equals(field)) {
      return words;
    }
    // An alias in free text also finds the paragraphs tagged with its canonical name: "SCO"
    // finds paragraphs about the Shanghai Cooperation Organisation that never write "SCO".
    BooleanQuery.Builder either = null;
    for (Dimension named : List.of(Dimension.PERSON, Dimension.ORGANISATION)) {
      String canonical = known.canonicalOfAlias(named, queryText);
      if (canonical != null) {
        if (either == null) {
          either = new BooleanQuery.Builder().add(words, BooleanClause.Occur.SHOULD);
        }
        either.add(new TermQuery(new Term(named.field(), canonical)), BooleanClause.Occur.SHOULD);
      }
    }
    return either == null ? words : either.build();
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (!termStr.isEmpty() && (termStr.charAt(0) == '*' || termStr.charAt(0) == '?')) {
      throw new QueryCost(
          "a word cannot start with * or ? ('"
              + clip(termStr)
              + "'): it would compare every word in the archive. Put at least one letter"
              + " first, such as chair*");
    }
    return super.getWildcardQuery(asWritten(field), termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(asWritten(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    return super.getFuzzyQuery(asWritten(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(asWritten(field), termStr);
  }

  /**
   * Patterns on the paragraph text match its words as written, not their stems: agricultural* finds
   * "agricultural", which the stemmed text holds as "agricultur".
   */
  private static String asWritten(String field) {
    return Schema.TEXT.equals(field) ? Schema.TEXT_EXACT : field;
  }

  /**
   * Checked here rather than in getRegexpQuery: this is the text after the analyzer's normalisation
   * (lower case), which is what Lucene compiles.
   */
  @Override
  protected Query newRegexpQuery(Term term) {
    String termStr = term.text();
    RegExp regex;
    try {
      regex = new RegExp(termStr, RegExp.ALL);
    } catch (IllegalArgumentException e) {
      throw invalid(termStr, e);
    }
    if (!regex.getIdentifiers().isEmpty()) {
      // <name> refers to an automaton supplied by the application; Passage supplies none.
      throw new QueryCost(
          "the regular expression /"
              + clip(termStr)
              + "/ names an automaton, <"
              + regex.getIdentifiers().iterator().next()
              + ">, and Passage has none. To search for < or >, put a backslash before it: \\<");
    }
    long size = size(regex);
    if (size > MAX_REGEX_SIZE) {
      throw new QueryCost(
          String.format(
              Locale.ROOT,
              "the regular expression /%s/ is too large: its repeats unroll into more than %,d"
                  + " steps; use smaller {min,max} counts",
              clip(termStr),
              MAX_REGEX_SIZE));
    }
    try {
      return super.newRegexpQuery(term);
    } catch (IllegalArgumentException e) {
      throw invalid(termStr, e);
    }
  }

  private static QueryCost invalid(String regex, IllegalArgumentException e) {
    return new QueryCost(
        "the regular expression /"
            + clip(regex)
            + "/ is not valid ("
            + lowerFirst(e.getMessage())
            + "). To search for a slash itself, put a backslash before it: \\/");
  }

  /**
   * Roughly how many automaton states {@code e} unrolls into, saturating above the limit: what
   * makes a regular expression costly to compile is repetition, especially nested.
   */
  static long size(RegExp e) {
    long size =
        switch (e.kind) {
          case REGEXP_UNION, REGEXP_CONCATENATION, REGEXP_INTERSECTION ->
              size(e.exp1) + size(e.exp2);
          case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT ->
              size(e.exp1) + 1;
          case REGEXP_REPEAT_MIN -> times(size(e.exp1), (long) e.min + 1);
          case REGEXP_REPEAT_MINMAX -> times(size(e.exp1), Math.max(1L, e.max));
          case REGEXP_STRING -> e.s.length();
          // <1-99999> matches numbers of up to five digits: a state per digit at least.
          case REGEXP_INTERVAL -> Math.max(e.digits, Integer.toString(e.max).length());
          default -> 1;
        };
    return Math.min(size, MAX_REGEX_SIZE + 1L);
  }

  private static long times(long a, long b) {
    return a > (MAX_REGEX_SIZE + 1L) / Math.max(1, b) ? MAX_REGEX_SIZE + 1L : a * b;
  }

  private static String clip(String text) {
    return QuotedInput.clip(text, 40);
  }

  private static String lowerFirst(String message) {
    if (message == null || message.isEmpty()) {
      return "syntax error";
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
