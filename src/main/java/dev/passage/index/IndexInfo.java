package dev.passage.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What the last complete build recorded in the index's commit: enough to tell whether the index
 * still matches the articles and the rules, and to report counts without reading the index.
 *
 * @param articles articles in the index
 * @param paragraphs paragraphs in the index
 * @param articlesFingerprint names, sizes and times of the article files it was built from
 * @param rulesFingerprint the schema version and the rule files it was built with
 * @param builtAt when the build was committed (ISO-8601)
 */
public record IndexInfo(
    int articles,
    int paragraphs,
    String articlesFingerprint,
    String rulesFingerprint,
    String builtAt) {

  static final String ARTICLES = "passage.articles";
  static final String PARAGRAPHS = "passage.paragraphs";
  static final String ARTICLES_FINGERPRINT = "passage.articlesFingerprint";
  static final String RULES_FINGERPRINT = "passage.rulesFingerprint";
  static final String BUILT_AT = "passage.builtAt";

  /** The info stored in a commit's user data; null when the commit is not Passage's. */
  public static IndexInfo fromUserData(Map<String, String> data) {
    if (!data.containsKey(ARTICLES_FINGERPRINT)) {
      return null;
    }
    try {
      return new IndexInfo(
          Integer.parseInt(data.getOrDefault(ARTICLES, "0")),
          Integer.parseInt(data.getOrDefault(PARAGRAPHS, "0")),
          data.get(ARTICLES_FINGERPRINT),
          data.getOrDefault(RULES_FINGERPRINT, ""),
          data.getOrDefault(BUILT_AT, ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  Map<String, String> toUserData() {
    return Map.of(
        ARTICLES, String.valueOf(articles),
        PARAGRAPHS, String.valueOf(paragraphs),
        ARTICLES_FINGERPRINT, articlesFingerprint,
        RULES_FINGERPRINT, rulesFingerprint,
        BUILT_AT, builtAt);
  }

  /** The info of the index in {@code dir}; null when there is no complete Passage index there. */
  public static IndexInfo read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(directory)) {
        return null;
      }
      var commits = DirectoryReader.listCommits(directory);
      return fromUserData(commits.getLast().getUserData());
    } catch (IndexNotFoundException e) {
      return null;
    }
  }
}
