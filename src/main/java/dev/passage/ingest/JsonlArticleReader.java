package dev.passage.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code .jsonl} file: one article a line, as JSON with {@code id}, {@code title}, {@code
 * date}, {@code source} and {@code text} (paragraphs separated by blank lines). Other fields, such
 * as evaluation labels, are ignored. The file is streamed, so its size is not limited by memory; a
 * broken line is reported with its number and the rest is read. Each line is decoded on its own, so
 * bad bytes in one line are replaced and reported for that line only.
 */
public final class JsonlArticleReader implements ArticleReader {

  /**
   * Problems listed per file; the rest are counted. A file that is not JSON Lines at all (a CSV or
   * a pretty-printed JSON document) would otherwise make a problem of every one of its lines.
   */
  static final int MAX_PROBLEMS_PER_FILE = 100;

  /** How much of the start is looked at to tell a binary file. */
  private static final int HEAD_BYTES = 8192;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void read(Path file, String origin, ArticleSink sink) throws IOException {
    String fileId = FrontMatterArticleReader.idOf(file);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      if (head.length == 0) {
        sink.problem(Problem.skipped(origin, "empty file"));
        return;
      }
      // JSON never holds a raw NUL byte, so one at the start means a compressed, binary or UTF-16
      // file: one problem for the file rather than one for each of its "lines".
      if (TextDecoder.looksBinary(head)) {
        sink.problem(Problem.skipped(origin, "binary file, not text"));
        return;
      }
      LineReader lines =
          new LineReader(new SequenceInputStream(new ByteArrayInputStream(head), in));
      CappedProblems capped = new CappedProblems(sink);
      boolean anyText = false;
      byte[] line;
      while ((line = lines.next()) != null) {
        String lineOrigin = origin + ":" + lines.lineNumber();
        if (lines.overlong()) {
          capped.problem(
              Problem.skipped(
                  lineOrigin,
                  String.format(
                      "line is over the %,d byte limit for one article",
                      ArticleLimits.MAX_SOURCE_BYTES)));
          anyText = true;
          continue;
        }
        anyText |= readLine(line, fileId + "-" + lines.lineNumber(), lineOrigin, capped);
      }
      if (!anyText) {
        sink.problem(Problem.skipped(origin, "no articles, only blank lines"));
      }
      capped.finish(origin);
    }
  }

  /** Reads one line; false when it was blank. */
  private static boolean readLine(
      byte[] bytes, String fallbackId, String origin, ArticleSink sink) {
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    if (decoded.text().isBlank()) {
      return false;
    }
    readObject(decoded.text(), decoded.replacedInvalidBytes(), fallbackId, true, origin, sink);
    return true;
  }

  /**
   * Reads one article given as a JSON object, on one line or several.
   *
   * @param replacedInvalidBytes whether decoding replaced bad bytes, to report it
   * @param reportFallbackId whether an object without an id is a repair; not when the id comes from
   *     elsewhere, as a put's from its path
   */
  static void readObject(
      String json,
      boolean replacedInvalidBytes,
      String fallbackId,
      boolean reportFallbackId,
      String origin,
      ArticleSink sink) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      sink.problem(Problem.skipped(origin, "not valid JSON: " + e.getOriginalMessage()));
      return;
    }
    if (node == null || !node.isObject()) {
      sink.problem(Problem.skipped(origin, "not a JSON object but " + kind(node)));
      return;
    }
    JsonNode textNode = node.get("text");
    if (!absent(textNode) && !textNode.isString()) {
      sink.problem(Problem.skipped(origin, "\"text\" is " + kind(textNode) + ", not a string"));
      return;
    }
    String text = absent(textNode) ? "" : textNode.asString();
    if (text.isBlank()) {
      sink.problem(Problem.skipped(origin, "no \"text\""));
      return;
    }
    // Reported only now, so a line that is skipped anyway gets one message, not two.
    if (replacedInvalidBytes) {
      sink.problem(Problem.repaired(origin, "invalid UTF-8 bytes were replaced with U+FFFD"));
    }
    JsonNode idNode = node.get("id");
    String id = isText(idNode) ? idNode.asString().strip() : "";
    if (id.isEmpty()) {
      id = fallbackId;
      if (reportFallbackId) {
        String why = isText(idNode) || absent(idNode) ? "no \"id\"" : wrongType("id", idNode);
        sink.problem(Problem.repaired(origin, why + "; using '" + id + "'"));
      }
    }
    sink.accept(
        new Article(
            id,
            field(node, "title", origin, sink),
            FrontMatterArticleReader.dateOf(field(node, "date", origin, sink), origin, sink),
            field(node, "source", origin, sink),
            field(node, "author", origin, sink),
            TextDecoder.normalize(text),
            origin));
  }

  /**
   * A field as text when it is a string or a number ({@code "date": 2013}); null when absent, null
   * or empty. Any other value is reported and ignored.
   */
  private static String field(JsonNode node, String name, String origin, ArticleSink sink) {
    JsonNode value = node.get(name);
    if (absent(value)) {
      return null;
    }
    if (!isText(value)) {
      sink.problem(Problem.repaired(origin, wrongType(name, value) + "; ignored"));
      return null;
    }
    String s = value.asString().strip();
    return s.isEmpty() ? null : s;
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }

  /** Strings and numbers both make text: ids and dates are often numbers. */
  private static boolean isText(JsonNode value) {
    return value != null && (value.isString() || value.isNumber());
  }

  private static String wrongType(String name, JsonNode value) {
    return "\"" + name + "\" is " + kind(value) + ", not a string or number";
  }

  /** "an object", "an array", "a number", …: what a JSON value is, for messages. */
  private static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Passes on the first problems of a file and counts the rest by reason, so that the count of each
   * reason is still told: "1,701 more lines: no "text"". Only a file none of whose lines was an
   * article is asked whether it is JSON Lines at all.
   */
  private static final class CappedProblems implements ArticleSink {
    private record Reason(String what, boolean skipped) {}

    private final ArticleSink sink;
    private final Map<Reason, Integer> unlisted = new LinkedHashMap<>();
    private int problems;
    private boolean anyArticle;

    CappedProblems(ArticleSink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(Article article) {
      anyArticle = true;
      sink.accept(article);
    }

    @Override
    public void problem(Problem problem) {
      if (++problems <= MAX_PROBLEMS_PER_FILE) {
        sink.problem(problem);
      } else {
        // A line's details (which character broke its JSON) differ; the reason before them not.
        int colon = problem.message().indexOf(':');
        String what = colon < 0 ? problem.message() : problem.message().substring(0, colon);
        unlisted.merge(new Reason(what, problem.skipped()), 1, Integer::sum);
      }
    }

    void finish(String origin) {
      String hint = anyArticle ? "" : "; is it JSON Lines, one object a line?";
      unlisted.forEach((reason, count) ->
          sink.problem(
              new Problem(
                  origin,
                  String.format(
                      "%,d more %s: %s%s",
                      count, count == 1 ? "line" : "lines", reason.what(), hint),
                  reason.skipped(),
                  count)));
    }
  }

  /**
   * Splits a byte stream at '\n' without decoding, so each line is decoded on its own. A line over
   * {@link ArticleLimits#MAX_SOURCE_BYTES} is not kept: it is read past and flagged.
   */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int lineNumber;
    private boolean overlong;

    LineReader(InputStream in) {
      this.in = in;
    }

    int lineNumber() {
      return lineNumber;
    }

    /** True when the last line was over the limit; {@link #next} then returned no bytes. */
    boolean overlong() {
      return overlong;
    }

    /** The next line without its '\n', or null at the end. */
    byte[] next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      overlong = false;
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
        if (!overlong && line.size() + (position - start) > ArticleLimits.MAX_SOURCE_BYTES) {
          overlong = true;
          line = new ByteArrayOutputStream();
        }
        if (!overlong) {
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
