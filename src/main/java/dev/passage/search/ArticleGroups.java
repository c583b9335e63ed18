package dev.passage.search;

import dev.passage.engine.GroupBy;
import dev.passage.engine.SearchRequest;
import dev.passage.index.Schema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.grouping.GroupDocs;
import org.apache.lucene.search.grouping.GroupingSearch;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.util.BytesRef;

/**
 * A page of articles for a search grouped by article: Lucene's two-pass grouping over the article
 * id's sorted doc values. The first pass finds the page's articles in the search's order (by their
 * best paragraph's score, or by date) and counts every matching article exactly; the second finds
 * each article's best paragraphs.
 */
final class ArticleGroups {

  private static final Sort BY_PARAGRAPH =
      new Sort(new SortedNumericSortField(Schema.PARAGRAPH, SortField.Type.INT));

  /**
   * A page of articles.
   *
   * @param total how many articles hold a match
   * @param articles the page's articles, each with its best paragraphs
   */
  record Page(int total, List<GroupDocs<BytesRef>> articles) {}

  private ArticleGroups() {}

  /**
   * The request's page of articles whose paragraphs match {@code matching} (the query with its
   * filters and dates), ordered by {@code sort}, null for relevance.
   */
  static Page page(IndexSearcher searcher, Query matching, SearchRequest request, Sort sort)
      throws IOException {
    GroupingSearch grouping = new GroupingSearch(Schema.ARTICLE_ID);
    grouping.setGroupSort(sort == null ? Sort.RELEVANCE : sort);
    grouping.setSortWithinGroup(sort == null ? Sort.RELEVANCE : BY_PARAGRAPH);
    grouping.setGroupDocsLimit(GroupBy.HITS_PER_ARTICLE);
    grouping.setAllGroups(true);
    TopGroups<BytesRef> page =
        grouping.search(searcher, matching, (request.page() - 1) * request.size(), request.size());
    // No match at all gives no page, and no count of the groups: the set of them is still kept.
    return new Page(
        grouping.getAllMatchingGroups().size(), page == null ? List.of() : List.of(page.groups));
  }
}
