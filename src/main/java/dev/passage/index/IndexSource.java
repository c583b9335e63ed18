package dev.passage.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an index is built from: the articles folder (or single {@code .jsonl} file) and the user's
 * names file, if any. Both are absolute, so an index remembers them wherever it is used from.
 *
 * @param articles the articles folder or file
 * @param names the names file merged over the bundled list, or null
 */
public record IndexSource(Path articles, Path names) {

  public IndexSource {
    articles = absolute(Objects.requireNonNull(articles, "articles"));
    names = names == null ? null : absolute(names);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** "/data/articles" or "/data/articles with the names file /data/names.tsv". */
  public String describe() {
    return names == null ? articles.toString() : articles + " with the names file " + names;
  }
}
