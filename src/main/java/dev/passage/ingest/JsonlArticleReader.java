package dev.passage.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code .jsonl} file: one article a line, as JSON with {@code id}, {@code title}, {@code
 * date}, {@code source} and {@code text} (paragraphs separated by blank lines). Other fields, such
 * as evaluation labels, are ignored. The file is streamed, so its size is not limited by memory; a
 * broken line is reported with its number and the rest is read.
 */
public final class JsonlArticleReader implements ArticleReader {

  /** Longer lines are skipped: they are almost surely not one article. */
  static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void read(Path file, String origin, ArticleSink sink) throws IOException {
    String fileId = FrontMatterArticleReader.idOf(file);
    try (InputStream in = Files.newInputStream(file)) {
      LineReader lines = new LineReader(in);
      byte[] line;
      while ((line = lines.next()) != null) {
        int number = lines.lineNumber();
        String lineOrigin = origin + ":" + number;
        if (line.length > MAX_LINE_BYTES) {
          sink.problem(Problem.skipped(lineOrigin, "line is over 64 MB"));
          continue;
        }
        readLine(line, fileId + "-" + number, lineOrigin, sink);
      }
    }
  }

  private static void readLine(byte[] bytes, String fallbackId, String origin, ArticleSink sink) {
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    if (decoded.text().isBlank()) {
      return;
    }
    if (decoded.replacedInvalidBytes()) {
      sink.problem(Problem.repaired(origin, "invalid UTF-8 bytes were replaced with U+FFFD"));
    }
    JsonNode node;
    try {
      node = JSON.readTree(decoded.text());
    } catch (JacksonException e) {
      sink.problem(Problem.skipped(origin, "not valid JSON: " + e.getOriginalMessage()));
      return;
    }
    if (node == null || !node.isObject()) {
      sink.problem(Problem.skipped(origin, "not a JSON object"));
      return;
    }
    String text = string(node, "text");
    if (text == null || text.isBlank()) {
      sink.problem(Problem.skipped(origin, "no \"text\""));
      return;
    }
    String id = string(node, "id");
    if (id == null || id.isBlank()) {
      id = fallbackId;
      sink.problem(Problem.repaired(origin, "no \"id\"; using '" + id + "'"));
    }
    sink.accept(
        new Article(
            id.strip(),
            string(node, "title"),
            FrontMatterArticleReader.dateOf(string(node, "date"), origin, sink),
            string(node, "source"),
            string(node, "author"),
            TextDecoder.normalize(text),
            origin));
  }

  /** A field as text when it is a string or a number; null when absent, empty or structured. */
  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !(value.isString() || value.isNumber())) {
      return null;
    }
    String s = value.asString().strip();
    return s.isEmpty() ? null : s;
  }

  /** Splits a byte stream at '\n' without decoding, so each line is decoded on its own. */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int lineNumber;

    LineReader(InputStream in) {
      this.in = in;
    }

    int lineNumber() {
      return lineNumber;
    }

    /** The next line without its '\n', or null at the end; an overlong line is truncated. */
    byte[] next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!any) {
              return null;
            }
            lineNumber++;
            return line.toByteArray();
          }
        }
        any = true;
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        if (line.size() <= MAX_LINE_BYTES) {
          line.write(buffer, start, position - start);
        }
        if (position < limit) {
          position++;
          lineNumber++;
          return line.toByteArray();
        }
      }
    }
  }
}
