package dev.passage.search;

import dev.passage.engine.DateRange;
import dev.passage.index.Schema;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.Query;

/**
 * A query kept to a range of publication dates. The index is sorted by date first, so the range is
 * found by binary search over each segment's documents rather than by reading every date; the range
 * filters and never scores.
 */
final class DatedQuery {

  private DatedQuery() {}

  /** {@code query} kept to {@code dates}; {@code query} itself when they bound nothing. */
  static Query of(Query query, DateRange dates) {
    if (dates.any()) {
      return query;
    }
    Query range =
        new IndexSortSortedNumericDocValuesRangeQuery(
            Schema.DATE_SORT,
            dates.lowestKey(),
            dates.highestKey(),
            SortedNumericDocValuesField.newSlowRangeQuery(
                Schema.DATE_SORT, dates.lowestKey(), dates.highestKey()));
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(range, BooleanClause.Occur.FILTER)
        .build();
  }
}
