package dev.passage.query;

import dev.passage.engine.SnippetRules;
import dev.passage.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;

/**
 * Marks a query's words in any text, as the snippets mark them: the text analysed as the index
 * analyses a paragraph, so a stem marks all its forms ("visits" marks "visit"), a phrase is one
 * mark and a pattern marks the words it matches; the text HTML-escaped as the snippets escape it.
 * Every word the query asks for is marked wherever it stands, whether or not the text matches the
 * whole query; words the query excludes ({@code NOT oil}) and other fields ({@code person:…}) mark
 * nothing. The text is analysed in memory, so every engine marks alike.
 */
public final class QueryMarks implements UnaryOperator<String> {

  private static final Escaper ESCAPER = new Escaper();

  private final Query words;
  private final Analyzer analyzer;

  private QueryMarks(Query words, Analyzer analyzer) {
    this.words = words;
    this.analyzer = analyzer;
  }

  /** The marks of {@code query}'s words in text analysed by {@code analyzer}. */
  static QueryMarks of(Query query, Analyzer analyzer) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query leaf : wanted(query)) {
      any.add(leaf, BooleanClause.Occur.SHOULD);
    }
    return new QueryMarks(any.build(), analyzer);
  }

  /** {@code text} HTML-escaped, each of the query's words and phrases in {@code <mark>}. */
  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    int at = 0;
    for (int[] span : spans(text)) {
      ESCAPER.escape(out, text, at, span[0]);
      out.append(SnippetRules.MARK);
      ESCAPER.escape(out, text, span[0], span[1]);
      out.append(SnippetRules.END_MARK);
      at = span[1];
    }
    ESCAPER.escape(out, text, at, text.length());
    return out.toString();
  }

  /** Where the query's words are in {@code text}: ordered, overlapping spans joined. */
  private List<int[]> spans(String text) {
    List<int[]> spans = new ArrayList<>();
    MemoryIndex paragraph = new MemoryIndex(true);
    paragraph.addField(Schema.TEXT, text, analyzer);
    paragraph.addField(Schema.TEXT_EXACT, text, analyzer);
    IndexSearcher searcher = paragraph.createSearcher();
    try {
      Weight weight =
          searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE_NO_SCORES, 1f);
      LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
      Matches matches = weight.matches(leaf, 0);
      if (matches == null) {
        return spans;
      }
      for (String field : matches) {
        MatchesIterator each = matches.getMatches(field);
        while (each != null && each.next()) {
          if (each.startOffset() >= 0) {
            spans.add(new int[] {each.startOffset(), each.endOffset()});
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> joined = new ArrayList<>();
    for (int[] span : spans) {
      int[] last = joined.isEmpty() ? null : joined.getLast();
      if (last != null && span[0] <= last[1]) {
        last[1] = Math.max(last[1], span[1]);
      } else {
        joined.add(span);
      }
    }
    return joined;
  }

  /** The parts of {@code query} that ask for words: its leaves, except those it excludes. */
  private static List<Query> wanted(Query query) {
    List<Query> leaves = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            leaves.add(leaf);
          }

          // Patterns reach here through consumeTermsMatching's default.
          @Override
          public void visitLeaf(Query leaf) {
            leaves.add(leaf);
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return leaves;
  }

  /** The snippets' formatter, for its escaping: the article's marks escape text alike. */
  private static final class Escaper extends DefaultPassageFormatter {
    Escaper() {
      super(SnippetRules.MARK, SnippetRules.END_MARK, SnippetRules.ELLIPSIS, true);
    }

    void escape(StringBuilder out, String text, int start, int end) {
      append(out, text, start, end);
    }
  }
}
