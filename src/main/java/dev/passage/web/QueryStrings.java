package dev.passage.web;

import dev.passage.engine.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks the raw query string of a request before its parameters are read: the server's parser
 * drops a broken percent-escape and replaces bytes that are not UTF-8, so without this check {@code
 * q=%ZZ} would silently search for nothing and {@code q=%C3%28} for a garbled word.
 */
final class QueryStrings {

  private QueryStrings() {}

  static void check(String raw) throws InvalidRequestException {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          String escape = raw.substring(i, Math.min(raw.length(), i + 3));
          throw new InvalidRequestException(
              "the address has a broken percent-escape '"
                  + escape
                  + "': write % as %25, and other characters as %XX with two hex digits");
        }
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException(
          "the address's parameters are not valid UTF-8; percent-encode text as UTF-8");
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
