package dev.passage.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What the index's last commit recorded: where the index was built from, with which rules, and how
 * many articles it holds. The source is what lets {@code passage search} and {@code passage serve
 * --index X} work on X as it is, and lets {@code index} and {@code serve} refuse to replace an
 * index of another folder.
 *
 * @param articles articles in the index
 * @param source the articles folder, names and topics files it was built from; null for an index
 *     written by a Passage that did not record it
 * @param rulesFingerprint the schema version and the rule files it was built with
 * @param builtAt when the last whole build was committed (ISO-8601)
 * @param updatedAt when the last change of any kind was committed (ISO-8601)
 */
public record IndexInfo(
    int articles, IndexSource source, String rulesFingerprint, String builtAt, String updatedAt) {

  static final String ARTICLES = "passage.articles";
  static final String SOURCE = "passage.source";
  static final String NAMES = "passage.names";
  static final String TOPICS = "passage.topics";
  static final String RULES_FINGERPRINT = "passage.rulesFingerprint";
  static final String BUILT_AT = "passage.builtAt";
  static final String UPDATED_AT = "passage.updatedAt";

  /** The info stored in a commit's user data; null when the commit is not Passage's. */
  public static IndexInfo fromUserData(Map<String, String> data) {
    if (!data.containsKey(RULES_FINGERPRINT)) {
      return null;
    }
    int articles;
    try {
      articles = Integer.parseInt(data.getOrDefault(ARTICLES, "0"));
    } catch (NumberFormatException e) {
      return null;
    }
    String source = data.get(SOURCE);
    String names = data.getOrDefault(NAMES, "");
    String topics = data.getOrDefault(TOPICS, "");
    String builtAt = data.getOrDefault(BUILT_AT, "");
    return new IndexInfo(
        articles,
        source == null || source.isEmpty()
            ? null
            : new IndexSource(
                Path.of(source),
                names.isEmpty() ? null : Path.of(names),
                topics.isEmpty() ? null : Path.of(topics)),
        data.get(RULES_FINGERPRINT),
        builtAt,
        data.getOrDefault(UPDATED_AT, builtAt));
  }

  public Map<String, String> toUserData() {
    Map<String, String> data = new HashMap<>();
    data.put(ARTICLES, String.valueOf(articles));
    data.put(SOURCE, source.articles().toString());
    data.put(NAMES, source.names() == null ? "" : source.names().toString());
    data.put(TOPICS, source.topics() == null ? "" : source.topics().toString());
    data.put(RULES_FINGERPRINT, rulesFingerprint);
    data.put(BUILT_AT, builtAt);
    data.put(UPDATED_AT, updatedAt);
    return data;
  }

  /** The same index after a change that added {@code delta} articles, committed at {@code at}. */
  public IndexInfo changed(int delta, String at) {
    return new IndexInfo(articles + delta, source, rulesFingerprint, builtAt, at);
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
