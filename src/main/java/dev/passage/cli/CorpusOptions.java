package dev.passage.cli;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.EntityTagChanges;
import dev.passage.index.IndexBuilder;
import dev.passage.index.IndexFreshness;
import dev.passage.index.IndexSummary;
import dev.passage.index.RulesFingerprint;
import dev.passage.index.Schema;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.Problem;
import dev.passage.search.SearcherPool;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityTagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command shares: where the articles and the index are, and extra names. */
final class CorpusOptions {

  @Option(
      names = "--articles",
      paramLabel = "DIR",
      description = "Folder (or single .jsonl file) of articles. Default: ${DEFAULT-VALUE}.",
      defaultValue = "articles")
  Path articles;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Folder of the index. Default: ${DEFAULT-VALUE}.",
      defaultValue = "index")
  Path index;

  @Option(
      names = "--entities",
      paramLabel = "FILE",
      description = "Names file merged over the built-in list (same format as entities.tsv).")
  Path entities;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Indexing threads. Default: the number of processors.")
  Integer threads;

  /** The names list: the bundled one, with the user's file merged over it. */
  EntityList entityList() throws IOException {
    EntityList bundled = EntityList.bundled();
    return entities == null ? bundled : bundled.merge(EntityList.file(entities));
  }

  String rulesFingerprint() throws IOException {
    return RulesFingerprint.of(entities);
  }

  /** Builds the index and prints the summary; returns it. */
  IndexSummary build(Schema schema, PrintWriter out, PrintWriter err) throws IOException {
    return build(
        schema, threads != null ? threads : Runtime.getRuntime().availableProcessors(), out, err);
  }

  /** Builds the index on {@code defaultThreads} threads unless --threads says otherwise. */
  IndexSummary build(Schema schema, int defaultThreads, PrintWriter out, PrintWriter err)
      throws IOException {
    int n = threads != null ? threads : defaultThreads;
    // Only a user's names file is worth the second round of name tagging that measures it.
    EntityTagChanges changes =
        entities == null ? null : new EntityTagChanges(EntityTagger.bundled());
    IndexBuilder builder =
        new IndexBuilder(
            schema,
            ArticlePipeline.create(entityList()),
            rulesFingerprint(),
            n,
            changes == null ? article -> {} : changes);
    out.println("Indexing " + articles + " into " + index + " …");
    out.flush();
    IndexSummary summary =
        builder.build(
            new ArticleFolder(articles),
            index,
            line -> {
              err.println(line);
              err.flush();
            });
    print(summary, changes == null ? null : changes.count(), out);
    return summary;
  }

  /**
   * The searchers of an up-to-date index: built first when it is missing or out of date, and
   * rebuilt when it turns out damaged on opening; says which.
   */
  SearcherPool openFresh(Schema schema, PrintWriter out, PrintWriter err) throws IOException {
    String reason =
        IndexFreshness.staleReason(index, new ArticleFolder(articles), rulesFingerprint());
    if (reason == null) {
      try {
        SearcherPool pool = SearcherPool.open(index, schema);
        out.println("The index in " + index + " is up to date.");
        return pool;
      } catch (IOException e) {
        reason = IndexFreshness.damaged(index, e);
      }
    }
    out.println("Building the index: " + reason + ".");
    IndexSummary summary = build(schema, out, err);
    if (!summary.committed()) {
      throw new IOException("no usable articles in " + articles);
    }
    return SearcherPool.open(index, schema);
  }

  private void print(IndexSummary summary, EntityTagChanges.Count changes, PrintWriter out) {
    if (summary.committed()) {
      out.printf(
          "Indexed %,d articles, %,d paragraphs in %.1f s.%n",
          summary.articles(), summary.paragraphs(), summary.millis() / 1000.0);
      if (changes != null) {
        out.println(describe(changes));
      }
    } else {
      out.printf(
          "Found no usable articles in %s; the previous index, if any, is kept.%n", articles);
    }
    List<Problem> skipped = summary.problems().stream().filter(Problem::skipped).toList();
    List<Problem> repaired = summary.problems().stream().filter(p -> !p.skipped()).toList();
    report("Skipped", skipped, out);
    report("Repaired", repaired, out);
    out.flush();
  }

  /** "Your names file changed 12 tags in 9 paragraphs (7 added, 5 removed)." */
  static String describe(EntityTagChanges.Count changes) {
    if (changes.tags() == 0) {
      return "Your names file changed no person or organisation tags.";
    }
    return String.format(
        "Your names file changed %s in %s (%,d added, %,d removed).",
        count(changes.tags(), "tag"),
        count(changes.paragraphs(), "paragraph"),
        changes.added(),
        changes.removed());
  }

  private static String count(int n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static void report(String what, List<Problem> problems, PrintWriter out) {
    if (problems.isEmpty()) {
      return;
    }
    out.printf("%s %,d:%n", what, problems.stream().mapToLong(Problem::count).sum());
    int shown = 0;
    for (Problem p : problems) {
      if (shown++ == 50) {
        out.printf("  … and %,d more%n", problems.size() - 50);
        break;
      }
      out.println("  " + p.origin() + ": " + p.message());
    }
  }
}
