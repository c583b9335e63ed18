package dev.passage.opensearch;

import dev.passage.index.ArticleStamp;
import dev.passage.index.ArticleStore;
import dev.passage.index.IndexInfo;
import dev.passage.index.ParagraphDocuments;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The articles of Passage's index on a cluster, changed article by article for the live archive.
 * The index refreshes only when Passage asks, so a batch's writes become searchable together at its
 * commit, as in the embedded engine. A cluster has no rollback: a batch cut short leaves its writes
 * unpublished until the next commit, and an article's stamp is written after its other paragraphs,
 * so an article cut in half still looks changed and the next comparison of the folder writes it
 * again.
 */
public final class OpenSearchArticleStore implements ArticleStore {

  private static final List<String> STAMP_FIELDS =
      List.of(
          Schema.ARTICLE_ID,
          Schema.ARTICLE_FILE,
          Schema.ARTICLE_HASH,
          Schema.ARTICLE_FILE_SIZE,
          Schema.ARTICLE_FILE_MODIFIED);

  private final OpenSearchClient client;
  private final OpenSearchIndex index;

  public OpenSearchArticleStore(OpenSearchClient client, OpenSearchIndex index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public Changes open() throws IOException {
    String target = index.current();
    IndexInfo info = target == null ? null : index.info();
    if (info == null || info.source() == null) {
      throw new IOException(
          "there is no Passage index behind " + index.describe() + " to change; build one first");
    }
    return new ClusterChanges(target, info);
  }

  /** A stamp as the cluster returns it. */
  record StoredStamp(
      String articleId,
      String articleFile,
      String articleHash,
      Long articleFileSize,
      Long articleFileModified) {

    ArticleStamp stamp() {
      return new ArticleStamp(
          articleFile,
          articleHash,
          articleFileSize == null ? -1 : articleFileSize,
          articleFileModified == null ? -1 : articleFileModified);
    }
  }

  /** A paragraph's id, all an update reads of the paragraphs it replaces. */
  record StoredId(String id) {}

  private final class ClusterChanges implements Changes {
    private final String target;
    private final IndexInfo info;

    /** Paragraphs this batch wrote per article id (0: deleted), over what the index held. */
    private final Map<String, Integer> written = new HashMap<>();

    ClusterChanges(String target, IndexInfo info) {
      this.target = target;
      this.info = info;
    }

    @Override
    public IndexInfo info() {
      return info;
    }

    @Override
    public Map<String, ArticleStamp> stamps() throws IOException {
      Map<String, ArticleStamp> stamps = new LinkedHashMap<>();
      call(() -> {
        FirstParagraphs.read(
            client,
            target,
            STAMP_FIELDS,
            StoredStamp.class,
            hit -> stamps.put(hit.source().articleId(), hit.source().stamp()));
        return stamps;
      });
      return stamps;
    }

    @Override
    public ArticleStamp stamp(String id) throws IOException {
      SearchResponse<StoredStamp> found =
          call(() ->
              client.search(
                  s ->
                      s.index(target)
                          .routing(id)
                          .query(q ->
                              q.bool(b ->
                                  b.filter(f ->
                                          f.term(t ->
                                              t.field(Schema.ARTICLE_ID).value(FieldValue.of(id))))
                                      .filter(f -> f.exists(e -> e.field(Schema.ARTICLE_FILE)))))
                          .size(1)
                          .source(src -> src.filter(f -> f.includes(STAMP_FIELDS))),
                  StoredStamp.class));
      return found.hits().hits().isEmpty() ? null : found.hits().hits().getFirst().source().stamp();
    }

    @Override
    public List<String> idsInFile(String file) throws IOException {
      SearchResponse<StoredStamp> found =
          call(() ->
              client.search(
                  s ->
                      s.index(target)
                          .query(q ->
                              q.term(t -> t.field(Schema.ARTICLE_FILE).value(FieldValue.of(file))))
                          .size(OpenSearchEngine.MAX_ARTICLE_PARAGRAPHS)
                          .source(src -> src.filter(f -> f.includes(STAMP_FIELDS))),
                  StoredStamp.class));
      List<String> ids = new ArrayList<>();
      for (Hit<StoredStamp> hit : found.hits().hits()) {
        ids.add(hit.source().articleId());
      }
      return ids;
    }

    /** The ids of article {@code id}'s paragraphs as this batch leaves them so far. */
    private Set<String> paragraphIds(String id) throws IOException {
      Set<String> ids = new HashSet<>();
      Integer mine = written.get(id);
      if (mine != null) {
        for (int n = 1; n <= mine; n++) {
          ids.add(ParagraphDocuments.paragraphId(id, n));
        }
        return ids;
      }
      SearchResponse<StoredId> found =
          call(() ->
              client.search(
                  s ->
                      s.index(target)
                          .routing(id)
                          .query(
                              q -> q.term(t -> t.field(Schema.ARTICLE_ID).value(FieldValue.of(id))))
                          .size(OpenSearchEngine.MAX_ARTICLE_PARAGRAPHS)
                          .source(src -> src.filter(f -> f.includes(Schema.ID))),
                  StoredId.class));
      for (Hit<StoredId> hit : found.hits().hits()) {
        ids.add(hit.id());
      }
      return ids;
    }

    @Override
    public void replace(ProcessedArticle article, ArticleStamp stamp) throws IOException {
      String id = article.id();
      List<ParagraphSources.Source> sources = ParagraphSources.of(article, stamp);
      Set<String> gone = paragraphIds(id);
      List<BulkOperation> operations = new ArrayList<>();
      for (ParagraphSources.Source s : sources) {
        gone.remove(s.id());
      }
      for (String old : gone) {
        operations.add(BulkOperation.of(o -> o.delete(d -> d.index(target).id(old).routing(id))));
      }
      // The stamped first paragraph goes last: until it is written, the article looks changed.
      List<ParagraphSources.Source> ordered = new ArrayList<>(sources.subList(1, sources.size()));
      ordered.add(sources.getFirst());
      for (ParagraphSources.Source s : ordered) {
        operations.add(
            BulkOperation.of(
                o -> o.index(x -> x.index(target).id(s.id()).routing(id).document(s.fields()))));
      }
      bulk(operations);
      written.put(id, sources.size());
    }

    @Override
    public void delete(String id) throws IOException {
      List<BulkOperation> operations = new ArrayList<>();
      for (String old : paragraphIds(id)) {
        operations.add(BulkOperation.of(o -> o.delete(d -> d.index(target).id(old).routing(id))));
      }
      bulk(operations);
      written.put(id, 0);
    }

    private void bulk(List<BulkOperation> operations) throws IOException {
      if (operations.isEmpty()) {
        return;
      }
      BulkResponse response = call(() -> client.bulk(b -> b.operations(operations)));
      if (response.errors()) {
        for (BulkResponseItem item : response.items()) {
          if (item.error() != null && item.status() != 404) {
            throw new IOException(
                "the cluster refused paragraph " + item.id() + ": " + item.error().reason());
          }
        }
      }
    }

    @Override
    public void commit(IndexInfo next) throws IOException {
      call(() -> {
        index.record(target, next);
        client.indices().refresh(r -> r.index(target));
        return null;
      });
    }

    @Override
    public void close() {
      // A cluster keeps what was written; unpublished writes wait for the next commit.
    }
  }

  private interface ClusterCall<T> {
    T call() throws IOException;
  }

  private <T> T call(ClusterCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (OpenSearchException e) {
      throw index.unavailable(e);
    }
  }
}
