package dev.passage.search;

import dev.passage.engine.Dimension;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse.FacetCounts;
import dev.passage.engine.SearchResponse.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Reads facet counts into the response: years newest first (all of them, a timeline), the other
 * dimensions by count. A selected value is always listed, even when its count is below the top, so
 * a ticked box never vanishes from the page.
 */
final class FacetCounter {

  /** More years than this are cut, newest kept: a guard against text full of odd numbers. */
  static final int MAX_YEARS = 500;

  private FacetCounter() {}

  /** The counts of {@code facets}, which is null when the index has no tags at all. */
  static FacetCounts counts(Facets facets, SearchRequest request) throws IOException {
    if (facets == null) {
      return new FacetCounts(List.of(), List.of(), List.of(), List.of());
    }
    return new FacetCounts(
        years(facets, request),
        top(facets, Dimension.PERSON, request),
        top(facets, Dimension.ORGANISATION, request),
        top(facets, Dimension.TOPIC, request));
  }

  private static List<FacetValue> years(Facets facets, SearchRequest request) throws IOException {
    FacetResult all = facets.getAllChildren(Dimension.YEAR.field());
    List<FacetValue> values = new ArrayList<>();
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        values.add(value(Dimension.YEAR, lv, request));
      }
    }
    addMissingSelections(facets, Dimension.YEAR, request, values);
    values.sort(Comparator.comparing(FacetValue::value).reversed());
    return values.size() > MAX_YEARS ? List.copyOf(values.subList(0, MAX_YEARS)) : values;
  }

  private static List<FacetValue> top(Facets facets, Dimension dim, SearchRequest request)
      throws IOException {
    FacetResult top = facets.getTopChildren(request.facetSize(), dim.field());
    List<FacetValue> values = new ArrayList<>();
    if (top != null) {
      for (LabelAndValue lv : top.labelValues) {
        values.add(value(dim, lv, request));
      }
    }
    addMissingSelections(facets, dim, request, values);
    return values;
  }

  private static void addMissingSelections(
      Facets facets, Dimension dim, SearchRequest request, List<FacetValue> values)
      throws IOException {
    for (String selected : request.filter(dim)) {
      if (values.stream().noneMatch(v -> v.value().equals(selected))) {
        // -1 for a value the index has never held: a count of zero to the reader who chose it.
        int count = facets.getSpecificValue(dim.field(), selected).intValue();
        values.add(new FacetValue(selected, Math.max(0, count), true));
      }
    }
  }

  private static FacetValue value(Dimension dim, LabelAndValue lv, SearchRequest request) {
    return new FacetValue(lv.label, lv.value.intValue(), request.filter(dim).contains(lv.label));
  }
}
