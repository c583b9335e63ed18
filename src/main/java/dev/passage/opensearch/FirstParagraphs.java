package dev.passage.opensearch;

import dev.passage.index.Schema;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Reads some fields of every article's first paragraph (the one that carries the article's stamp),
 * a page at a time in article id order: one document per article, whatever its length.
 */
final class FirstParagraphs {

  /** Paragraphs asked for in one search. */
  static final int PAGE = 5_000;

  private FirstParagraphs() {}

  /**
   * Hands each first paragraph of {@code index}, as {@code type} with {@code fields}, to {@code
   * each}.
   */
  static <T> void read(
      OpenSearchClient client,
      String index,
      List<String> fields,
      Class<T> type,
      Consumer<Hit<T>> each)
      throws IOException {
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<T> page =
          client.search(
              s -> {
                s.index(index)
                    .query(q -> q.exists(e -> e.field(Schema.ARTICLE_FILE)))
                    .size(PAGE)
                    .source(src -> src.filter(f -> f.includes(fields)))
                    .sort(o -> o.field(f -> f.field(Schema.ARTICLE_ID).order(SortOrder.Asc)));
                if (from != null) {
                  s.searchAfter(from);
                }
                return s;
              },
              type);
      List<Hit<T>> hits = page.hits().hits();
      hits.forEach(each);
      if (hits.size() < PAGE) {
        return;
      }
      after = hits.getLast().sort();
    }
  }
}
