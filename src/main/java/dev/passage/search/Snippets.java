package dev.passage.search;

import dev.passage.engine.SnippetRules;
import dev.passage.index.Schema;
import dev.passage.query.QueryFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Makes the snippet of each hit: its best sentence, HTML-escaped, every match in {@code <mark>}.
 * The {@link UnifiedHighlighter} reads match offsets from the postings (see {@link
 * Schema#TEXT_TYPE}) and, with weight matches, marks a phrase as one span and stemmed forms as
 * matches. Only the hits of the returned page are highlighted.
 */
final class Snippets {

  // Escaping is the formatter's job, so text from articles can never become markup.
  private static final PassageFormatter FORMATTER =
      new DefaultPassageFormatter("<mark>", "</mark>", " " + SnippetRules.ELLIPSIS + " ", true);

  private static final PassageScorer SCORER = new LightPassageScorer();

  private final Schema schema;

  Snippets(Schema schema) {
    this.schema = schema;
  }

  /**
   * One snippet per hit of {@code page}, in order, from {@code texts}: the hits' paragraph texts,
   * already read with their other stored fields, so no stored document is decompressed twice.
   */
  String[] of(PassageSearcher searcher, Query query, ScoreDoc[] page, String[] texts)
      throws IOException {
    ReusedPostings view = searcher.borrowPostingsView();
    try {
      return of(searcher, view, query, page, texts);
    } finally {
      searcher.returnPostingsView(view);
    }
  }

  private String[] of(
      IndexSearcher searcher, ReusedPostings view, Query query, ScoreDoc[] page, String[] texts)
      throws IOException {
    Map<Integer, String> byDoc = new HashMap<>(page.length * 2);
    for (int i = 0; i < page.length; i++) {
      byDoc.put(page[i].doc, texts[i]);
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, schema.analyzer())
            .withFormatter(FORMATTER)
            .withWeightMatches(true)
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withBreakIterator(SentenceBreaks::new)
            .withMaxNoHighlightPassages(1)
            .withScorer(SCORER);
    UnifiedHighlighter highlighter =
        new UnifiedHighlighter(builder) {
          // The schema puts offsets in the text's postings; Lucene would otherwise merge every
          // segment's field infos on each request to find that out, a cost on every snippet.
          // The text as written has no offsets in the index: its matches on the page's hits
          // are found by analysing them again.
          @Override
          protected OffsetSource getOffsetSource(String field) {
            return Schema.TEXT_EXACT.equals(field) ? OffsetSource.ANALYSIS : OffsetSource.POSTINGS;
          }

          @Override
          protected FieldOffsetStrategy getOffsetStrategy(
              OffsetSource source, UHComponents components) {
            return source == OffsetSource.POSTINGS
                ? new SharedWeightOffsets(searcher, view, components)
                : super.getOffsetStrategy(source, components);
          }

          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docs.nextDoc()) {
              CharSequence[] text = new CharSequence[fields.length];
              // Every highlighted field is the paragraph text, analysed one way or another.
              Arrays.fill(text, byDoc.getOrDefault(doc, ""));
              values.add(text);
            }
            return values;
          }
        };
    String[] snippets;
    if (QueryFactory.searchesAsWritten(query)) {
      // Patterns match the text as written, the other words its stems: each field marks its own
      // matches, and a hit shows the text's snippet unless only the words as written matched.
      int[] docs = new int[page.length];
      for (int i = 0; i < page.length; i++) {
        docs[i] = page[i].doc;
      }
      Map<String, String[]> fields =
          highlighter.highlightFields(
              new String[] {Schema.TEXT, Schema.TEXT_EXACT}, query, docs, new int[] {1, 1});
      snippets = fields.get(Schema.TEXT);
      String[] asWritten = fields.get(Schema.TEXT_EXACT);
      for (int i = 0; i < snippets.length; i++) {
        boolean marked = snippets[i] != null && snippets[i].contains("<mark>");
        if (!marked && asWritten[i] != null && asWritten[i].contains("<mark>")) {
          snippets[i] = asWritten[i];
        }
      }
    } else {
      TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
      snippets = highlighter.highlight(Schema.TEXT, query, pageDocs, 1);
    }
    for (int i = 0; i < snippets.length; i++) {
      snippets[i] = snippets[i] == null ? "" : SnippetRules.trim(snippets[i].strip());
    }
    return snippets;
  }

  /**
   * Match offsets from the postings, as Lucene's {@link PostingsOffsetStrategy} finds them with
   * weight matches, but from one {@link Weight} for the whole page: Lucene rewrites the query and
   * creates a weight (seeking every term in the dictionary) for each highlighted hit, once per hit
   * for what one weight can do for all. The weight reads a {@link ReusedPostings} view, so the
   * page's hits (and the searches that had the view before) share their postings enums too.
   */
  private static final class SharedWeightOffsets extends PostingsOffsetStrategy {

    private final IndexSearcher searcher;
    private final ReusedPostings view;
    private Weight weight;

    SharedWeightOffsets(IndexSearcher searcher, ReusedPostings view, UHComponents components) {
      super(components);
      this.searcher = searcher;
      this.view = view;
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(
        LeafReader leafReader, int docId, List<OffsetsEnum> results) throws IOException {
      if (weight == null) {
        // Without the query cache, as Lucene's own strategy: matches are never cached.
        IndexSearcher uncached = new IndexSearcher(view);
        uncached.setQueryCache(null);
        weight =
            uncached.createWeight(
                uncached.rewrite(components.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
      }
      Matches matches = weight.matches(view.nextHit(ordOf(leafReader)), docId);
      if (matches == null) {
        return;
      }
      for (String field : matches) {
        MatchesIterator iterator =
            components.fieldMatcher().test(field) ? matches.getMatches(field) : null;
        if (iterator != null) {
          results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
        }
      }
    }

    /** The searcher's number for a segment, which the view's segments keep. */
    private int ordOf(LeafReader leafReader) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        if (leaf.reader() == leafReader) {
          return leaf.ord;
        }
      }
      throw new IllegalStateException("a segment of another reader");
    }
  }

  /**
   * Lucene's passage score (BM25 over the passage, times a position norm) without its per-passage
   * hash of terms, which allocates a 32 KB block for every candidate sentence of every hit. A
   * passage has a handful of matches, so a scan finds its distinct terms as fast, in the same
   * order, giving the same score.
   */
  static final class LightPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] docFreqs = passage.getMatchTermFreqsInDoc();
      int[] first = new int[matches];
      int[] inPassage = new int[matches];
      int distinct = 0;
      for (int i = 0; i < matches; i++) {
        int seen = -1;
        for (int d = 0; d < distinct && seen < 0; d++) {
          if (terms[first[d]].bytesEquals(terms[i])) {
            seen = d;
          }
        }
        if (seen < 0) {
          first[distinct] = i;
          inPassage[distinct++] = 1;
        } else {
          inPassage[seen]++;
        }
      }
      double score = 0d;
      for (int d = 0; d < distinct; d++) {
        score += tf(inPassage[d], passage.getLength()) * weight(contentLength, docFreqs[first[d]]);
      }
      return (float) (score * norm(passage.getStartOffset()));
    }
  }
}
