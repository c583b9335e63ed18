package dev.passage.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code index} and {@code serve} do with an index, decided before anything is written: update
 * it from the source it records, or build it whole, and why. An index is never replaced by one of
 * another source unless the user asked with {@code --rebuild}.
 *
 * @param source the articles, names and topics files to read
 * @param build true for a whole build, false to update the index article by article
 * @param reason why a whole build, for the user; null for an update
 */
public record IndexPlan(IndexSource source, boolean build, String reason) {

  /** The flag that asks for a whole build, replacing whatever the index holds. */
  public static final String REBUILD_FLAG = "--rebuild";

  /**
   * Decides what to do with the index in {@code indexDir}.
   *
   * @param articles the articles folder the user gave, or null for the one the index records
   * @param names the names file the user gave, or null for the one the index records
   * @param topics the topics file the user gave, or null for the one the index records
   * @param rebuild whether the user asked for a whole build
   * @param defaultArticles the folder to build from when neither the user nor the index names one
   * @param rulesFingerprint the fingerprint of the rules and schema this Passage indexes with, for
   *     the names and topics files the plan settles on
   * @throws SourceConflictException when the index was built from another source and {@code
   *     rebuild} is false, or the index's own names or topics file is gone
   */
  public static IndexPlan decide(
      Path indexDir,
      Path articles,
      Path names,
      Path topics,
      boolean rebuild,
      Path defaultArticles,
      RulesFingerprint.Of rulesFingerprint)
      throws IOException, SourceConflictException {
    IndexInfo info;
    String damage = null;
    try {
      info = IndexInfo.read(indexDir);
      if (info != null) {
        damage = IndexFreshness.damage(indexDir).orElse(null);
      }
    } catch (IOException e) {
      info = null;
      damage = IndexFreshness.damaged(indexDir, e);
    }
    if (info == null || damage != null) {
      IndexSource source =
          new IndexSource(articles != null ? articles : defaultArticles, names, topics);
      if (damage != null) {
        return new IndexPlan(source, true, damage);
      }
      String missing = IndexFreshness.missing(indexDir);
      if (IndexFreshness.hasCommit(indexDir) && !rebuild) {
        throw new SourceConflictException(
            missing
                + "; nothing was changed. "
                + REBUILD_FLAG
                + " replaces it with an index of "
                + source.describe()
                + ", or give another --index.");
      }
      return new IndexPlan(source, true, missing);
    }
    return decideRecorded(
        info, "the index in " + indexDir, articles, names, topics, rebuild, rulesFingerprint);
  }

  /**
   * Decides what to do with an index held elsewhere (on a cluster), from what it records: {@code
   * info}, null when there is none, and {@code where}, naming it for messages ("the index passage
   * on http://h1:9200").
   */
  public static IndexPlan decide(
      IndexInfo info,
      String where,
      Path articles,
      Path names,
      Path topics,
      boolean rebuild,
      Path defaultArticles,
      RulesFingerprint.Of rulesFingerprint)
      throws IOException, SourceConflictException {
    if (info == null) {
      return new IndexPlan(
          new IndexSource(articles != null ? articles : defaultArticles, names, topics),
          true,
          "there is no " + where.replaceFirst("^the ", "") + " yet");
    }
    return decideRecorded(info, where, articles, names, topics, rebuild, rulesFingerprint);
  }

  private static IndexPlan decideRecorded(
      IndexInfo info,
      String where,
      Path articles,
      Path names,
      Path topics,
      boolean rebuild,
      RulesFingerprint.Of rulesFingerprint)
      throws IOException, SourceConflictException {
    IndexSource recorded = info.source();
    if (recorded == null) {
      if (articles == null) {
        throw new SourceConflictException(
            where
                + " was built by an older Passage, which did not record"
                + " its articles folder; give --articles DIR to rebuild it from DIR");
      }
      return new IndexPlan(
          new IndexSource(articles, names, topics),
          true,
          "the index was built by an older Passage");
    }
    IndexSource given =
        new IndexSource(
            articles != null ? articles : recorded.articles(),
            names != null ? names : recorded.names(),
            topics != null ? topics : recorded.topics());
    if (!given.equals(recorded)) {
      if (!rebuild) {
        throw new SourceConflictException(conflict(where, recorded, given));
      }
      return new IndexPlan(
          given, true, "replacing the index of " + recorded.describe() + " as asked");
    }
    if (rebuild) {
      return new IndexPlan(given, true, REBUILD_FLAG + " asks for a whole build");
    }
    requireStillThere(where, "names", given.names(), "--entities");
    requireStillThere(where, "topics", given.topics(), "--topics");
    if (!Objects.equals(info.rulesFingerprint(), rulesFingerprint.of(given))) {
      return new IndexPlan(
          given,
          true,
          "the tagging rules or code, the names or topics file or the schema changed since the"
              + " index was built");
    }
    return new IndexPlan(given, false, null);
  }

  private static String conflict(String where, IndexSource recorded, IndexSource given) {
    String what;
    if (!recorded.articles().equals(given.articles())) {
      what = recorded.articles() + ", not " + given.articles();
    } else if (!Objects.equals(recorded.names(), given.names())) {
      what = "the names file " + orNone(recorded.names()) + ", not " + orNone(given.names());
    } else {
      what = "the topics file " + orNone(recorded.topics()) + ", not " + orNone(given.topics());
    }
    return where
        + " was built from "
        + what
        + "; nothing was changed. "
        + REBUILD_FLAG
        + " replaces it with an index of "
        + given.describe()
        + ", or give another --index to keep it.";
  }

  private static String orNone(Path file) {
    return file == null ? "none" : file.toString();
  }

  /**
   * Fails when the {@code kind} file an index was built with is gone: updating without it would tag
   * new articles unlike the old ones. Omitting {@code flag} keeps the recorded file, so the way on
   * is to restore it or name another.
   */
  private static void requireStillThere(String where, String kind, Path file, String flag)
      throws SourceConflictException {
    if (file != null && !Files.isRegularFile(file)) {
      throw new SourceConflictException(
          where
              + " was built with the "
              + kind
              + " file "
              + file
              + ", which is gone; restore it, or rebuild with another: "
              + flag
              + " NEW.tsv "
              + REBUILD_FLAG);
    }
  }
}
