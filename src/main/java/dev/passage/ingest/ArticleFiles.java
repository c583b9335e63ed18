package dev.passage.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes articles into the articles folder, and takes them out, for a publishing system: the folder
 * stays the source of truth, so a build of it reproduces what the index serves. An article keeps
 * the file it is in: its own {@code .txt} or {@code .md} file is rewritten, its line in a {@code
 * .jsonl} file replaced; a new article gets a file of its own, {@code ID.jsonl} or {@code ID.txt}
 * as it was sent. Every write is atomic ({@link AtomicFiles}).
 */
public final class ArticleFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ArticleFolder folder;

  public ArticleFiles(ArticleFolder folder) {
    this.folder = folder;
  }

  /**
   * Writes {@code article}, replacing the version in {@code current} (the file the index says holds
   * it, or null for a new article).
   *
   * @return the file written
   * @throws ReadOnlyFileException when that file is read-only, which leaves it as it is
   */
  public Path write(Article article, ArticleDraft.Format format, Path current) throws IOException {
    Path root = folder.root();
    Path target;
    if (Files.isRegularFile(root)) {
      target = root;
    } else if (current != null && Files.isRegularFile(current) && holds(current, article.id())) {
      target = current;
    } else {
      target =
          root.resolve(article.id() + (format == ArticleDraft.Format.JSON ? ".jsonl" : ".txt"));
    }
    if (Files.exists(target)) {
      ReadOnlyFileException.check(target);
    }
    if (isJsonl(target)) {
      AtomicFiles.write(target, replaceLine(target, article.id(), jsonLine(article)));
    } else {
      AtomicFiles.write(target, frontMatter(article).getBytes(StandardCharsets.UTF_8));
    }
    return target;
  }

  /**
   * Takes article {@code id} out of {@code file}: the file goes, or its line is emptied (the last
   * line goes whole, and a file left without an article goes).
   *
   * @throws ReadOnlyFileException when the file is read-only, which leaves it as it is
   */
  public void remove(String id, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    ReadOnlyFileException.check(file);
    if (isJsonl(file)) {
      // Emptied rather than dropped, so the lines after it keep their numbers, and with them the
      // ids of lines that give none.
      byte[] rest = replaceLine(file, id, "");
      if (new String(rest, StandardCharsets.UTF_8).isBlank()
          && !Files.isRegularFile(folder.root())) {
        // No article left: the file goes, as an article's own .txt file does, rather than be
        // reported as empty by every build. The one file --articles names stays, emptied.
        AtomicFiles.delete(file);
      } else {
        AtomicFiles.write(file, rest);
      }
    } else if (FrontMatterArticleReader.idOf(file).equals(id)) {
      AtomicFiles.delete(file);
    }
  }

  /** Whether {@code file} is where article {@code id} is, or belongs. */
  private static boolean holds(Path file, String id) {
    return isJsonl(file) || FrontMatterArticleReader.idOf(file).equals(id);
  }

  private static boolean isJsonl(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
  }

  /**
   * The bytes of {@code file} with the line of article {@code id} replaced by {@code line} (every
   * line of it, when {@code line} is empty), or {@code line} added at the end when no line holds
   * it. Other lines keep their bytes.
   */
  private static byte[] replaceLine(Path file, String id, String line) throws IOException {
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    String fileId = FrontMatterArticleReader.idOf(file);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + line.length() + 1);
    boolean replaced = false;
    int start = 0;
    int number = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      number++;
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      // A takedown empties every line of the id: a later one, skipped as a duplicate while the
      // first was there, would be read in its place.
      if ((!replaced || line.isEmpty()) && id.equals(lineId(text, fileId + "-" + number))) {
        replaced = true;
        if (line.isEmpty() && end >= bytes.length - 1) {
          // The last line goes whole: no line after it keeps its number by it, and an article
          // put and then taken out leaves the file as it was.
          break;
        }
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write(bytes, start, end - start);
      }
      if (end < bytes.length) {
        out.write('\n');
      }
      start = end + 1;
    }
    if (!replaced && !line.isEmpty()) {
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
        out.write('\n');
      }
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** The id a line gives its article, as {@link JsonlArticleReader} reads it; null for none. */
  private static String lineId(String line, String fallback) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      JsonNode id = node == null ? null : node.get("id");
      if (id != null && (id.isString() || id.isNumber()) && !id.asString().isBlank()) {
        return id.asString().strip();
      }
      return fallback;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The article as one JSONL line, without a newline. */
  static String jsonLine(Article article) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", article.id());
    putIfPresent(node, "title", article.title());
    putIfPresent(node, "date", article.date() == null ? null : article.date().toString());
    putIfPresent(node, "source", article.source());
    putIfPresent(node, "author", article.author());
    node.put("text", article.text());
    return JSON.writeValueAsString(node);
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  /** The article as a front-matter file; header values are quoted and kept on one line. */
  public static String frontMatter(Article article) {
    StringBuilder text = new StringBuilder("---\n");
    header(text, "title", article.title());
    header(text, "date", article.date() == null ? null : article.date().toString());
    header(text, "source", article.source());
    header(text, "author", article.author());
    return text.append("---\n").append(article.text()).append('\n').toString();
  }

  private static void header(StringBuilder text, String key, String value) {
    if (value != null) {
      text.append(key).append(": \"").append(value.replaceAll("[\\r\\n]+", " ")).append("\"\n");
    }
  }
}
