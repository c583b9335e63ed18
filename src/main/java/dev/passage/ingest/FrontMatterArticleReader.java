package dev.passage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one article from a {@code .txt} or {@code .md} file: an optional front-matter header of
 * {@code key: value} lines between two {@code ---} lines, then the text as published.
 *
 * <pre>
 * ---
 * title: New Historic Milestone Approaching for Kazakhstan-China Relations
 * date: 2013-08
 * source: The Astana Times
 * ---
 * (the article text, unchanged)
 * </pre>
 *
 * <p>The header is deliberately not YAML: a title such as "Analysis: Xi Visits Kazakhstan" needs no
 * quoting, because only the first colon of a line separates key from value.
 */
public final class FrontMatterArticleReader implements ArticleReader {

  static final List<String> KEYS = List.of("title", "date", "source", "author");

  private static final String FENCE = "---";
  private static final int MAX_HEADER_LINES = 50;
  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z][A-Za-z_-]*)\\s*:\\s*(.*)");

  @Override
  public void read(Path file, String origin, ArticleSink sink) throws IOException {
    long size = Files.size(file);
    if (size > ArticleLimits.MAX_SOURCE_BYTES) {
      sink.problem(
          Problem.skipped(
              origin,
              String.format(
                  "file is %,d bytes, over the %,d byte limit for one article",
                  size, ArticleLimits.MAX_SOURCE_BYTES)));
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      sink.problem(Problem.skipped(origin, "empty file"));
      return;
    }
    if (TextDecoder.looksBinary(bytes)) {
      sink.problem(Problem.skipped(origin, "binary file, not text"));
      return;
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    if (decoded.replacedInvalidBytes()) {
      sink.problem(
          Problem.repaired(
              origin, "invalid UTF-8 bytes were replaced with U+FFFD; save it as UTF-8"));
    }
    parse(idOf(file), decoded.text(), origin, sink);
  }

  /**
   * The article id of a file: its name without the extension, or, for a file named {@code index},
   * the name of its folder, as sites keep each article in a folder of its own
   * ("cica-summit/index.md").
   */
  public static String idOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    if (stem.equalsIgnoreCase("index")) {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null && folder.getFileName() != null) {
        return folder.getFileName().toString();
      }
    }
    return stem;
  }

  /** Parses decoded file content; visible for tests that need no files. */
  static void parse(String id, String content, String origin, ArticleSink sink) {
    parse(id, content, origin, true, sink);
  }

  /**
   * @param reportUnknownKeys whether a key other than the known ones is a repair; not for a put,
   *     whose file is written with the known keys only, as a JSON body's other fields are dropped
   */
  static void parse(
      String id, String content, String origin, boolean reportUnknownKeys, ArticleSink sink) {
    Map<String, String> header = new LinkedHashMap<>();
    String body = content;
    String[] lines = content.split("\n", -1);
    if (lines.length > 0 && lines[0].strip().equals(FENCE)) {
      int close = -1;
      for (int i = 1; i < Math.min(lines.length, MAX_HEADER_LINES + 1); i++) {
        if (lines[i].strip().equals(FENCE)) {
          close = i;
          break;
        }
      }
      int end;
      if (close < 0) {
        // Repair rather than skip: keep the key: value lines that are there and read on.
        end = 1;
        while (end < lines.length && KEY_VALUE.matcher(lines[end].strip()).matches()) {
          end++;
        }
        sink.problem(
            Problem.repaired(
                origin, "front matter opened with '---' but never closed; add a '---' line"));
      } else {
        end = close;
      }
      for (int i = 1; i < end; i++) {
        readHeaderLine(lines[i], i + 1, header, origin, reportUnknownKeys, sink);
      }
      int bodyStart = close < 0 ? end : close + 1;
      body =
          String.join(
              "\n", List.of(lines).subList(Math.min(bodyStart, lines.length), lines.length));
    }
    if (body.isBlank()) {
      sink.problem(Problem.skipped(origin, "no article text"));
      return;
    }
    sink.accept(
        new Article(
            id,
            header.get("title"),
            dateOf(header.get("date"), origin, sink),
            header.get("source"),
            header.get("author"),
            body,
            origin));
  }

  private static void readHeaderLine(
      String line,
      int lineNumber,
      Map<String, String> header,
      String origin,
      boolean reportUnknownKeys,
      ArticleSink sink) {
    if (line.isBlank() || line.strip().startsWith("#")) {
      return;
    }
    Matcher m = KEY_VALUE.matcher(line.strip());
    if (!m.matches()) {
      sink.problem(
          Problem.repaired(
              origin + ":" + lineNumber, "front-matter line is not 'key: value'; ignored"));
      return;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!KEYS.contains(key)) {
      if (!reportUnknownKeys) {
        return;
      }
      sink.problem(
          Problem.repaired(
              origin + ":" + lineNumber,
              "unknown front-matter key '" + key + "' ignored; known keys are " + KEYS));
      return;
    }
    String value = unquote(m.group(2).strip());
    if (!value.isEmpty()) {
      header.put(key, value);
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1).strip();
    }
    return value;
  }

  /** Parses a metadata date; a bad one is reported and left for inference from the text. */
  static ArticleDate dateOf(String value, String origin, ArticleSink sink) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ArticleDate.parse(value);
    } catch (IllegalArgumentException e) {
      sink.problem(Problem.repaired(origin, e.getMessage() + "; the article is indexed undated"));
      return null;
    }
  }
}
