package dev.passage.bench;

import dev.passage.engine.Dimension;
import dev.passage.index.ArticleStamp;
import dev.passage.index.ParagraphDocuments;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.StoredParagraphs;
import dev.passage.opensearch.ParagraphSources;
import dev.passage.tagging.TaggedParagraph;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Passage's paragraphs, cleaned and tagged exactly as Passage indexes them, in the bulk
 * format of OpenSearch and Elasticsearch, so both engines are measured on the same documents.
 */
public final class BulkExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Writer out;
  private final String index;
  private long paragraphs;

  public BulkExport(Writer out, String index) {
    this.out = out;
    this.index = index;
  }

  /** Writes an action line and a source line per paragraph of {@code article}. */
  public void write(ProcessedArticle article) throws IOException {
    for (TaggedParagraph p : article.paragraphs()) {
      write(
          article.id(),
          article.title(),
          article.date() == null ? null : article.date().toString(),
          p.paragraph().number(),
          p.paragraph().text(),
          p.tags().years(),
          p.tags().persons(),
          p.tags().organisations(),
          p.tags().topics());
    }
  }

  /** Writes an action line and a source line for a paragraph read back from Passage's index. */
  public void write(StoredParagraphs.Paragraph p) throws IOException {
    write(
        p.articleId(),
        p.title(),
        p.date(),
        p.number(),
        p.text(),
        p.tags().get(Dimension.YEAR),
        p.tags().get(Dimension.PERSON),
        p.tags().get(Dimension.ORGANISATION),
        p.tags().get(Dimension.TOPIC));
  }

  private void write(
      String articleId,
      String title,
      String date,
      int number,
      String text,
      Collection<String> years,
      Collection<String> persons,
      Collection<String> organisations,
      Collection<String> topics)
      throws IOException {
    Map<String, String> action = new LinkedHashMap<>();
    action.put("_index", index);
    action.put("_id", ParagraphDocuments.paragraphId(articleId, number));
    out.write(JSON.writeValueAsString(Map.of("index", action)));
    out.write('\n');
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("article_id", articleId);
    source.put("title", title);
    source.put("date", date);
    source.put("paragraph", number);
    source.put("text", text);
    source.put("year", years);
    source.put("person", persons);
    source.put("organisation", organisations);
    source.put("topic", topics);
    out.write(JSON.writeValueAsString(source));
    out.write('\n');
    paragraphs++;
  }

  /**
   * Writes the documents {@code passage index --engine opensearch} sends for {@code article}, with
   * the same ids, fields and routing, so OpenSearch's own bulk rate is measured on the very
   * documents Passage's build sends, into the same mapping.
   */
  public void writeEngineDocuments(ProcessedArticle article, ArticleStamp stamp)
      throws IOException {
    for (ParagraphSources.Source s : ParagraphSources.of(article, stamp)) {
      Map<String, String> action = new LinkedHashMap<>();
      action.put("_index", index);
      action.put("_id", s.id());
      action.put("routing", article.id());
      out.write(JSON.writeValueAsString(Map.of("index", action)));
      out.write('\n');
      out.write(JSON.writeValueAsString(s.fields()));
      out.write('\n');
      paragraphs++;
    }
  }

  /** Paragraphs written so far. */
  public long paragraphs() {
    return paragraphs;
  }
}
