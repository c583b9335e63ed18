package dev.passage.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a source file into text: UTF-8, byte-order mark dropped, line endings made
 * "\n". Invalid UTF-8 is replaced rather than fatal, because one bad byte should not cost a whole
 * article; the caller reports the repair.
 */
final class TextDecoder {

  /** The decoded text and whether any bytes had to be replaced. */
  record Decoded(String text, boolean replacedInvalidBytes) {}

  private TextDecoder() {}

  /** True when the bytes look like a binary file rather than text (they contain NUL bytes). */
  static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  static Decoded decode(byte[] bytes) {
    boolean replaced = false;
    String text;
    try {
      text = strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.UTF_8);
      replaced = true;
    }
    return new Decoded(normalize(text), replaced);
  }

  /** Drops a byte-order mark and makes every line ending "\n". */
  static String normalize(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (t.indexOf('\r') >= 0) {
      t = t.replace("\r\n", "\n").replace('\r', '\n');
    }
    return t;
  }

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
