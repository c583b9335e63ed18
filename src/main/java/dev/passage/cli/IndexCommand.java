package dev.passage.cli;

import dev.passage.index.IndexPlan;
import dev.passage.ingest.ArticleFolder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code passage index}: builds the index of an articles folder, or brings it up to date. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the index of the articles, or applies to it only what changed in the folder since:"
          + " new articles are added, changed ones replaced, removed ones deleted. A whole build"
          + " happens for a new index, when the rules or the schema changed, or with --rebuild;"
          + " it replaces the old index in one step, and a running server keeps answering from"
          + " the old one until then.",
      "An index remembers the folder and names file it was built from; given another, it is"
          + " left as it is unless --rebuild is given.",
      "Exits with 1 when no usable article was found (the index is then kept), 2 when the"
          + " index belongs to another folder."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin CorpusOptions corpus;

  @Mixin EngineOptions engine;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int threads = corpus.threads(Runtime.getRuntime().availableProcessors());
    if (engine.opensearch()) {
      try (EngineOptions.Cluster cluster = engine.connect(spec)) {
        IndexPlan plan = corpus.plan(cluster);
        new ArticleFolder(plan.source().articles()).requireExists();
        if (plan.build()) {
          return corpus.buildOn(cluster, plan, threads, out, err).committed() ? 0 : 1;
        }
        var summary = corpus.update(plan, cluster.store(), threads, out);
        return summary.added() + summary.changed() + summary.unchanged() > 0 ? 0 : 1;
      }
    }
    IndexPlan plan = corpus.plan();
    // A folder that is not there is said before a build or an update is announced.
    new ArticleFolder(plan.source().articles()).requireExists();
    if (plan.build()) {
      out.println("Building the index whole: " + plan.reason() + ".");
      return corpus.build(plan, threads, out, err).committed() ? 0 : 1;
    }
    var summary = corpus.update(plan, threads, out);
    return summary.added() + summary.changed() + summary.unchanged() > 0 ? 0 : 1;
  }
}
