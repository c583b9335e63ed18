package dev.passage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The editable rule files (furniture, names, topics): tab-separated columns, one rule a line,
 * {@code #} comments and blank lines ignored. Rows remember their line so that a mistake is
 * reported where a person can fix it.
 */
public final class TsvFile {

  /** One rule line, split at tabs. */
  public record Row(String origin, int line, List<String> columns) {

    /** Column {@code i}, or "" when the line is shorter. */
    public String column(int i) {
      return i < columns.size() ? columns.get(i).strip() : "";
    }

    /** An error that names this line. */
    public IllegalArgumentException error(String message) {
      return new IllegalArgumentException(origin + ":" + line + ": " + message);
    }
  }

  private TsvFile() {}

  /** Reads a resource bundled in the jar, such as "passage/furniture.tsv". */
  public static List<Row> resource(String name) {
    try (InputStream in = TsvFile.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a rule file given by the user. */
  public static List<Row> file(Path path) throws IOException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      // The JDK's message is the path alone, which says nothing of what is wrong with it.
      throw new NoSuchFileException(path.toString(), null, "no such file");
    } catch (CharacterCodingException e) {
      throw new IOException(path + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new IOException(
          path + ": cannot be read (" + (e.getMessage() == null ? e : e.getMessage()) + ")", e);
    }
    return parse(path.toString(), text);
  }

  /** Splits text into rows; visible for tests. */
  public static List<Row> parse(String origin, String text) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      rows.add(new Row(origin, i + 1, List.of(line.split("\t", -1))));
    }
    return List.copyOf(rows);
  }
}
