package dev.passage.cli;

import dev.passage.eval.TaggingEvaluation;
import dev.passage.tagging.EntityList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code passage eval}: measures the person and organisation tags on labelled corpora. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    subcommands = {EvalFacetsCommand.class, EvalTopicsCommand.class, EvalYearsCommand.class},
    description = {
      "Measures Passage's own tagging on labelled news corpora and prints a Markdown table:"
          + " person and organisation precision, recall and F1 per article on CoNLL-2003,"
          + " recall on Reuters-21578, and the cost of tagging per paragraph.",
      "A corpus file that is missing is skipped; the command fails when none is found.",
      "eval facets and eval years print the top facet values and random samples of year tags"
          + " of any corpus, to be judged by hand; eval topics scores topics against a corpus's"
          + " own categories and samples paragraphs per topic."
    })
final class EvalCommand implements Callable<Integer> {

  @Option(
      names = "--conll",
      paramLabel = "FILE",
      description = "CoNLL-2003 articles as JSON lines. Default: ${DEFAULT-VALUE}.",
      defaultValue = "../shared/corpora/conll2003-testa.jsonl")
  Path conll;

  @Option(
      names = "--reuters",
      paramLabel = "FILE",
      description = "Reuters-21578 articles as JSON lines. Default: ${DEFAULT-VALUE}.",
      defaultValue = "../shared/corpora/reuters21578.jsonl")
  Path reuters;

  @Option(
      names = "--entities",
      paramLabel = "FILE",
      description = "Names file merged over the built-in list, as for index.")
  Path entities;

  @Option(
      names = "--errors",
      paramLabel = "N",
      description = "Also list the N most frequent misses and wrong tags on CoNLL news articles.",
      defaultValue = "0")
  int errors;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the table, with this command and the date, to FILE (Markdown).")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The Markdown of docs/quality.md: how the figures were made, then the figures. */
  static String report(String command, String table) {
    return "# Tagging quality\n\n"
        + "Made on "
        + LocalDate.now()
        + " by\n\n```sh\n"
        + command
        + "\n```\n\n"
        + "CoNLL-2003 labels every person and organisation mention. Scores are per article: the"
        + " distinct people (organisations) an article mentions, compared after canonicalisation,"
        + " a surname counting as found when the full name is tagged; paragraphs in capitals"
        + " (headlines, datelines) are not scored. News articles are those whose headline does"
        + " not start with a sport (\"SOCCER -\", \"CRICKET -\", …). Reuters-21578 labels only"
        + " each article's main people and organisations, so it measures recall. The seed"
        + " articles' exact people and organisations are pinned by SeedEntitiesTest.\n\n"
        + table;
  }

  /** The bundled names, with {@code entities} merged over them when given. */
  static EntityList names(Path entities) throws IOException {
    return entities == null
        ? EntityList.bundled()
        : EntityList.bundled().merge(EntityList.file(entities));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TaggingEvaluation evaluation = new TaggingEvaluation(names(entities));
    StringWriter table = new StringWriter();
    PrintWriter t = new PrintWriter(table);
    boolean any = false;
    if (Files.isRegularFile(conll)) {
      any = true;
      TaggingEvaluation.ConllTable c = evaluation.conll(conll);
      TaggingEvaluation.printConll(c, conll.getFileName().toString(), t);
      t.println();
      if (errors > 0) {
        t.println(
            "Most frequent misses (news articles): "
                + String.join("; ", TaggingEvaluation.top(c.missed(), errors)));
        t.println();
        t.println(
            "Most frequent wrong tags (news articles): "
                + String.join("; ", TaggingEvaluation.top(c.wrong(), errors)));
        t.println();
      }
    } else {
      err.println("eval: no CoNLL file at " + conll + "; skipped (give one with --conll)");
    }
    if (Files.isRegularFile(reuters)) {
      any = true;
      TaggingEvaluation.printReuters(
          evaluation.reuters(reuters), reuters.getFileName().toString(), t);
      t.println();
      TaggingEvaluation.Cost cost = evaluation.cost(reuters, 3);
      t.printf(
          Locale.ROOT,
          "Tagging (names, years and topics) costs %.1f µs per paragraph: median of 3 passes over"
              + " the %,d paragraphs of %s, one thread.%n",
          cost.microsPerParagraph(),
          cost.paragraphs(),
          reuters.getFileName());
    } else {
      err.println("eval: no Reuters file at " + reuters + "; skipped (give one with --reuters)");
    }
    t.flush();
    if (!any) {
      err.println("eval: no corpus found; nothing was measured");
      return 1;
    }
    out.print(table);
    out.flush();
    if (report != null) {
      String command =
          String.join(
              " ",
              "./passage",
              String.join(" ", spec.commandLine().getParseResult().originalArgs()));
      Files.writeString(report, report(command, table.toString()), StandardCharsets.UTF_8);
    }
    return 0;
  }
}
