package dev.passage.search;

import dev.passage.engine.ArticleView;
import dev.passage.engine.Dimension;
import dev.passage.engine.GroupBy;
import dev.passage.engine.Health;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.SearchEngine;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse;
import dev.passage.engine.SearchResponse.Group;
import dev.passage.engine.SearchResponse.Hit;
import dev.passage.engine.SortOrder;
import dev.passage.engine.SuggestRequest;
import dev.passage.engine.SuggestResponse;
import dev.passage.engine.TagReason;
import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import dev.passage.query.FilterValueCheck;
import dev.passage.query.KnownValues;
import dev.passage.query.QueryCorrection;
import dev.passage.query.QueryCost;
import dev.passage.query.SearchParameters;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.grouping.GroupDocs;
import org.apache.lucene.util.BytesRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs searches and article lookups against the current index. Every call acquires a searcher from
 * the {@link LiveSearchers} and releases it in {@code finally}; nothing is locked, so requests run
 * in parallel and a reindex never blocks them.
 */
public final class SearchService implements SearchEngine {

  /** Stored fields a hit needs; the tag reasons are not read for hits. */
  private static final Set<String> HIT_FIELDS = Set.copyOf(Schema.HIT_FIELDS);

  /** An article longer than this many paragraphs is cut in the article view. */
  static final int MAX_ARTICLE_PARAGRAPHS = 100_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<TagReason>> REASONS = new TypeReference<>() {};

  private final Schema schema;
  private final LiveSearchers searchers;
  private final SearchParameters parameters;
  private final LiveSuggester suggester;
  private final WordCorrections corrections = new WordCorrections();
  private final Snippets snippets;
  private final Duration timeLimit;

  public SearchService(Schema schema, LiveSearchers searchers) {
    this(schema, searchers, DEFAULT_TIME_LIMIT);
  }

  /**
   * A service whose searches stop collecting after {@code timeLimit}: a query that would match too
   * much for too long (a costly wildcard on a large archive) answers in time, flagged partial,
   * instead of holding a thread.
   */
  public SearchService(Schema schema, LiveSearchers searchers, Duration timeLimit) {
    this(schema, searchers, timeLimit, KnownValues.bundled());
  }

  /** A service whose requests' tag values are looked up in {@code known}. */
  public SearchService(
      Schema schema, LiveSearchers searchers, Duration timeLimit, KnownValues known) {
    this.schema = schema;
    this.searchers = searchers;
    this.parameters = new SearchParameters(schema, known);
    this.suggester = new LiveSuggester(searchers, known);
    this.snippets = new Snippets(schema);
    this.timeLimit = timeLimit;
  }

  /** The parser of requests for this service's schema, which also makes their Lucene queries. */
  @Override
  public SearchParameters parser() {
    return parameters;
  }

  /**
   * Runs a validated search.
   *
   * @throws InvalidRequestException when a pattern in the query turns out to match too many words
   *     of this index, which only the index can tell
   */
  @Override
  public SearchResponse search(SearchRequest request) throws IOException, InvalidRequestException {
    try {
      return run(request, parameters.luceneQuery(request));
    } catch (QueryCost e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  private SearchResponse run(SearchRequest given, Query query) throws IOException {
    long started = System.nanoTime();
    boolean grouped = given.group() == GroupBy.ARTICLE;
    // Grouped, the page's hits come from the grouping; this pass only counts.
    int topN = grouped ? 1 : given.page() * given.size();
    Sort sort = sortOf(given.sort());
    PassageSearcher shared = searchers.acquire();
    // The facet counts borrow their arrays from the reader, and give them back at the end.
    List<TouchedFacetCounts> counted = new ArrayList<>(2);
    try {
      SearchRequest request = FilterValueCheck.check(given, shared.facets());
      // The time limit is set on a searcher of this request's own, over the shared reader and
      // its facet state, so no other request's searcher is touched.
      QueryTimeoutImpl timeout = new QueryTimeoutImpl(timeLimit.toMillis());
      PassageSearcher searcher = shared.withTimeout(timeout);
      // Matching and counting may spread over several cores when few searches run; the rest,
      // cheap by comparison, runs on this thread.
      PassageSearcher widened = searchers.widened(shared, timeout);
      PassageSearcher wide = widened == null ? searcher : widened;
      // The dates filter the hits and every count; the snippets mark the query's words only.
      Query dated = DatedQuery.of(query, request.dates());
      DrillDownQuery drillDown =
          request.filters().isEmpty() || searcher.facets() == null
              ? null
              : drillDown(dated, request);
      TopDocs top;
      Facets facets;
      // The matches, for the total and the timeline; or the counts made while collecting them.
      FacetsCollector matching = null;
      MatchCounting.Counter counter = null;
      TimeBoundQuery bounded = null;
      if (searcher.facets() == null) {
        // No paragraph has any tag, so no filter can match and there is nothing to count.
        FacetsCollectorManager.FacetsResult result =
            collect(
                searcher,
                request.filters().isEmpty() ? dated : MatchNoDocsQuery.INSTANCE,
                topN,
                sort);
        top = result.topDocs();
        matching = result.facetsCollector();
        facets = null;
      } else if (drillDown == null) {
        // Counted in one pass that scores nothing, the page found in another that scores only
        // what could make it: scoring every match cost about as much as finding it.
        counter = wide.search(dated, new MatchCounting(searcher, request.timeline(), counted));
        top = page(wide, dated, topN, sort);
        facets = counter.facets();
      } else {
        // Drill sideways: each selected dimension is counted as if its own selection were
        // absent, so choosing 2024 still shows how many paragraphs 2013 would add. Its one-pass
        // scorer refuses the windows Lucene's time limit scores in, so the shared searcher runs
        // it and the base query's matches stop when the time is up.
        bounded = new TimeBoundQuery(dated, timeout);
        DrillSideways sideways = new TouchedDrillSideways(shared, shared.facets(), counted);
        DrillDownQuery boundedDrillDown = drillDown(bounded, request);
        DrillSideways.DrillSidewaysResult result =
            sort == null
                ? sideways.search(boundedDrillDown, topN)
                : sideways.search(boundedDrillDown, null, null, topN, sort, true);
        top = result.hits;
        matching = result.drillDownFacetsCollector;
        facets = result.facets;
      }
      long total = counter != null ? counter.hits() : countOf(matching, top);
      List<Hit> hits = List.of();
      List<Group> groups = null;
      Long totalArticles = null;
      if (grouped) {
        Query matches =
            drillDown != null
                ? drillDown
                : request.filters().isEmpty() ? dated : MatchNoDocsQuery.INSTANCE;
        ArticleGroups.Page articles = ArticleGroups.page(searcher, matches, request, sort);
        groups = groups(searcher, query, articles.articles());
        totalArticles = (long) articles.total();
      } else {
        int from = Math.min((request.page() - 1) * request.size(), top.scoreDocs.length);
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        hits = hits(searcher, query, page);
      }
      SearchResponse.FacetCounts counts = FacetCounter.counts(facets, request);
      // Read before the suggestion's own counts, which are not the results the flag is about.
      boolean partial =
          searcher.timedOut() || wide.timedOut() || (bounded != null && bounded.expired());
      String suggestion =
          total < QueryCorrection.FEW && !partial
              ? corrections.corrected(
                  searcher.getIndexReader(),
                  request.query(),
                  word -> count(searcher, word),
                  searcher.corrections())
              : null;
      double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
      return new SearchResponse(
          request.query(),
          total,
          totalArticles,
          request.page(),
          request.size(),
          request.group().apiName(),
          request.sort().apiName(),
          tookMs,
          partial,
          filtersOf(request),
          request.dates().from(),
          request.dates().to(),
          request.warnings(),
          suggestion,
          hits,
          groups,
          counts,
          counter != null
              ? counter.timeline()
              : TimelineCounter.count(matching, request.timeline(), searcher));
    } finally {
      counted.forEach(TouchedFacetCounts::release);
      searchers.release(shared);
    }
  }

  /** How many paragraphs {@code word} finds by itself, or 0 when it cannot be searched alone. */
  private int count(PassageSearcher searcher, String word) throws IOException {
    try {
      return searcher.count(parameters.wordQuery(word));
    } catch (InvalidRequestException e) {
      return 0;
    }
  }

  /** The request's filters by parameter name, in the dimensions' order. */
  private static Map<String, List<String>> filtersOf(SearchRequest request) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    request.filters().forEach((dim, values) -> filters.put(dim.field(), values));
    return filters;
  }

  /** Why paragraph {@code doc} got its tags, from the reasons doc values. */
  private static List<TagReason> reasons(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(Schema.REASONS);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      return List.of();
    }
    return JSON.readValue(values.binaryValue().utf8ToString(), REASONS);
  }

  /** The whole article {@code id}, or empty when there is none. */
  @Override
  public Optional<ArticleView> article(String id, boolean explain) throws IOException {
    PassageSearcher searcher = searchers.acquire();
    try {
      Query query = new TermQuery(new Term(Schema.ARTICLE_ID, id));
      Sort byParagraph = new Sort(new SortedNumericSortField(Schema.PARAGRAPH, SortField.Type.INT));
      TopDocs top = searcher.search(query, MAX_ARTICLE_PARAGRAPHS, byParagraph);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      StoredFields stored = searcher.storedFields();
      List<ArticleView.Paragraph> paragraphs = new ArrayList<>(top.scoreDocs.length);
      Document first = null;
      for (ScoreDoc sd : top.scoreDocs) {
        Document doc = stored.document(sd.doc);
        if (first == null) {
          first = doc;
        }
        paragraphs.add(
            new ArticleView.Paragraph(
                intOf(doc, Schema.PARAGRAPH),
                doc.get(Schema.SECTION),
                doc.get(Schema.TEXT),
                values(doc, Dimension.YEAR),
                values(doc, Dimension.PERSON),
                values(doc, Dimension.ORGANISATION),
                values(doc, Dimension.TOPIC),
                explain ? reasons(searcher, sd.doc) : null,
                null));
      }
      return Optional.of(
          new ArticleView(
              id,
              first.get(Schema.TITLE),
              first.get(Schema.DATE),
              first.get(Schema.SOURCE),
              first.get(Schema.AUTHOR),
              paragraphs));
    } finally {
      searchers.release(searcher);
    }
  }

  /** True when the index holds article {@code id}; cheaper than {@link #article}. */
  @Override
  public boolean hasArticle(String id) throws IOException {
    PassageSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(Schema.ARTICLE_ID, id))) > 0;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public SuggestResponse suggest(SuggestRequest request) throws IOException {
    PassageSearcher searcher = searchers.acquire();
    try {
      return new SuggestResponse(request.prefix(), suggester.of(searcher).suggest(request));
    } finally {
      searchers.release(searcher);
    }
  }

  /** The state of the index being served. */
  @Override
  public Health health() throws IOException {
    PassageSearcher searcher = searchers.acquire();
    try {
      IndexInfo info = searcher.info();
      int paragraphs = searcher.getIndexReader().numDocs();
      return new Health(
          "ok",
          "lucene",
          info == null ? 0 : info.articles(),
          paragraphs,
          info == null ? null : info.builtAt());
    } finally {
      searchers.release(searcher);
    }
  }

  /** The page's articles with their best paragraphs, all snippets marked in one pass. */
  private List<Group> groups(
      PassageSearcher searcher, Query query, List<GroupDocs<BytesRef>> articles)
      throws IOException {
    List<ScoreDoc> best = new ArrayList<>();
    for (GroupDocs<BytesRef> article : articles) {
      best.addAll(Arrays.asList(article.scoreDocs()));
    }
    List<Hit> hits = hits(searcher, query, best.toArray(ScoreDoc[]::new));
    List<Group> groups = new ArrayList<>(articles.size());
    int at = 0;
    for (GroupDocs<BytesRef> article : articles) {
      List<Hit> its = hits.subList(at, at + article.scoreDocs().length);
      at += its.size();
      groups.add(Group.of(its, article.totalHits().value()));
    }
    return groups;
  }

  private List<Hit> hits(PassageSearcher searcher, Query query, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    Document[] docs = new Document[page.length];
    String[] texts = new String[page.length];
    StoredFields stored = searcher.borrowStoredFields();
    try {
      for (int i = 0; i < page.length; i++) {
        docs[i] = stored.document(page[i].doc, HIT_FIELDS);
        texts[i] = docs[i].get(Schema.TEXT);
      }
    } finally {
      searcher.returnStoredFields(stored);
    }
    String[] marked = snippets.of(searcher, query, page, texts);
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = docs[i];
      hits.add(
          new Hit(
              doc.get(Schema.ID),
              doc.get(Schema.ARTICLE_ID),
              doc.get(Schema.TITLE),
              doc.get(Schema.DATE),
              intOf(doc, Schema.PARAGRAPH),
              doc.get(Schema.SECTION),
              Float.isNaN(page[i].score) ? 0f : page[i].score,
              marked[i],
              values(doc, Dimension.YEAR),
              values(doc, Dimension.PERSON),
              values(doc, Dimension.ORGANISATION),
              values(doc, Dimension.TOPIC)));
    }
    return hits;
  }

  private static Sort sortOf(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> null;
      case NEWEST -> Schema.indexSort();
      case OLDEST -> {
        // Undated articles have no date key; last, as they are newest first.
        SortField date =
            new SortedNumericSortField(
                Schema.DATE_SORT,
                SortField.Type.INT,
                false,
                SortedNumericSelector.Type.MIN,
                Integer.MAX_VALUE);
        yield new Sort(
            date,
            new SortField(Schema.ARTICLE_ID, SortField.Type.STRING),
            new SortedNumericSortField(Schema.PARAGRAPH, SortField.Type.INT));
      }
    };
  }

  /** The exact number of matches: every match is collected for the facet counts anyway. */
  private static long countOf(FacetsCollector matching, TopDocs top) {
    if (matching == null) {
      return top.totalHits.value();
    }
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : matching.getMatchingDocs()) {
      total += docs.totalHits();
    }
    return total;
  }

  private static int intOf(Document doc, String field) {
    IndexableField f = doc.getField(field);
    return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
  }

  private static List<String> values(Document doc, Dimension dim) {
    return List.of(doc.getValues(dim.field()));
  }

  /** Counts {@code hits}, adding the counts to {@code counted}, which the search releases. */
  private static TouchedFacetCounts borrowCounts(
      FacetOrdinals ordinals, FacetsCollector hits, List<TouchedFacetCounts> counted)
      throws IOException {
    TouchedFacetCounts counts = new TouchedFacetCounts(ordinals, hits);
    counted.add(counts);
    return counts;
  }

  /**
   * The hits and matches of {@code query}, in {@code sort}'s order (by score when null), through
   * the request's time-limited searcher.
   */
  private static FacetsCollectorManager.FacetsResult collect(
      PassageSearcher searcher, Query query, int topN, Sort sort) throws IOException {
    return sort == null
        ? FacetsCollectorManager.search(searcher, query, topN, new FacetsCollectorManager())
        : FacetsCollectorManager.search(
            searcher, query, topN, sort, true, new FacetsCollectorManager());
  }

  /**
   * The best {@code topN} matches of {@code query} in {@code sort}'s order (by score when null).
   */
  private static TopDocs page(PassageSearcher searcher, Query query, int topN, Sort sort)
      throws IOException {
    return sort == null ? searcher.search(query, topN) : searcher.search(query, topN, sort, true);
  }

  /** {@code dated} kept to the request's filters. */
  private DrillDownQuery drillDown(Query dated, SearchRequest request) {
    DrillDownQuery drillDown = new DrillDownQuery(schema.facetsConfig(), dated);
    for (Map.Entry<Dimension, List<String>> filter : request.filters().entrySet()) {
      for (String value : filter.getValue()) {
        drillDown.add(filter.getKey().field(), value);
      }
    }
    return drillDown;
  }

  /**
   * Drill sideways that counts each dimension with {@link TouchedFacetCounts}, adding each to
   * {@code counted} for the caller to release.
   */
  private final class TouchedDrillSideways extends DrillSideways {

    private final FacetOrdinals ordinals;
    private final List<TouchedFacetCounts> counted;

    TouchedDrillSideways(
        PassageSearcher searcher, FacetOrdinals ordinals, List<TouchedFacetCounts> counted) {
      super(searcher, schema.facetsConfig(), ordinals.state());
      this.ordinals = ordinals;
      this.counted = counted;
    }

    @Override
    protected Facets buildFacetsResult(
        FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
        throws IOException {
      Facets drillDownFacets = borrowCounts(ordinals, drillDowns, counted);
      if (drillSideways == null || drillSideways.length == 0) {
        return drillDownFacets;
      }
      Map<String, Facets> sidewaysFacets = new HashMap<>();
      for (int i = 0; i < drillSideways.length; i++) {
        sidewaysFacets.put(drillSidewaysDims[i], borrowCounts(ordinals, drillSideways[i], counted));
      }
      return new MultiFacets(sidewaysFacets, drillDownFacets);
    }
  }
}
