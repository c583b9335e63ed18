package dev.passage.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an index is built from: the articles folder (or single {@code .jsonl} file) and the user's
 * names and topics files, if any. All are absolute, so an index remembers them wherever it is used
 * from.
 *
 * @param articles the articles folder or file
 * @param names the names file merged over the bundled list, or null
 * @param topics the topics file used instead of the bundled one, or null
 */
public record IndexSource(Path articles, Path names, Path topics) {

  public IndexSource {
    articles = absolute(Objects.requireNonNull(articles, "articles"));
    names = names == null ? null : absolute(names);
    topics = topics == null ? null : absolute(topics);
  }

  /** The source with the bundled topics. */
  public IndexSource(Path articles, Path names) {
    this(articles, names, null);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /**
   * "/data/articles", or with what else it holds: "/data/articles with the names file
   * /data/names.tsv and the topics file /data/topics.tsv".
   */
  public String describe() {
    StringBuilder described = new StringBuilder(articles.toString());
    if (names != null) {
      described.append(" with the names file ").append(names);
    }
    if (topics != null) {
      described.append(names == null ? " with" : " and").append(" the topics file ").append(topics);
    }
    return described.toString();
  }
}
