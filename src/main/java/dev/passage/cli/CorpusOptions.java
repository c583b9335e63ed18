package dev.passage.cli;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.ArticleStore;
import dev.passage.index.EntityTagChanges;
import dev.passage.index.IndexBuilder;
import dev.passage.index.IndexInfo;
import dev.passage.index.IndexPlan;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexSummary;
import dev.passage.index.IndexUpdater;
import dev.passage.index.LuceneArticleStore;
import dev.passage.index.RulesFingerprint;
import dev.passage.index.Schema;
import dev.passage.index.SourceConflictException;
import dev.passage.index.UpdateSummary;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.Problem;
import dev.passage.ingest.TsvFile;
import dev.passage.query.KnownValues;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.EntityTagger;
import dev.passage.tagging.TopicRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that write an index: where it is, what it is built from, and whether
 * to build it whole. An index remembers its articles folder, names and topics files, so they are
 * needed only to build a new index or, with {@code --rebuild}, to replace one.
 */
final class CorpusOptions {

  /** The folder a new index is built from when none is given. */
  static final Path DEFAULT_ARTICLES = Path.of("articles");

  /** Problems a command lists one by one before it only counts them. */
  static final int LISTED_PROBLEMS = 50;

  /** How many files or lines must share a problem's message for it to be told once for all. */
  static final int SHARED_PROBLEM = 10;

  @Mixin IndexLocation location = new IndexLocation();

  @Option(
      names = "--articles",
      paramLabel = "DIR",
      description =
          "Folder (or single .jsonl file) of articles. Default: the one the index was built"
              + " from, or ./articles for a new index.")
  Path articles;

  @Option(
      names = "--entities",
      paramLabel = "FILE",
      description =
          "Names file merged over the built-in list (same format as entities.tsv). Default: the"
              + " one the index was built with, if any.")
  Path entities;

  @Option(
      names = "--topics",
      paramLabel = "FILE",
      description =
          "Topics file used instead of the built-in one (same format as topics.tsv). Default: the"
              + " one the index was built with, if any.")
  Path topics;

  @Option(
      names = IndexPlan.REBUILD_FLAG,
      description =
          "Build the index whole, replacing what it holds, even one built from another folder.")
  boolean rebuild;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Indexing threads. Default: the number of processors.")
  Integer threads;

  Path index() {
    return location.index;
  }

  /**
   * What to do with the index, decided before anything is written.
   *
   * @throws SourceConflictException when the index is another folder's and --rebuild was not given
   */
  IndexPlan plan() throws IOException, SourceConflictException {
    return IndexPlan.decide(
        index(), articles, entities, topics, rebuild, DEFAULT_ARTICLES, RulesFingerprint::of);
  }

  /**
   * The pipeline for {@code plan}'s source: the bundled names with its names file over them, and
   * its topics file or the bundled topics.
   */
  static ArticlePipeline pipeline(IndexPlan plan) throws IOException {
    return ArticlePipeline.create(
        entityList(plan.source().names()), topicRules(plan.source().topics()));
  }

  /**
   * The pipeline for {@code plan}'s source, made on another thread: loading the tagger's lists
   * takes a few hundred milliseconds that reading the folder or opening the index can overlap.
   */
  static CompletableFuture<ArticlePipeline> pipelineMeanwhile(IndexPlan plan) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return pipeline(plan);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The bundled names, with {@code names} (a names file, or null) merged over them. */
  static EntityList entityList(Path names) throws IOException {
    EntityList bundled = EntityList.bundled();
    return names == null ? bundled : bundled.merge(EntityList.file(names));
  }

  /**
   * The names and topics {@code source} was tagged with, by every name a reader may type for them;
   * the bundled ones for an index that does not record its source, or whose file is gone since: the
   * index holds the values themselves, which are then matched as typed.
   */
  static KnownValues knownValues(IndexSource source) throws IOException {
    if (source == null) {
      return KnownValues.bundled();
    }
    return KnownValues.of(
        entityList(stillThere(source.names())), topicRules(stillThere(source.topics())).topics());
  }

  private static Path stillThere(Path file) {
    return file != null && Files.isRegularFile(file) ? file : null;
  }

  /** The topics of {@code topics} (a topics file), or the bundled ones when it is null. */
  static TopicRules topicRules(Path topics) throws IOException {
    return topics == null ? TopicRules.bundled() : TopicRules.parse(TsvFile.file(topics));
  }

  int threads(int defaultThreads) {
    return threads != null ? threads : defaultThreads;
  }

  /** Builds the index whole on {@code n} threads and prints the summary; returns it. */
  IndexSummary build(IndexPlan plan, int n, PrintWriter out, PrintWriter err) throws IOException {
    // Only a user's names file is worth the second round of name tagging that measures it.
    EntityTagChanges changes =
        plan.source().names() == null ? null : new EntityTagChanges(EntityTagger.bundled());
    IndexBuilder builder =
        new IndexBuilder(
            new Schema(),
            pipeline(plan),
            RulesFingerprint.of(plan.source()),
            n,
            changes == null ? article -> {} : changes);
    out.println("Indexing " + plan.source().describe() + " into " + index() + " …");
    out.flush();
    IndexSummary summary =
        builder.build(
            plan.source(),
            index(),
            line -> {
              err.println(line);
              err.flush();
            });
    printBuilt(plan, summary, out);
    if (summary.committed() && changes != null) {
      out.println(describe(changes.count()));
    }
    report(summary.problems(), out);
    return summary;
  }

  private static void printBuilt(IndexPlan plan, IndexSummary summary, PrintWriter out) {
    if (summary.committed()) {
      out.printf(
          "Indexed %s, %s in %.1f s.%n",
          count(summary.articles(), "article"),
          count(summary.paragraphs(), "paragraph"),
          summary.millis() / 1000.0);
    } else {
      out.printf(
          "Found no usable articles in %s; the previous index, if any, is kept.%n",
          plan.source().articles());
    }
  }

  /**
   * What to do with the index on {@code cluster}, decided before anything is written.
   *
   * @throws SourceConflictException when the index is another folder's, or not Passage's, and
   *     --rebuild was not given
   */
  IndexPlan plan(EngineOptions.Cluster cluster) throws IOException, SourceConflictException {
    IndexInfo info = cluster.index().info();
    if (info == null && cluster.index().current() != null && !rebuild) {
      throw new SourceConflictException(
          cluster.where()
              + " was not written by Passage; nothing was changed. "
              + IndexPlan.REBUILD_FLAG
              + " replaces it, or give another --opensearch-index.");
    }
    return IndexPlan.decide(
        info,
        cluster.where(),
        articles,
        entities,
        topics,
        rebuild,
        DEFAULT_ARTICLES,
        RulesFingerprint::of);
  }

  /**
   * Builds the index on {@code cluster} whole, as a new index behind its alias, and prints the
   * summary; searches keep the old index until the alias moves.
   */
  IndexSummary buildOn(
      EngineOptions.Cluster cluster, IndexPlan plan, int n, PrintWriter out, PrintWriter err)
      throws IOException {
    out.println("Building " + cluster.where() + " whole: " + plan.reason() + ".");
    out.flush();
    IndexSummary summary =
        cluster
            .index()
            .build(
                plan.source(),
                pipeline(plan),
                RulesFingerprint.of(plan.source()),
                n,
                line -> {
                  err.println(line);
                  err.flush();
                });
    printBuilt(plan, summary, out);
    report(summary.problems(), out);
    return summary;
  }

  /** Applies the folder's changes to the index on {@code n} threads and prints what they were. */
  UpdateSummary update(IndexPlan plan, int n, PrintWriter out) throws IOException {
    return update(plan, new LuceneArticleStore(new Schema(), index()), n, out);
  }

  /** Applies the folder's changes to the articles of {@code store}, as {@link #update} does. */
  UpdateSummary update(IndexPlan plan, ArticleStore store, int n, PrintWriter out)
      throws IOException {
    CompletableFuture<ArticlePipeline> pipeline = pipelineMeanwhile(plan);
    IndexUpdater updater = new IndexUpdater(store, pipeline::join, n);
    UpdateSummary summary = updater.update(new ArticleFolder(plan.source().articles()));
    if (summary.added() + summary.changed() + summary.unchanged() == 0) {
      out.printf(
          "Found no usable articles in %s; the index is kept as it was.%n",
          plan.source().articles());
    } else {
      out.printf("%s in %.1f s.%n", capitalised(summary.describe()), summary.millis() / 1000.0);
    }
    report(summary.problems(), out);
    return summary;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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

  /** "1 article", "1,600 articles". */
  static String count(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static void report(List<Problem> problems, PrintWriter out) {
    report("Skipped", problems.stream().filter(Problem::skipped).toList(), out);
    report("Repaired", problems.stream().filter(p -> !p.skipped()).toList(), out);
    out.flush();
  }

  private static void report(String what, List<Problem> problems, PrintWriter out) {
    if (problems.isEmpty()) {
      return;
    }
    out.printf("%s %,d:%n", what, problems.stream().mapToLong(Problem::count).sum());
    // A message many files share is told once, with where: an archive whose every file has a
    // "tags:" line would otherwise list nothing but that.
    Map<String, List<Problem>> byMessage =
        problems.stream()
            .filter(p -> p.count() == 1)
            .collect(
                Collectors.groupingBy(Problem::message, LinkedHashMap::new, Collectors.toList()));
    // The first lines one by one; the lines that count many are always shown, since they tell
    // how many of each reason there were.
    List<Problem> single =
        problems.stream()
            .filter(p -> p.count() == 1 && byMessage.get(p.message()).size() < SHARED_PROBLEM)
            .toList();
    single.stream().limit(LISTED_PROBLEMS).forEach(p -> print(p, out));
    if (single.size() > LISTED_PROBLEMS) {
      out.printf("  … and %,d more%n", single.size() - LISTED_PROBLEMS);
    }
    byMessage.forEach((message, same) -> {
      if (same.size() >= SHARED_PROBLEM) {
        out.printf(
            "  %s: %,d times, in %s and %,d more%n",
            message,
            same.size(),
            same.stream().limit(3).map(Problem::origin).collect(Collectors.joining(", ")),
            same.size() - 3);
      }
    });
    problems.stream().filter(p -> p.count() != 1).forEach(p -> print(p, out));
  }

  private static void print(Problem p, PrintWriter out) {
    out.println("  " + p.origin() + ": " + p.message());
  }
}
