package dev.passage.query;

import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.QuotedInput;
import dev.passage.index.Schema;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Parses the {@code q} parameter: Lucene's classic syntax (AND, OR, NOT, "phrases", prefix*,
 * fuzzy~, field:value) over the paragraph text, with AND as the default operator because a reader
 * who types two words wants paragraphs with both. Syntax errors become messages that point at the
 * column.
 */
public final class QueryFactory {

  /**
   * The most prefix*, wildcard, fuzzy~, [range] and /regex/ terms in one query: each one walks the
   * vocabulary, so their number bounds the cost of a query as much as their size does.
   */
  static final int MAX_PATTERNS = 10;

  private final Schema schema;
  private final KnownValues known;

  public QueryFactory(Schema schema, KnownValues known) {
    this.schema = schema;
    this.known = known;
  }

  /** The query for {@code q}; every paragraph when {@code q} is blank or "*". */
  public Query parse(String q) throws InvalidRequestException {
    String text = q.strip();
    if (text.isEmpty() || text.equals("*") || text.equals("*:*")) {
      return MatchAllDocsQuery.INSTANCE;
    }
    // A parser is cheap and not thread-safe, so each request gets its own.
    QueryParser parser = new BoundedQueryParser(Schema.TEXT, schema.analyzer(), known);
    SlashWords.Rewritten rewritten = SlashWords.rewrite(text);
    Query query;
    try {
      query = parser.parse(rewritten.text());
    } catch (ParseException e) {
      // The parser reports too many clauses as a parse error caused by them.
      if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
        throw new InvalidRequestException(
            "the query has too many terms; the limit is " + IndexSearcher.getMaxClauseCount());
      }
      throw new InvalidRequestException(syntaxMessage(text, rewritten, e));
    } catch (QueryCost e) {
      throw new InvalidRequestException(e.getMessage());
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidRequestException(
          "cannot parse q '"
              + clip(text)
              + "': its regular expression or wildcard is too complex to search with;"
              + " use fewer repetitions and alternatives");
    }
    checkFieldsAndPatterns(query);
    return everythingExcept(query);
  }

  /** True when {@code query} has a term on the text as written (a pattern). */
  public static boolean searchesAsWritten(Query query) {
    boolean[] found = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            found[0] |= Schema.TEXT_EXACT.equals(field);
            return false;
          }
        });
    return found[0];
  }

  /**
   * True when {@code query}, parsed from a query that was not blank, searches nothing: every word
   * was a stop word ("the", "of and"), which the analyzer drops.
   */
  static boolean onlyStopWords(Query query) {
    if (!(query instanceof BooleanQuery)) {
      return false;
    }
    int[] leaves = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            leaves[0] += terms.length;
          }

          @Override
          public void visitLeaf(Query leaf) {
            leaves[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return leaves[0] == 0;
  }

  /**
   * {@code query} with every part that only excludes ({@code NOT Kazakhstan}, {@code -oil}) made to
   * exclude from every paragraph, as a reader means it; Lucene would match nothing.
   */
  static Query everythingExcept(Query query) {
    if (!(query instanceof BooleanQuery bool) || bool.clauses().isEmpty()) {
      return query;
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    boolean positive = false;
    for (BooleanClause clause : bool.clauses()) {
      builder.add(everythingExcept(clause.query()), clause.occur());
      positive |= clause.occur() != BooleanClause.Occur.MUST_NOT;
    }
    if (!positive) {
      builder.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
    }
    return builder.build();
  }

  private static void checkFieldsAndPatterns(Query query) throws InvalidRequestException {
    Set<String> unknown = new LinkedHashSet<>();
    int[] patterns = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            if (!Schema.QUERYABLE_FIELDS.contains(field) && !field.equals(Schema.TEXT_EXACT)) {
              unknown.add(field);
            }
            return true;
          }

          // Patterns reach here through consumeTermsMatching's default.
          @Override
          public void visitLeaf(Query leaf) {
            if (leaf instanceof MultiTermQuery) {
              patterns[0]++;
            }
          }
        });
    if (patterns[0] > MAX_PATTERNS) {
      throw new InvalidRequestException(
          "the query has "
              + patterns[0]
              + " wildcard, fuzzy, range or regular-expression terms; the limit is "
              + MAX_PATTERNS);
    }
    if (!unknown.isEmpty()) {
      String field = unknown.iterator().next();
      throw new InvalidRequestException(
          "unknown field '"
              + field
              + "' in q; fields are "
              + String.join(", ", Schema.QUERYABLE_FIELDS)
              + ". To search for '"
              + field
              + ":' as words, write '"
              + field
              + "\\:'");
    }
  }

  /** "cannot parse q 'CICA AND (': the query ends too early (…)"; points at the problem. */
  static String syntaxMessage(String q, SlashWords.Rewritten parsed, ParseException e) {
    // The parser wraps the grammar's exception; the original knows where it stopped.
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String where;
    if (cause instanceof ParseException original && original.currentToken != null) {
      Token next = original.currentToken.next;
      where =
          next == null || next.kind == 0
              ? "the query ends too early (is a bracket or a quote left open?)"
              // The parser counts columns from 0; people count from 1.
              : "unexpected '"
                  + next.image
                  + "' at column "
                  + (parsed.typedColumn(next.beginColumn) + 1);
    } else if (cause instanceof TokenMgrError) {
      where = unfinished(q, parsed);
    } else {
      where = firstLine(cause.getMessage());
    }
    return "cannot parse q '"
        + clip(q)
        + "': "
        + where
        + ". Use AND, OR, NOT, \"phrases\", prefix* and fuzzy~; put a backslash before a"
        + " special character to search for it: + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /";
  }

  /**
   * What {@code q} leaves open when Lucene's lexer stops at its end: a phrase without its closing
   * quote (found as the query was read for its slashes), or a backslash with nothing to escape.
   */
  private static String unfinished(String q, SlashWords.Rewritten parsed) {
    if (parsed.openQuote() >= 0) {
      return "the quote at column "
          + (parsed.openQuote() + 1)
          + " opens a phrase that is never closed: end it with another \", or put a backslash"
          + " before the quote to search for it";
    }
    int backslashes = q.length() - q.replaceFirst("\\\\+$", "").length();
    if (backslashes % 2 == 1) {
      return "it ends with a backslash, which makes the character after it a plain one;"
          + " write \\\\ to search for a backslash";
    }
    return "it cannot be read to its end";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int newline = message.indexOf('\n');
    return (newline > 0 ? message.substring(0, newline) : message).strip();
  }

  /** {@code q} as messages quote it: cut after 80 characters. */
  private static String clip(String q) {
    return QuotedInput.clip(q, 80);
  }
}
