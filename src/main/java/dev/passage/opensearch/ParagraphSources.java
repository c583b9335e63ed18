package dev.passage.opensearch;

import dev.passage.engine.Dimension;
import dev.passage.engine.TagReason;
import dev.passage.index.ArticleStamp;
import dev.passage.index.ParagraphDocuments;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.Schema;
import dev.passage.tagging.TaggedParagraph;
import dev.passage.tagging.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenSearch documents of an article: one per paragraph, with the fields and names of the
 * embedded engine's documents (see {@link ParagraphDocuments}), so a query means the same on both.
 */
public final class ParagraphSources {

  private static final ObjectWriter REASONS =
      JsonMapper.builder().build().writerFor(new TypeReference<List<TagReason>>() {});

  /** One paragraph's document and the id it is stored under. */
  public record Source(String id, Map<String, Object> fields) {}

  private ParagraphSources() {}

  /** One document per paragraph, in order; the first carries the article's stamp when given. */
  public static List<Source> of(ProcessedArticle article, ArticleStamp stamp) {
    List<Source> sources = new ArrayList<>(article.paragraphs().size());
    for (TaggedParagraph p : article.paragraphs()) {
      sources.add(of(article, p, sources.isEmpty() ? stamp : null));
    }
    return sources;
  }

  private static Source of(ProcessedArticle article, TaggedParagraph tagged, ArticleStamp stamp) {
    int number = tagged.paragraph().number();
    String id = ParagraphDocuments.paragraphId(article.id(), number);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(Schema.ID, id);
    doc.put(Schema.ARTICLE_ID, article.id());
    if (stamp != null) {
      doc.put(Schema.ARTICLE_FILE, stamp.file());
      doc.put(Schema.ARTICLE_HASH, stamp.hash());
      doc.put(Schema.ARTICLE_FILE_SIZE, stamp.size());
      doc.put(Schema.ARTICLE_FILE_MODIFIED, stamp.modifiedNanos());
    }
    doc.put(Schema.TITLE, article.title());
    // An undated article has neither: OpenSearch sorts a missing date key last either way.
    if (article.date() != null) {
      doc.put(Schema.DATE, article.date().toString());
      doc.put(Schema.DATE_SORT, article.date().sortKey());
    }
    if (article.source() != null) {
      doc.put(Schema.SOURCE, article.source());
    }
    if (article.author() != null) {
      doc.put(Schema.AUTHOR, article.author());
    }
    if (tagged.paragraph().section() != null) {
      doc.put(Schema.SECTION, tagged.paragraph().section());
    }
    doc.put(Schema.PARAGRAPH, number);
    doc.put(Schema.TEXT, tagged.paragraph().text());
    Tags tags = tagged.tags();
    doc.put(Dimension.YEAR.field(), tags.years());
    doc.put(Dimension.PERSON.field(), tags.persons());
    doc.put(Dimension.ORGANISATION.field(), tags.organisations());
    doc.put(Dimension.TOPIC.field(), tags.topics());
    doc.put(Schema.REASONS, REASONS.writeValueAsString(tags.reasons()));
    return new Source(id, doc);
  }
}
