package dev.passage.cli;

import dev.passage.engine.TagReason;
import dev.passage.eval.YearTags;
import dev.passage.index.ProcessedArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code passage eval years}: a seeded random sample of year tags (for precision) and of the
 * four-digit numbers in the text (for recall), each with its paragraph, to be judged by hand.
 */
@Command(
    name = "years",
    mixinStandardHelpOptions = true,
    description = {
      "Tags a corpus as index would and prints a random sample of its year tags, each with its"
          + " rule and paragraph (to judge precision), then a random sample of the numbers from"
          + " 1900 to 2099 in the text, each marked [[so]] and said to be tagged or not (to judge"
          + " recall). The same seed draws the same sample."
    })
final class EvalYearsCommand implements Callable<Integer> {

  @CommandLine.Mixin TaggedCorpusOptions corpus;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description = "Year tags drawn. Default: ${DEFAULT-VALUE}.",
      defaultValue = "100")
  int sample;

  @Option(
      names = "--numbers",
      paramLabel = "N",
      description = "Numbers from 1900 to 2099 drawn. Default: ${DEFAULT-VALUE}.",
      defaultValue = "100")
  int numbers;

  @CommandLine.Mixin SeedOption draw;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<ProcessedArticle> tagged = corpus.tag();
    List<YearTags.Tag> tags = YearTags.tags(tagged);
    out.printf(
        Locale.ROOT,
        "## Year tags of %s: %d of %,d drawn with seed %d%n%n",
        corpus.name(),
        Math.min(sample, tags.size()),
        tags.size(),
        draw.seed);
    out.println("Tags by rule (a tag with several reasons counts under each): " + byRule(tags));
    out.println();
    int n = 0;
    for (YearTags.Tag t : YearTags.draw(tags, YearTags::key, sample, draw.seed)) {
      String reasons =
          t.reasons().stream()
              .map(r -> r.rule() + (r.matched().isEmpty() ? "" : " \"" + r.matched() + "\""))
              .distinct()
              .collect(Collectors.joining("; "));
      out.printf(
          Locale.ROOT,
          "%d. %s · %s · %s (%s)%n   %s%n",
          ++n,
          t.year(),
          reasons,
          t.paragraph(),
          t.articleDate() == null ? "undated article" : "article date " + t.articleDate(),
          t.text());
    }
    List<YearTags.Candidate> candidates = YearTags.candidates(tagged);
    long yearsTagged = candidates.stream().filter(YearTags.Candidate::tagged).count();
    out.printf(
        Locale.ROOT,
        "%n## Numbers from 1900 to 2099 in the text of %s: %d of %,d drawn with seed %d"
            + " (%,d of them tagged as a year of their paragraph)%n%n",
        corpus.name(),
        Math.min(numbers, candidates.size()),
        candidates.size(),
        draw.seed,
        yearsTagged);
    n = 0;
    for (YearTags.Candidate c : YearTags.draw(candidates, YearTags::key, numbers, draw.seed)) {
      String text = c.text();
      int end = c.start() + c.number().length();
      out.printf(
          Locale.ROOT,
          "%d. %s · %s · %s%n   %s[[%s]]%s%n",
          ++n,
          c.number(),
          c.tagged() ? "tagged" : "not tagged",
          c.paragraph(),
          text.substring(0, c.start()),
          c.number(),
          text.substring(end));
    }
    out.flush();
    return 0;
  }

  private static String byRule(List<YearTags.Tag> tags) {
    Map<String, Integer> counts = new TreeMap<>();
    for (YearTags.Tag t : tags) {
      t.reasons().stream()
          .map(TagReason::rule)
          .distinct()
          .forEach(rule -> counts.merge(rule, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
        .collect(Collectors.joining("; "));
  }
}
