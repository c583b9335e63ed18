package dev.passage.engine;

import dev.passage.engine.SearchResponse.Warning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A validated search: build it with {@link SearchEngine#parse}, which turns every mistake into an
 * {@link InvalidRequestException}, then run it with {@link SearchEngine#search}.
 *
 * @param query the query as given, in Passage's query syntax (Lucene's classic syntax); "" matches
 *     every paragraph; each engine turns it into its own query
 * @param filters facet values to keep, by dimension: values of one dimension are ORed, dimensions
 *     ANDed
 * @param page from 1
 * @param size hits per page
 * @param sort the order of hits
 * @param facetSize values per facet dimension (years are all listed)
 * @param dates the publication dates to keep to; {@link DateRange#ANY} for all
 * @param timeline the period each count of the response's timeline covers
 * @param group whether results are paragraphs or articles; pages and sizes count results
 * @param format how the answer is written; engines search alike for every format
 * @param warnings what parsing found the reader should know, passed on to the response
 */
public record SearchRequest(
    String query,
    Map<Dimension, List<String>> filters,
    int page,
    int size,
    SortOrder sort,
    int facetSize,
    DateRange dates,
    TimelineUnit timeline,
    GroupBy group,
    ResultFormat format,
    List<Warning> warnings) {

  public SearchRequest {
    EnumMap<Dimension, List<String>> copy = new EnumMap<>(Dimension.class);
    filters.forEach((dim, values) -> {
      if (!values.isEmpty()) {
        copy.put(dim, List.copyOf(values));
      }
    });
    filters = Collections.unmodifiableMap(copy);
    warnings = List.copyOf(warnings);
    if (dates == null || timeline == null || group == null || format == null) {
      throw new IllegalArgumentException(
          "dates, timeline, group and format are required; DateRange.ANY is no dates");
    }
  }

  /** This request with one more filter value. */
  public SearchRequest withFilter(Dimension dimension, String value) {
    EnumMap<Dimension, List<String>> more = new EnumMap<>(Dimension.class);
    more.putAll(filters);
    more.merge(dimension, List.of(value), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
    return withFilters(more);
  }

  /** This request with other filters. */
  public SearchRequest withFilters(Map<Dimension, List<String>> other) {
    return new SearchRequest(
        query, other, page, size, sort, facetSize, dates, timeline, group, format, warnings);
  }

  /** This request with {@code more} warnings after its own. */
  public SearchRequest withWarnings(List<Warning> more) {
    List<Warning> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new SearchRequest(
        query, filters, page, size, sort, facetSize, dates, timeline, group, format, all);
  }

  /** The filter values of one dimension, possibly none. */
  public List<String> filter(Dimension dimension) {
    return filters.getOrDefault(dimension, List.of());
  }
}
