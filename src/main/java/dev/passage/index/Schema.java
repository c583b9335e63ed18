package dev.passage.index;

import dev.passage.engine.Dimension;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;

/**
 * The one definition of the index: field names, facet dimensions, analysis and the {@link
 * FacetsConfig}, shared by the indexer and the searcher so the two can never disagree.
 *
 * <p>Each Lucene document is one paragraph, not one article. News articles wander: the paragraph
 * that answers "CICA chairmanship" sits among paragraphs about trade and culture, and an article
 * document would score, snippet and count facets for all of them at once. Paragraph documents give
 * a result a reader can check at a glance, and facet counts that mean "paragraphs about 2013".
 */
public final class Schema {

  /** Bumped when documents change shape, so old indexes are rebuilt rather than misread. */
  public static final String VERSION = "8";

  /** Paragraph id: article id, "#", paragraph number. */
  public static final String ID = "id";

  public static final String ARTICLE_ID = "articleId";

  /**
   * On an article's first paragraph only: the file it was read from (indexed, to find the articles
   * of a changed file, and as doc values) and its {@link ArticleStamp} digest (doc values).
   */
  public static final String ARTICLE_FILE = "articleFile";

  public static final String ARTICLE_HASH = "articleHash";

  /** On an article's first paragraph only: its file's size and modification time (doc values). */
  public static final String ARTICLE_FILE_SIZE = "articleFileSize";

  public static final String ARTICLE_FILE_MODIFIED = "articleFileModified";
  public static final String TITLE = "title";

  /**
   * On an article's first paragraph only: its title as doc values, read by the suggester for every
   * article. From the stored fields, reading a million titles decompressed every block of them.
   */
  public static final String ARTICLE_TITLE = "articleTitle";

  public static final String DATE = "date";
  public static final String DATE_SORT = "dateSort";
  public static final String SOURCE = "source";
  public static final String AUTHOR = "author";
  public static final String SECTION = "section";
  public static final String PARAGRAPH = "paragraph";
  public static final String TEXT = "text";

  /**
   * The paragraph text as written, lower-cased but not stemmed, searched by prefix*, wildcard?,
   * fuzzy~ and /regex/ terms: the stemmed text holds "cooperation" as "cooper", which cooperation*
   * cannot match.
   */
  public static final String TEXT_EXACT = "textExact";

  /** Why each tag was given, as JSON; read only by the article view. */
  public static final String REASONS = "reasons";

  /** The stored fields a hit shows; the reasons and the article's other fields are not read. */
  public static final List<String> HIT_FIELDS =
      List.of(
          ID,
          ARTICLE_ID,
          TITLE,
          DATE,
          SECTION,
          PARAGRAPH,
          TEXT,
          Dimension.YEAR.field(),
          Dimension.PERSON.field(),
          Dimension.ORGANISATION.field(),
          Dimension.TOPIC.field());

  /** Fields a query may name ("title:astana", "person:\"Wang Yi\""). */
  public static final List<String> QUERYABLE_FIELDS =
      List.of(TEXT, TITLE, SECTION, "year", "person", "organisation", "topic", ARTICLE_ID);

  /**
   * Stored, tokenized text with offsets in the postings: the unified highlighter then reads match
   * offsets straight from the index instead of re-analysing each hit.
   */
  public static final FieldType TEXT_TYPE = textType();

  /**
   * {@link #TEXT_EXACT}: not stored (the text is), and words with their frequencies only: patterns
   * need no positions, and the snippets find the few marks of a page by analysing its hits again.
   */
  public static final FieldType TEXT_EXACT_TYPE = textExactType();

  private final FacetsConfig facetsConfig;
  private final Analyzer analyzer;

  public Schema() {
    FacetsConfig config = new FacetsConfig();
    for (Dimension d : Dimension.values()) {
      config.setMultiValued(d.field(), true);
    }
    this.facetsConfig = config;
    Analyzer english = new EnglishAnalyzer();
    Analyzer keyword = new KeywordAnalyzer();
    Analyzer asWritten = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    this.analyzer =
        new PerFieldAnalyzerWrapper(
            english,
            Map.of(
                TEXT_EXACT,
                asWritten,
                ID,
                keyword,
                ARTICLE_ID,
                keyword,
                "year",
                keyword,
                "person",
                keyword,
                "organisation",
                keyword,
                "topic",
                keyword));
  }

  /**
   * The facet configuration: every dimension is flat and multi-valued, counted from sorted-set doc
   * values. SSDV facets need no side taxonomy index to keep in step with the main one, and exact
   * counts over a few hundred thousand paragraphs are cheap.
   */
  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /**
   * English analysis with stemming for text fields; lower case without stemming for {@link
   * #TEXT_EXACT}; exact matching for ids and tags.
   */
  public Analyzer analyzer() {
    return analyzer;
  }

  /**
   * The order of documents in the index: newest article first, then paragraph order. It makes
   * builds deterministic whatever the indexing threads do, keeps an article's paragraphs together
   * and lets "newest first" listings read documents in index order.
   */
  public static Sort indexSort() {
    return new Sort(
        new SortedNumericSortField(DATE_SORT, SortField.Type.INT, true),
        new SortField(ARTICLE_ID, SortField.Type.STRING),
        new SortedNumericSortField(PARAGRAPH, SortField.Type.INT));
  }

  private static FieldType textExactType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  private static FieldType textType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
