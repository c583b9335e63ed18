package dev.passage.index;

import dev.passage.engine.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Every live paragraph of an index as it was indexed, tags included, read one at a time from the
 * stored fields: another engine can be loaded with the very documents an index holds, at any size,
 * without reading and tagging the articles again.
 */
public final class StoredParagraphs {

  /**
   * One indexed paragraph.
   *
   * @param tags the paragraph's values of each dimension
   */
  public record Paragraph(
      String articleId,
      String title,
      String date,
      int number,
      String text,
      Map<Dimension, List<String>> tags) {}

  /** Receives the paragraphs. */
  public interface Sink {
    void accept(Paragraph paragraph) throws IOException;
  }

  private static final Set<String> FIELDS = Set.copyOf(Schema.HIT_FIELDS);

  private StoredParagraphs() {}

  /**
   * Reads every live paragraph of the index in {@code dir}, segment by segment, in each segment's
   * order.
   *
   * @return how many paragraphs were read
   */
  public static long read(Path dir, Sink sink) throws IOException {
    long count = 0;
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            sink.accept(paragraph(stored.document(doc, FIELDS)));
            count++;
          }
        }
      }
    }
    return count;
  }

  private static Paragraph paragraph(Document doc) {
    Map<Dimension, List<String>> tags = new EnumMap<>(Dimension.class);
    for (Dimension dim : Dimension.values()) {
      tags.put(dim, List.of(doc.getValues(dim.field())));
    }
    IndexableField number = doc.getField(Schema.PARAGRAPH);
    return new Paragraph(
        doc.get(Schema.ARTICLE_ID),
        doc.get(Schema.TITLE),
        doc.get(Schema.DATE),
        number == null || number.numericValue() == null ? 0 : number.numericValue().intValue(),
        doc.get(Schema.TEXT),
        tags);
  }
}
