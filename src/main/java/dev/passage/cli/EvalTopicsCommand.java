package dev.passage.cli;

import dev.passage.eval.Score;
import dev.passage.eval.TopicCategories;
import dev.passage.eval.TopicScores;
import dev.passage.eval.TopicTags;
import dev.passage.eval.YearTags;
import dev.passage.index.ProcessedArticle;
import dev.passage.ingest.TsvFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code passage eval topics}: article-level topics against a labelled corpus's own categories, and
 * a seeded random sample of paragraphs per topic, to be judged by hand.
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Tags a corpus as index would. When its articles carry labels (gold topics or category, as"
          + " in Reuters-21578), prints per topic the labelled articles tagged with it and its"
          + " precision, recall and F1 at article level (an article has a topic when one of its"
          + " paragraphs does), the categories of each topic read from --categories.",
      "Then prints a random sample of the paragraphs of each topic, each with the rule that gave"
          + " it. The same seed draws the same sample."
    })
final class EvalTopicsCommand implements Callable<Integer> {

  @CommandLine.Mixin TaggedCorpusOptions corpus;

  @Option(
      names = "--categories",
      paramLabel = "FILE",
      description =
          "The corpus's categories of each topic (topic TAB categories), used instead of the"
              + " built-in mapping of Reuters-21578's categories.")
  Path categories;

  @Option(
      names = "--topic",
      split = ",",
      paramLabel = "TOPIC",
      description = "Topics to sample paragraphs of. Default: every topic.")
  List<String> topics;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description = "Paragraphs drawn per topic. Default: ${DEFAULT-VALUE}.",
      defaultValue = "30")
  int sample;

  @CommandLine.Mixin SeedOption draw;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> known = CorpusOptions.topicRules(corpus.topics).topics();
    List<String> sampled = topics == null ? known : topics;
    for (String topic : sampled) {
      if (!known.contains(topic)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "unknown topic '" + topic + "'; topics are " + known);
      }
    }
    TopicCategories mapping =
        categories == null
            ? TopicCategories.bundled()
            : TopicCategories.parse(TsvFile.file(categories), known);
    List<ProcessedArticle> tagged = corpus.tag();
    Map<String, Set<String>> labels =
        Files.isRegularFile(corpus.articles) ? TopicScores.labels(corpus.articles) : Map.of();
    if (labels.isEmpty()) {
      out.printf("## Topics of %s: no labelled articles, no scores%n%n", corpus.name());
    } else {
      printScores(out, TopicScores.score(tagged, labels, mapping), labels.size());
    }
    for (String topic : sampled) {
      List<TopicTags.Tag> tags = TopicTags.tags(tagged, topic);
      out.printf(
          Locale.ROOT,
          "## Paragraphs tagged %s in %s: %d of %,d drawn with seed %d%n%n",
          topic,
          corpus.name(),
          Math.min(sample, tags.size()),
          tags.size(),
          draw.seed);
      int n = 0;
      for (TopicTags.Tag t : YearTags.draw(tags, TopicTags::key, sample, draw.seed)) {
        out.printf(Locale.ROOT, "%d. %s · %s%n   %s%n", ++n, t.paragraph(), t.reason(), t.text());
      }
      out.println();
    }
    out.flush();
    return 0;
  }

  private void printScores(PrintWriter out, List<TopicScores.Row> rows, int labelled) {
    out.printf(
        Locale.ROOT,
        "## Topics of %s against its own categories, %,d labelled articles%n%n",
        corpus.name(),
        labelled);
    out.println("| topic | labelled | tagged | P | R | F1 | categories |");
    out.println("|---|---:|---:|---:|---:|---:|---|");
    for (TopicScores.Row row : rows) {
      Score s = row.score();
      out.printf(
          Locale.ROOT,
          "| %s | %,d | %,d | %.2f | %.2f | **%.2f** | %s |%n",
          row.topic(),
          s.gold(),
          s.tagged(),
          s.precision(),
          s.recall(),
          s.f1(),
          String.join(", ", row.categories().stream().sorted().toList()));
    }
    out.println();
  }
}
