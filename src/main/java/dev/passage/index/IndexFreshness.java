package dev.passage.index;

import dev.passage.ingest.ArticleFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether the index in a folder still matches its articles and rules, and if not, why: so that
 * {@code serve} rebuilds only when it must, and says why when it does.
 */
public final class IndexFreshness {

  private IndexFreshness() {}

  /** Why the index needs a rebuild, or null when it is up to date. */
  public static String staleReason(Path indexDir, ArticleFolder articles, String rulesFingerprint)
      throws IOException {
    IndexInfo info = IndexInfo.read(indexDir);
    if (info == null) {
      return "there is no index in " + indexDir + " yet";
    }
    if (!info.rulesFingerprint().equals(rulesFingerprint)) {
      return "the tagging rules or the schema changed since the index was built";
    }
    if (!info.articlesFingerprint().equals(articles.fingerprint())) {
      return "the articles changed since the index was built";
    }
    return null;
  }
}
