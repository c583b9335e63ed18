package dev.passage.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's codec with stored fields in small blocks. Every search reads the stored fields of its
 * ten hits, and Lucene's default decompresses a preset dictionary and a large block for each one.
 * Blocks of 1 KB hold one or two paragraphs, so a hit decompresses little beyond its own text; the
 * index is slightly larger (docs/design-notes.md has both figures). Readers take blocks of any
 * size, so indexes written with other sizes stay readable. Registered in {@code META-INF/services}
 * so that any reader of the index finds it by name.
 */
public final class PassageCodec extends FilterCodec {

  public static final String NAME = "Passage104";

  private static final StoredFieldsFormat STORED_FIELDS =
      new Lucene90CompressingStoredFieldsFormat(
          "PassageStoredFields", CompressionMode.FAST, 1024, 32, 10);

  public PassageCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return STORED_FIELDS;
  }
}
