package dev.passage.cli;

import dev.passage.engine.Dimension;
import dev.passage.eval.FacetValues;
import dev.passage.index.ProcessedArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passage eval facets}: the top values of each facet, numbered, to be judged by hand. */
@Command(
    name = "facets",
    mixinStandardHelpOptions = true,
    description = {
      "Tags a corpus as index would and prints the values on most paragraphs of each facet"
          + " dimension, numbered, with their paragraph counts, to be judged by hand."
    })
final class EvalFacetsCommand implements Callable<Integer> {

  @CommandLine.Mixin TaggedCorpusOptions corpus;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Values listed per dimension. Default: ${DEFAULT-VALUE}.",
      defaultValue = "100")
  int top;

  @Option(
      names = "--dimension",
      split = ",",
      paramLabel = "DIM",
      description = "Dimensions to list (year, person, organisation, topic). Default: all.")
  List<String> dimensions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Dimension> chosen =
        dimensions == null
            ? List.of(Dimension.values())
            : dimensions.stream().map(this::of).toList();
    List<ProcessedArticle> tagged = corpus.tag();
    for (Dimension dimension : chosen) {
      FacetValues values = FacetValues.of(tagged, dimension);
      out.printf(
          Locale.ROOT,
          "## %s: top %d of %,d values, %s%n%n",
          dimension.field(),
          Math.min(top, values.size()),
          values.size(),
          corpus.name());
      int rank = 0;
      for (FacetValues.Count c : values.top(top)) {
        out.printf(Locale.ROOT, "%d. %s (%,d)%n", ++rank, c.value(), c.paragraphs());
      }
      out.println();
    }
    out.flush();
    return 0;
  }

  private Dimension of(String name) {
    Dimension d = Dimension.of(name.strip());
    if (d == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "unknown dimension '" + name + "'; use year, person, organisation or topic");
    }
    return d;
  }
}
