package dev.passage.index;

import dev.passage.engine.Dimension;
import dev.passage.engine.TagReason;
import dev.passage.tagging.TaggedParagraph;
import dev.passage.tagging.Tags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Builds the Lucene documents of an article: one per paragraph, with its facets. */
public final class ParagraphDocuments {

  /** Resolved once, not looked up again for every paragraph. */
  private static final ObjectWriter REASONS =
      JsonMapper.builder().build().writerFor(new TypeReference<List<TagReason>>() {});

  private final Schema schema;

  public ParagraphDocuments(Schema schema) {
    this.schema = schema;
  }

  /** The paragraph id of paragraph {@code number} of article {@code articleId}. */
  public static String paragraphId(String articleId, int number) {
    return articleId + "#" + number;
  }

  /** One document per paragraph, in paragraph order; the first carries the article's stamp. */
  public List<Document> build(ProcessedArticle article, ArticleStamp stamp) {
    List<Document> docs = new ArrayList<>(article.paragraphs().size());
    for (TaggedParagraph p : article.paragraphs()) {
      docs.add(build(article, p, docs.isEmpty() ? stamp : null));
    }
    return docs;
  }

  private Document build(ProcessedArticle article, TaggedParagraph tagged, ArticleStamp stamp) {
    int number = tagged.paragraph().number();
    Document doc = new Document();
    doc.add(new StringField(Schema.ID, paragraphId(article.id(), number), Field.Store.YES));
    doc.add(new StringField(Schema.ARTICLE_ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.ARTICLE_ID, new BytesRef(article.id())));
    if (stamp != null) {
      doc.add(new StringField(Schema.ARTICLE_FILE, stamp.file(), Field.Store.NO));
      doc.add(new BinaryDocValuesField(Schema.ARTICLE_FILE, new BytesRef(stamp.file())));
      doc.add(new BinaryDocValuesField(Schema.ARTICLE_HASH, new BytesRef(stamp.hash())));
      doc.add(new NumericDocValuesField(Schema.ARTICLE_FILE_SIZE, stamp.size()));
      doc.add(new NumericDocValuesField(Schema.ARTICLE_FILE_MODIFIED, stamp.modifiedNanos()));
      doc.add(new BinaryDocValuesField(Schema.ARTICLE_TITLE, new BytesRef(article.title())));
    }
    doc.add(new TextField(Schema.TITLE, article.title(), Field.Store.YES));
    // An undated article has no date key: sorted newest first it is last (the index sort reads
    // a missing key as 0), and oldest first the search's sort puts it last too.
    if (article.date() != null) {
      doc.add(new StoredField(Schema.DATE, article.date().toString()));
      doc.add(new SortedNumericDocValuesField(Schema.DATE_SORT, article.date().sortKey()));
    }
    if (article.source() != null) {
      doc.add(new StoredField(Schema.SOURCE, article.source()));
    }
    if (article.author() != null) {
      doc.add(new StoredField(Schema.AUTHOR, article.author()));
    }
    String section = tagged.paragraph().section();
    if (section != null) {
      doc.add(new TextField(Schema.SECTION, section, Field.Store.YES));
    }
    doc.add(new StoredField(Schema.PARAGRAPH, number));
    doc.add(new SortedNumericDocValuesField(Schema.PARAGRAPH, number));
    doc.add(new Field(Schema.TEXT, tagged.paragraph().text(), Schema.TEXT_TYPE));
    doc.add(new Field(Schema.TEXT_EXACT, tagged.paragraph().text(), Schema.TEXT_EXACT_TYPE));
    Tags tags = tagged.tags();
    addTags(doc, Dimension.YEAR, tags.years());
    addTags(doc, Dimension.PERSON, tags.persons());
    addTags(doc, Dimension.ORGANISATION, tags.organisations());
    addTags(doc, Dimension.TOPIC, tags.topics());
    // Reasons are read only by the article view's explain; kept out of the stored fields, they
    // make every hit's stored document smaller to decompress.
    doc.add(
        new BinaryDocValuesField(
            Schema.REASONS, new BytesRef(REASONS.writeValueAsBytes(tags.reasons()))));
    try {
      return schema.facetsConfig().build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addTags(Document doc, Dimension dimension, List<String> values) {
    for (String value : values) {
      doc.add(new StringField(dimension.field(), value, Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(dimension.field(), value));
    }
  }
}
