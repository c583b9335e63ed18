package dev.passage.opensearch;

import dev.passage.engine.ArticleView;
import dev.passage.engine.DateRange;
import dev.passage.engine.Dimension;
import dev.passage.engine.EngineUnavailableException;
import dev.passage.engine.GroupBy;
import dev.passage.engine.Health;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.RequestParser;
import dev.passage.engine.SearchEngine;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse;
import dev.passage.engine.SearchResponse.FacetCounts;
import dev.passage.engine.SearchResponse.FacetValue;
import dev.passage.engine.SearchResponse.Group;
import dev.passage.engine.SearchResponse.Hit;
import dev.passage.engine.SearchResponse.Period;
import dev.passage.engine.SnippetRules;
import dev.passage.engine.SortOrder;
import dev.passage.engine.SuggestRequest;
import dev.passage.engine.SuggestResponse;
import dev.passage.engine.TagReason;
import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import dev.passage.query.FilterValueCheck;
import dev.passage.query.IndexedValues;
import dev.passage.query.KnownValues;
import dev.passage.query.QueryCorrection;
import dev.passage.query.QueryFactory;
import dev.passage.query.SearchParameters;
import dev.passage.query.Timeline;
import dev.passage.query.TitlePhrases;
import dev.passage.query.ValueSuggester;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.HistogramBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsAggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.BuiltinHighlighterType;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.HitsMetadata;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searches Passage's index on an OpenSearch cluster with the embedded engine's semantics: the same
 * parsed query (see {@link QueryTranslator}), filters ORed within a dimension and ANDed across,
 * drill-sideways counts (a post filter for the hits, and per dimension an aggregation filtered by
 * the other dimensions' selections), exact totals and exact counts, and the same snippet rules.
 */
public final class OpenSearchEngine implements SearchEngine {

  /** Buckets each shard returns per dimension at first; more are asked for when it was not all. */
  static final int SHARD_SIZE = 10_000;

  /** The most buckets a shard is asked for before the counts are given as they are. */
  static final int MAX_SHARD_SIZE = 640_000;

  /** Years listed at most, newest first, as in the embedded engine. */
  static final int MAX_YEARS = 500;

  /** The aggregation counting the timeline, and its histogram inside the filters. */
  private static final String TIMELINE = "timeline";

  private static final String PERIODS = "periods";

  /** The aggregation counting the articles of the hits, and a group's best paragraphs. */
  private static final String ARTICLES = "articles";

  private static final String BEST = "best";

  // Distinct article ids counted exactly, shard by shard into sets that the reduce joins: a
  // cardinality aggregation only estimates, and a terms aggregation would send every id back.
  private static final String IDS_INIT = "state.ids = new HashSet();";
  private static final String IDS_MAP = "state.ids.add(doc['" + Schema.ARTICLE_ID + "'].value);";
  private static final String IDS_COMBINE = "return state.ids;";
  private static final String IDS_REDUCE =
      "Set all = new HashSet(); for (s in states) { if (s != null) { all.addAll(s); } }"
          + " return all.size();";

  /** Values of a dimension read at most to hold a filter value against. */
  static final int MAX_KNOWN_VALUES = 65_000;

  /** How stale suggestions may be after the index changed. */
  static final Duration SUGGESTER_AGE = Duration.ofSeconds(10);

  /** Paragraphs of one article read at most by the article view. */
  static final int MAX_ARTICLE_PARAGRAPHS = 100_000;

  /**
   * What a hit reads of a paragraph's source: not its text, which the highlight returns whole and
   * marked, so that each hit does not cross the network and the parser twice.
   */
  private static final List<String> HIT_FIELDS =
      Schema.HIT_FIELDS.stream().filter(field -> !field.equals(Schema.TEXT)).toList();

  private static final List<String> ARTICLE_FIELDS =
      Stream.concat(
              Schema.HIT_FIELDS.stream(), Stream.of(Schema.SOURCE, Schema.AUTHOR, Schema.REASONS))
          .toList();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The term suggester's name in a search, for "did you mean". */
  private static final String WORDS = "words";

  /** The aggregation that tells which filter values the index holds; no dimension's name. */
  private static final String HELD_FILTER_VALUES = "_held_filter_values";

  private static final TypeReference<List<TagReason>> REASONS = new TypeReference<>() {};

  private final OpenSearchClient client;
  private final OpenSearchIndex index;
  private final SearchParameters parameters;
  private final Duration timeLimit;
  private final int firstShardSize;

  /** The suggester of the index's values and when it was made; remade once it is too old. */
  private record MadeSuggester(long madeNanos, ValueSuggester suggester) {}

  private volatile MadeSuggester suggester;
  private final AtomicBoolean remaking = new AtomicBoolean();

  public OpenSearchEngine(
      OpenSearchClient client,
      OpenSearchIndex index,
      SearchParameters parameters,
      Duration timeLimit) {
    this(client, index, parameters, timeLimit, SHARD_SIZE);
  }

  /** An engine that first asks each shard for {@code firstShardSize} values per dimension. */
  OpenSearchEngine(
      OpenSearchClient client,
      OpenSearchIndex index,
      SearchParameters parameters,
      Duration timeLimit,
      int firstShardSize) {
    this.client = client;
    this.index = index;
    this.parameters = parameters;
    this.timeLimit = timeLimit;
    this.firstShardSize = firstShardSize;
  }

  @Override
  public RequestParser parser() {
    return parameters;
  }

  @Override
  public SearchResponse search(SearchRequest given) throws IOException, InvalidRequestException {
    long started = System.nanoTime();
    SearchRequest request = given;
    boolean checked = request.filters().isEmpty();
    int shardSize = firstShardSize;
    while (true) {
      org.apache.lucene.search.Query parsed = parameters.luceneQuery(request);
      Optional<org.opensearch.client.opensearch.core.SearchResponse<Stored>> answered =
          run(
              request,
              dated(QueryTranslator.translate(parsed), request.dates()),
              QueryFactory.searchesAsWritten(parsed),
              shardSize,
              !checked);
      if (answered.isEmpty()) {
        return noneInTime(request, started);
      }
      org.opensearch.client.opensearch.core.SearchResponse<Stored> response = answered.get();
      boolean partial = ShardCoverage.partial(response);
      // Out of time, the held values and the counts' errors may lack shards: asking again for
      // them would run out of time too, and the answer says it is partial.
      if (partial) {
        return answer(request, response, true, started);
      }
      if (!checked) {
        checked = true;
        List<String> lacking = lacking(request, response);
        if (!lacking.isEmpty()) {
          // A filter names a value the index does not hold as given: held against the index's
          // own values (case, aliases), the request is run again as corrected, with its warnings.
          request = FilterValueCheck.check(request, new FetchedValues(valuesOf(lacking)));
          continue;
        }
      }
      if (exact(response) || shardSize >= MAX_SHARD_SIZE) {
        return answer(request, response, false, started);
      }
      // A shard held more values than it returned, so a count may be short: ask again for more.
      shardSize *= 8;
    }
  }

  /**
   * Which filter values the index holds, over the whole index whatever the query: a global
   * aggregation in the search itself, so a filtered search whose values all exist, the usual case,
   * costs one request.
   */
  private static Aggregation heldFilterValues(SearchRequest request) {
    Map<String, Aggregation> present = new LinkedHashMap<>();
    request
        .filters()
        .forEach((dim, values) ->
            present.put(
                dim.field(),
                Aggregation.of(a ->
                    a.terms(t ->
                        t.field(dim.field()).size(values.size()).include(i -> i.terms(values))))));
    return Aggregation.of(a -> a.global(g -> g).aggregations(present));
  }

  /** The dimensions of which a filter names a value the index does not hold as given. */
  private static List<String> lacking(
      SearchRequest request, org.opensearch.client.opensearch.core.SearchResponse<Stored> r) {
    Map<String, Aggregate> held = r.aggregations().get(HELD_FILTER_VALUES).global().aggregations();
    List<String> lacking = new ArrayList<>();
    request
        .filters()
        .forEach((dim, values) -> {
          List<String> found =
              held.get(dim.field()).sterms().buckets().array().stream()
                  .map(StringTermsBucket::key)
                  .toList();
          if (!found.containsAll(values)) {
            lacking.add(dim.field());
          }
        });
    return lacking;
  }

  /** Every value of the dimensions {@code dims}, in the index's order. */
  private Map<String, Aggregate> valuesOf(List<String> dims) throws IOException {
    Map<String, Aggregation> all = new LinkedHashMap<>();
    for (String dim : dims) {
      all.put(
          dim,
          Aggregation.of(a ->
              a.terms(t ->
                  t.field(dim)
                      .size(MAX_KNOWN_VALUES)
                      .order(
                          List.of(
                              Map.of(
                                  "_key",
                                  org.opensearch.client.opensearch._types.SortOrder.Asc))))));
    }
    try {
      return client
          .search(s -> s.index(index.alias()).size(0).aggregations(all), Stored.class)
          .aggregations();
    } catch (IOException | OpenSearchException e) {
      throw index.unavailable(e);
    }
  }

  /** The values of the dimensions read from the cluster, in the index's order. */
  private static final class FetchedValues implements IndexedValues {
    private final Map<String, List<String>> values = new HashMap<>();

    FetchedValues(Map<String, Aggregate> aggregations) {
      aggregations.forEach((dim, agg) ->
          values.put(
              dim, agg.sterms().buckets().array().stream().map(StringTermsBucket::key).toList()));
    }

    @Override
    public List<String> values(String dim) {
      return values.getOrDefault(dim, List.of());
    }

    @Override
    public String valueByKey(String dim, String key) {
      for (String value : values(dim)) {
        if (KnownValues.key(value).equals(key)) {
          return value;
        }
      }
      return null;
    }
  }

  /** The cluster's answer; empty when every shard ran out of time before it answered. */
  private Optional<org.opensearch.client.opensearch.core.SearchResponse<Stored>> run(
      SearchRequest request, Query query, boolean asWritten, int shardSize, boolean checkFilters)
      throws IOException {
    Map<Dimension, Query> filters = new EnumMap<>(Dimension.class);
    request.filters().forEach((dim, values) -> filters.put(dim, anyOf(dim, values)));
    Map<String, Aggregation> aggregations = new LinkedHashMap<>();
    for (Dimension dim : Dimension.values()) {
      aggregations.put(dim.field(), facet(request, dim, filters, shardSize));
    }
    if (checkFilters) {
      aggregations.put(HELD_FILTER_VALUES, heldFilterValues(request));
    }
    aggregations.put(TIMELINE, timeline(request, filters));
    boolean grouped = request.group() == GroupBy.ARTICLE;
    if (grouped) {
      aggregations.put(ARTICLES, articles(filters));
    }
    try {
      org.opensearch.client.opensearch.core.SearchResponse<Stored> response =
          client.search(
              s -> {
                s.index(index.alias())
                    .searchType(SearchType.DfsQueryThenFetch)
                    .query(query)
                    .trackTotalHits(t -> t.enabled(true))
                    .from((request.page() - 1) * request.size())
                    .size(request.size())
                    .timeout(timeLimit.toMillis() + "ms")
                    // A cluster whose default is false would fail a search out of time instead.
                    .allowPartialSearchResults(true)
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .sort(sortOf(request.sort()))
                    .aggregations(aggregations);
                if (grouped) {
                  // An article a hit: its best paragraph places it, its best ones come inside.
                  s.collapse(c ->
                      c.field(Schema.ARTICLE_ID)
                          .innerHits(i ->
                              i.name(BEST)
                                  .size(GroupBy.HITS_PER_ARTICLE)
                                  .sort(withinArticle(request.sort()))
                                  .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                                  .highlight(h -> highlight(h, asWritten))));
                } else {
                  s.highlight(h -> highlight(h, asWritten));
                }
                if (!filters.isEmpty()) {
                  s.postFilter(all(filters, null));
                }
                List<String> words = QueryCorrection.words(request.query());
                if (!words.isEmpty()) {
                  s.suggest(sg ->
                      sg.text(String.join(" ", words))
                          .suggesters(WORDS, f -> f.term(WordCorrections::termSuggester)));
                }
                return s;
              },
              Stored.class);
      int failed = ShardCoverage.failedOtherwise(response).size();
      if (failed > 0) {
        throw new EngineUnavailableException(
            failed
                + " of "
                + response.shards().total()
                + " shards of the OpenSearch cluster at "
                + index.describe()
                + " could not answer; try again when the cluster has recovered",
            null);
      }
      return Optional.of(response);
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (OpenSearchException e) {
      if (ShardCoverage.noShardInTime(e)) {
        return Optional.empty();
      }
      throw index.unavailable(e);
    } catch (IOException e) {
      throw index.unavailable(e);
    }
  }

  /** Marks a paragraph's matches, as the embedded engine's snippets do. */
  private static Highlight.Builder highlight(Highlight.Builder h, boolean asWritten) {
    h.encoder(HighlighterEncoder.Html)
        .type(t -> t.builtin(BuiltinHighlighterType.Unified))
        .preTags(SnippetRules.MARK)
        .postTags(SnippetRules.END_MARK)
        // The whole paragraph, marked: its best sentence is chosen here, as the unified
        // highlighter merges sentences up to a size.
        .numberOfFragments(0)
        .noMatchSize(Integer.MAX_VALUE)
        .fields(Schema.TEXT, f -> f);
    if (asWritten) {
      h.fields(Schema.TEXT_EXACT, f -> f.noMatchSize(0));
    }
    return h;
  }

  /** The order of an article's best paragraphs: by score, ties in paragraph order; or in order. */
  private static List<SortOptions> withinArticle(SortOrder order) {
    List<SortOptions> sort = byScoreFirst(order);
    sort.add(ascending(Schema.PARAGRAPH));
    return sort;
  }

  /** The number of articles the hits are in (every selection applied), exactly. */
  private static Aggregation articles(Map<Dimension, Query> filters) {
    Aggregation distinct =
        Aggregation.of(a ->
            a.scriptedMetric(m ->
                m.initScript(painless(IDS_INIT))
                    .mapScript(painless(IDS_MAP))
                    .combineScript(painless(IDS_COMBINE))
                    .reduceScript(painless(IDS_REDUCE))));
    return Aggregation.of(a -> a.filter(all(filters, null)).aggregations(ARTICLES, distinct));
  }

  private static Script painless(String source) {
    return Script.of(s -> s.inline(i -> i.source(source)));
  }

  /** The count of one dimension: the query with every selection but its own. */
  private static Aggregation facet(
      SearchRequest request, Dimension dim, Map<Dimension, Query> filters, int shardSize) {
    Map<String, Aggregation> counts = new LinkedHashMap<>();
    boolean year = dim == Dimension.YEAR;
    counts.put(
        "top",
        Aggregation.of(a ->
            a.terms(t -> {
              t.field(dim.field())
                  .size(year ? MAX_YEARS : request.facetSize())
                  .shardSize(shardSize);
              if (year) {
                t.order(
                    List.of(
                        Map.of("_key", org.opensearch.client.opensearch._types.SortOrder.Desc)));
              } else {
                t.order(
                    List.of(
                        Map.of("_count", org.opensearch.client.opensearch._types.SortOrder.Desc),
                        Map.of("_key", org.opensearch.client.opensearch._types.SortOrder.Asc)));
              }
              return t;
            })));
    List<String> selected = request.filter(dim);
    if (!selected.isEmpty()) {
      // A selected value is listed even below the top, so a ticked box never vanishes.
      counts.put(
          "selected",
          Aggregation.of(a ->
              a.terms(t ->
                  t.field(dim.field()).size(selected.size()).include(i -> i.terms(selected)))));
    }
    Query others = all(filters, dim);
    return Aggregation.of(a -> a.filter(others).aggregations(counts));
  }

  /**
   * {@code query} kept to the request's publication dates, a filter that does not score; the query
   * itself when they bound nothing.
   */
  private static Query dated(Query query, DateRange dates) {
    if (dates.any()) {
      return query;
    }
    Query range =
        Query.of(q ->
            q.range(r ->
                r.field(Schema.DATE_SORT)
                    .gte(JsonData.of(dates.lowestKey()))
                    .lte(JsonData.of(dates.highestKey()))));
    return Query.of(q -> q.bool(b -> b.must(query).filter(range)));
  }

  /**
   * The timeline: the hits (every selection applied, as the post filter applies them to hits)
   * counted by period, a histogram of the date keys whose interval is the period, exact on every
   * shard count.
   */
  private static Aggregation timeline(SearchRequest request, Map<Dimension, Query> filters) {
    double interval = Timeline.interval(request.timeline());
    Aggregation periods =
        Aggregation.of(
            a -> a.histogram(h -> h.field(Schema.DATE_SORT).interval(interval).minDocCount(1)));
    return Aggregation.of(a -> a.filter(all(filters, null)).aggregations(PERIODS, periods));
  }

  /** The periods counted by {@link #timeline}, oldest first; undated articles are in none. */
  private static List<Period> periods(Aggregate timeline) {
    List<Period> periods = new ArrayList<>();
    for (HistogramBucket b :
        timeline.filter().aggregations().get(PERIODS).histogram().buckets().array()) {
      int period = (int) b.key();
      if (period > 0 && b.docCount() > 0) {
        periods.add(new Period(Timeline.label(period), b.docCount()));
      }
    }
    return periods;
  }

  /** Every selection but {@code except}'s (all of them when null); match-all when none. */
  private static Query all(Map<Dimension, Query> filters, Dimension except) {
    List<Query> kept = new ArrayList<>();
    filters.forEach((dim, q) -> {
      if (dim != except) {
        kept.add(q);
      }
    });
    if (kept.isEmpty()) {
      return Query.of(q -> q.matchAll(m -> m));
    }
    return Query.of(q -> q.bool(b -> b.filter(kept)));
  }

  private static Query anyOf(Dimension dim, List<String> values) {
    List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(dim.field()).terms(v -> v.value(terms))));
  }

  /** True when no shard left out a value that could change a count. */
  private static boolean exact(org.opensearch.client.opensearch.core.SearchResponse<Stored> r) {
    for (Dimension dim : Dimension.values()) {
      Aggregate facet = r.aggregations().get(dim.field());
      if (facet == null) {
        continue;
      }
      StringTermsAggregate top = facet.filter().aggregations().get("top").sterms();
      Long error = top.docCountErrorUpperBound();
      if (error != null && error > 0) {
        return false;
      }
    }
    return true;
  }

  private static long total(org.opensearch.client.opensearch.core.SearchResponse<Stored> response) {
    return response.hits().total() == null ? 0 : response.hits().total().value();
  }

  private SearchResponse answer(
      SearchRequest request,
      org.opensearch.client.opensearch.core.SearchResponse<Stored> response,
      boolean partial,
      long started) {
    List<Hit> hits = new ArrayList<>();
    List<Group> groups = null;
    Long totalArticles = null;
    if (request.group() == GroupBy.ARTICLE) {
      groups = new ArrayList<>();
      for (org.opensearch.client.opensearch.core.search.Hit<Stored> article :
          response.hits().hits()) {
        HitsMetadata<JsonData> best = article.innerHits().get(BEST).hits();
        List<Hit> its = new ArrayList<>();
        for (org.opensearch.client.opensearch.core.search.Hit<JsonData> inner : best.hits()) {
          its.add(hit(inner.source().to(Stored.class), inner.score(), inner.highlight()));
        }
        groups.add(Group.of(its, best.total() == null ? its.size() : best.total().value()));
      }
      Aggregate counted =
          response.aggregations().get(ARTICLES).filter().aggregations().get(ARTICLES);
      totalArticles = counted.scriptedMetric().value().to(Long.class);
    } else {
      for (org.opensearch.client.opensearch.core.search.Hit<Stored> hit : response.hits().hits()) {
        hits.add(hit(hit.source(), hit.score(), hit.highlight()));
      }
    }
    return answer(
        request,
        total(response),
        totalArticles,
        hits,
        groups,
        response.aggregations(),
        total(response) < QueryCorrection.FEW && !partial
            ? QueryCorrection.corrected(
                request.query(), WordCorrections.of(response.suggest().get(WORDS)))
            : null,
        partial,
        started);
  }

  /**
   * The answer to a search that no shard had the time to run: nothing found so far, the selected
   * values listed with a count of 0, and partial.
   */
  private static SearchResponse noneInTime(SearchRequest request, long started) {
    boolean grouped = request.group() == GroupBy.ARTICLE;
    return answer(
        request,
        0,
        grouped ? 0L : null,
        List.of(),
        grouped ? List.of() : null,
        Map.of(),
        null,
        true,
        started);
  }

  private static SearchResponse answer(
      SearchRequest request,
      long total,
      Long totalArticles,
      List<Hit> hits,
      List<Group> groups,
      Map<String, Aggregate> aggregations,
      String suggestion,
      boolean partial,
      long started) {
    Map<Dimension, List<FacetValue>> counts = new EnumMap<>(Dimension.class);
    for (Dimension dim : Dimension.values()) {
      counts.put(dim, values(request, dim, aggregations.get(dim.field())));
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    request.filters().forEach((dim, values) -> filters.put(dim.field(), values));
    double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
    Aggregate timeline = aggregations.get(TIMELINE);
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
        filters,
        request.dates().from(),
        request.dates().to(),
        request.warnings(),
        suggestion,
        hits,
        groups,
        new FacetCounts(
            counts.get(Dimension.YEAR),
            counts.get(Dimension.PERSON),
            counts.get(Dimension.ORGANISATION),
            counts.get(Dimension.TOPIC)),
        timeline == null ? List.of() : periods(timeline));
  }

  /** The counted values of {@code dim}, the selected ones among them; none counted when null. */
  private static List<FacetValue> values(SearchRequest request, Dimension dim, Aggregate facet) {
    List<FacetValue> values = new ArrayList<>();
    Map<String, Aggregate> counted = facet == null ? Map.of() : facet.filter().aggregations();
    if (facet != null) {
      for (StringTermsBucket b : counted.get("top").sterms().buckets().array()) {
        values.add(
            new FacetValue(b.key(), (int) b.docCount(), request.filter(dim).contains(b.key())));
      }
    }
    Aggregate selected = counted.get("selected");
    for (String value : request.filter(dim)) {
      if (values.stream().noneMatch(v -> v.value().equals(value))) {
        long count = 0;
        if (selected != null) {
          for (StringTermsBucket b : selected.sterms().buckets().array()) {
            if (b.key().equals(value)) {
              count = b.docCount();
            }
          }
        }
        values.add(new FacetValue(value, (int) count, true));
      }
    }
    if (dim == Dimension.YEAR) {
      values.sort((a, b) -> b.value().compareTo(a.value()));
    }
    return values;
  }

  /** One paragraph of the answer, from its stored fields, score and marked text. */
  private static Hit hit(Stored doc, Double score, Map<String, List<String>> highlight) {
    return new Hit(
        doc.id(),
        doc.articleId(),
        doc.title(),
        doc.date(),
        doc.paragraph() == null ? 0 : doc.paragraph(),
        doc.section(),
        score == null ? 0f : score.floatValue(),
        snippet(highlight),
        orEmpty(doc.year()),
        orEmpty(doc.person()),
        orEmpty(doc.organisation()),
        orEmpty(doc.topic()));
  }

  /** The snippet of a hit: the text's, unless only the text as written matched. */
  private static String snippet(Map<String, List<String>> highlight) {
    List<String> text = highlight.get(Schema.TEXT);
    List<String> asWritten = highlight.get(Schema.TEXT_EXACT);
    String snippet = text == null || text.isEmpty() ? "" : text.getFirst();
    if (!snippet.contains(SnippetRules.MARK) && asWritten != null && !asWritten.isEmpty()) {
      snippet = asWritten.getFirst();
    }
    return SnippetRules.trim(SnippetRules.bestSentence(snippet).strip());
  }

  private static SortOptions ascending(String field) {
    return SortOptions.of(s ->
        s.field(f -> f.field(field).order(org.opensearch.client.opensearch._types.SortOrder.Asc)));
  }

  /** Best score first when {@code order} is relevance; the ties' keys are added after it. */
  private static List<SortOptions> byScoreFirst(SortOrder order) {
    List<SortOptions> sort = new ArrayList<>();
    if (order == SortOrder.RELEVANCE) {
      sort.add(
          SortOptions.of(
              s -> s.score(x -> x.order(org.opensearch.client.opensearch._types.SortOrder.Desc))));
    }
    return sort;
  }

  private static List<SortOptions> sortOf(SortOrder order) {
    List<SortOptions> sort = byScoreFirst(order);
    org.opensearch.client.opensearch._types.SortOrder dates =
        order == SortOrder.OLDEST
            ? org.opensearch.client.opensearch._types.SortOrder.Asc
            : org.opensearch.client.opensearch._types.SortOrder.Desc;
    // The embedded index is sorted newest first, then by article and paragraph, which is also
    // the order of its ties: the same keys break ties here.
    sort.add(SortOptions.of(s -> s.field(f -> f.field(Schema.DATE_SORT).order(dates))));
    sort.add(ascending(Schema.ARTICLE_ID));
    sort.add(ascending(Schema.PARAGRAPH));
    return sort;
  }

  @Override
  public Optional<ArticleView> article(String id, boolean explain) throws IOException {
    try {
      org.opensearch.client.opensearch.core.SearchResponse<Stored> response =
          client.search(
              s ->
                  s.index(index.alias())
                      .routing(id)
                      .query(q -> q.term(t -> t.field(Schema.ARTICLE_ID).value(FieldValue.of(id))))
                      .size(MAX_ARTICLE_PARAGRAPHS)
                      .source(src -> src.filter(f -> f.includes(ARTICLE_FIELDS)))
                      .sort(ascending(Schema.PARAGRAPH)),
              Stored.class);
      List<org.opensearch.client.opensearch.core.search.Hit<Stored>> hits = response.hits().hits();
      if (hits.isEmpty()) {
        return Optional.empty();
      }
      Stored first = hits.getFirst().source();
      List<ArticleView.Paragraph> paragraphs = new ArrayList<>(hits.size());
      for (org.opensearch.client.opensearch.core.search.Hit<Stored> hit : hits) {
        Stored p = hit.source();
        paragraphs.add(
            new ArticleView.Paragraph(
                p.paragraph() == null ? 0 : p.paragraph(),
                p.section(),
                p.text(),
                orEmpty(p.year()),
                orEmpty(p.person()),
                orEmpty(p.organisation()),
                orEmpty(p.topic()),
                explain ? reasons(p.reasons()) : null,
                null));
      }
      return Optional.of(
          new ArticleView(
              id, first.title(), first.date(), first.source(), first.author(), paragraphs));
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException | OpenSearchException e) {
      throw index.unavailable(e);
    }
  }

  @Override
  public boolean hasArticle(String id) throws IOException {
    try {
      return client
              .count(c ->
                  c.index(index.alias())
                      .routing(id)
                      .query(q -> q.term(t -> t.field(Schema.ARTICLE_ID).value(FieldValue.of(id)))))
              .count()
          > 0;
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException | OpenSearchException e) {
      throw index.unavailable(e);
    }
  }

  /**
   * Suggestions from the values the cluster holds, read with their counts, and the phrases of its
   * articles' titles: at most {@link #SUGGESTER_AGE} old, or a little more while the newer ones are
   * read in the background, since reading every value on a keystroke would cost more than the
   * search. Only the very first suggestion waits for them.
   */
  @Override
  public SuggestResponse suggest(SuggestRequest request) throws IOException {
    MadeSuggester made = suggester;
    if (made == null) {
      synchronized (this) {
        made = suggester;
        if (made == null) {
          made = makeSuggester();
          suggester = made;
        }
      }
    }
    if (System.nanoTime() - made.madeNanos() > SUGGESTER_AGE.toNanos()
        && remaking.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("passage-suggester")
          .start(() -> {
            try {
              suggester = makeSuggester();
            } catch (IOException | RuntimeException e) {
              // The older suggestions stay; a later request for suggestions tries again.
            } finally {
              remaking.set(false);
            }
          });
    }
    return new SuggestResponse(request.prefix(), made.suggester().suggest(request));
  }

  private MadeSuggester makeSuggester() throws IOException {
    return new MadeSuggester(
        System.nanoTime(),
        ValueSuggester.of(
            valueCounts(), parameters.known(), TitlePhrases.bundled().count(titles())));
  }

  /** Every article's title, from its first paragraph. */
  private List<String> titles() throws IOException {
    List<String> titles = new ArrayList<>();
    try {
      FirstParagraphs.read(
          client,
          index.alias(),
          List.of(Schema.TITLE),
          Stored.class,
          hit -> {
            if (hit.source().title() != null) {
              titles.add(hit.source().title());
            }
          });
      return titles;
    } catch (IOException | OpenSearchException e) {
      throw index.unavailable(e);
    }
  }

  /** How many paragraphs carry each value of each dimension. */
  private Map<Dimension, Map<String, Long>> valueCounts() throws IOException {
    Map<String, Aggregation> all = new LinkedHashMap<>();
    for (Dimension dim : Dimension.values()) {
      all.put(
          dim.field(),
          Aggregation.of(a -> a.terms(t -> t.field(dim.field()).size(MAX_KNOWN_VALUES))));
    }
    try {
      Map<String, Aggregate> found =
          client
              .search(s -> s.index(index.alias()).size(0).aggregations(all), Stored.class)
              .aggregations();
      Map<Dimension, Map<String, Long>> counts = new EnumMap<>(Dimension.class);
      for (Dimension dim : Dimension.values()) {
        Map<String, Long> values = new HashMap<>();
        for (StringTermsBucket bucket : found.get(dim.field()).sterms().buckets().array()) {
          values.put(bucket.key(), bucket.docCount());
        }
        counts.put(dim, values);
      }
      return counts;
    } catch (IOException | OpenSearchException e) {
      throw index.unavailable(e);
    }
  }

  @Override
  public Health health() throws IOException {
    try {
      HealthStatus status = client.cluster().health(h -> h.index(index.alias())).status();
      if (status == HealthStatus.Red) {
        throw new EngineUnavailableException(
            "the OpenSearch cluster at "
                + index.describe()
                + " is red: part of the index has no copy that can answer",
            null);
      }
      IndexInfo info = index.info();
      long paragraphs = client.count(c -> c.index(index.alias())).count();
      return new Health(
          status == HealthStatus.Green ? "ok" : "degraded",
          "opensearch",
          info == null ? 0 : info.articles(),
          (int) paragraphs,
          info == null ? null : info.builtAt());
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException | OpenSearchException e) {
      throw index.unavailable(e);
    }
  }

  private static List<TagReason> reasons(String json) {
    return json == null ? List.of() : JSON.readValue(json, REASONS);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  /** The stored fields of a paragraph, as the cluster returns them. */
  record Stored(
      String id,
      String articleId,
      String title,
      String date,
      String source,
      String author,
      String section,
      Integer paragraph,
      String text,
      List<String> year,
      List<String> person,
      List<String> organisation,
      List<String> topic,
      String reasons) {}
}
