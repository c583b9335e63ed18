package dev.passage.search;

import dev.passage.index.Schema;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Parses the {@code q} parameter: Lucene's classic syntax (AND, OR, NOT, "phrases", prefix*,
 * fuzzy~, field:value) over the paragraph text, with AND as the default operator because a reader
 * who types two words wants paragraphs with both. Syntax errors become messages that point at the
 * column.
 */
final class QueryFactory {

  /**
   * The most states a regular expression's automaton may have: more than any search of news needs,
   * and far below what costs seconds and gigabytes to build ({@code /a{1000}{1000}{1000}/}).
   */
  static final long MAX_REGEXP_STATES = 10_000;

  private final Schema schema;

  QueryFactory(Schema schema) {
    this.schema = schema;
  }

  /** The query for {@code q}; every paragraph when {@code q} is blank or "*". */
  Query parse(String q) throws InvalidRequestException {
    String text = q.strip();
    if (text.isEmpty() || text.equals("*") || text.equals("*:*")) {
      return MatchAllDocsQuery.INSTANCE;
    }
    // A parser is cheap and not thread-safe, so each request gets its own.
    QueryParser parser =
        new QueryParser(Schema.TEXT, schema.analyzer()) {
          @Override
          protected Query newRegexpQuery(Term regexp) {
            try {
              RegExp parsed = new RegExp(regexp.text(), RegExp.ALL);
              if (!parsed.getIdentifiers().isEmpty()) {
                throw new Refused(namedAutomatonMessage(text, parsed.getIdentifiers()));
              }
              // Checked before Lucene builds the automaton: building alone can take gigabytes.
              if (states(parsed) > MAX_REGEXP_STATES) {
                throw new Refused(tooComplexMessage(text));
              }
              return super.newRegexpQuery(regexp);
            } catch (IllegalArgumentException e) {
              throw new Refused(regexpMessage(text, e));
            }
          }
        };
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    Query query;
    try {
      query = parser.parse(text);
    } catch (ParseException e) {
      throw new InvalidRequestException(syntaxMessage(text, e));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "the query has too many terms; the limit is " + IndexSearcher.getMaxClauseCount());
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidRequestException(tooComplexMessage(text));
    } catch (Refused e) {
      throw new InvalidRequestException(e.getMessage());
    }
    checkFields(query);
    return query;
  }

  private static void checkFields(Query query) throws InvalidRequestException {
    Set<String> unknown = new LinkedHashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            if (!Schema.QUERYABLE_FIELDS.contains(field)) {
              unknown.add(field);
            }
            return true;
          }
        });
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

  /**
   * About how many states the automaton of {@code re} has as Lucene builds it, before it is made
   * deterministic: the parts of a union or concatenation add up, an intersection multiplies them,
   * and a repetition {n} makes n copies. Counts past the limit are cut, so nothing overflows.
   */
  static long states(RegExp re) {
    long states =
        switch (re.kind) {
          case REGEXP_UNION, REGEXP_CONCATENATION -> states(re.exp1) + states(re.exp2);
          case REGEXP_INTERSECTION -> states(re.exp1) * states(re.exp2);
          case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT ->
              states(re.exp1) + 1;
          case REGEXP_REPEAT_MIN -> states(re.exp1) * (re.min + 1L);
          case REGEXP_REPEAT_MINMAX -> states(re.exp1) * Math.max(1L, re.max);
          case REGEXP_STRING -> re.s.length() + 1L;
          case REGEXP_INTERVAL -> 16L * Math.max(re.digits, String.valueOf(re.max).length());
          default -> 2;
        };
    return Math.min(states, MAX_REGEXP_STATES + 1);
  }

  /** A query refused from inside the parser, with the message for the person who wrote it. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private static String tooComplexMessage(String q) {
    return "cannot parse q '"
        + shown(q)
        + "': its regular expression or wildcard is too complex to search with;"
        + " use fewer repetitions and alternatives";
  }

  private static String namedAutomatonMessage(String q, Set<String> names) {
    return "cannot parse q '"
        + shown(q)
        + "': its regular expression names an automaton, <"
        + names.iterator().next()
        + ">, and Passage has none. To search for < or >, put a backslash before it: \\<";
  }

  /** "cannot parse q '/(/': its regular expression … is not valid (unexpected end-of-string)…". */
  private static String regexpMessage(String q, IllegalArgumentException e) {
    // Lucene's regular expressions say what is wrong with them, and where, this way.
    String why = e.getMessage() == null ? "syntax error" : e.getMessage();
    return "cannot parse q '"
        + shown(q)
        + "': its regular expression (the text between slashes) is not valid ("
        + why
        + "). To search for a slash itself, put a backslash before it: \\/";
  }

  /** "cannot parse q 'CICA AND (': the query ends too early (…)"; points at the problem. */
  static String syntaxMessage(String q, ParseException e) {
    // The parser wraps the grammar's exception; the original knows where it stopped.
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String where;
    if (cause instanceof ParseException original && original.currentToken != null) {
      Token next = original.currentToken.next;
      where =
          next == null || next.kind == 0
              ? "the query ends too early (is a bracket or a quote left open?)"
              // The parser counts columns from 0; people count from 1.
              : "unexpected '" + next.image + "' at column " + (next.beginColumn + 1);
    } else {
      String message = cause.getMessage() == null ? "syntax error" : cause.getMessage();
      int newline = message.indexOf('\n');
      where = (newline > 0 ? message.substring(0, newline) : message).strip();
    }
    String shown = q.length() > 80 ? q.substring(0, 80) + "…" : q;
    return "cannot parse q '"
        + shown
        + "': "
        + where
        + ". Use AND, OR, NOT, \"phrases\", prefix* and fuzzy~; put a backslash before a"
        + " special character to search for it: + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /";
  }

  /** {@code q} as messages quote it: cut after 80 characters. */
  private static String shown(String q) {
    return q.length() > 80 ? q.substring(0, 80) + "…" : q;
  }
}
