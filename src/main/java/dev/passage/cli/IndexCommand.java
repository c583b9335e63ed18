package dev.passage.cli;

import dev.passage.index.IndexSummary;
import dev.passage.index.Schema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code passage index}: builds the index of an articles folder. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the index of the articles. The new index replaces the old one in one step:"
          + " a running server keeps answering from the old index until the new one is complete.",
      "Exits with 1 when no usable article was found (the old index is then kept)."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin CorpusOptions corpus;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexSummary summary = corpus.build(new Schema(), out, err);
    return summary.committed() ? 0 : 1;
  }
}
