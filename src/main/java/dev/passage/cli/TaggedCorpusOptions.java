package dev.passage.cli;

import dev.passage.eval.TaggedCorpus;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.ProcessedArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The corpus that eval facets and eval years tag as index would, and the names to tag it with. */
final class TaggedCorpusOptions {

  @Parameters(paramLabel = "ARTICLES", description = "A folder or file of articles, as for index.")
  Path articles;

  @Option(
      names = "--entities",
      paramLabel = "FILE",
      description = "Names file merged over the built-in list, as for index.")
  Path entities;

  @Option(
      names = "--topics",
      paramLabel = "FILE",
      description =
          "Topics file used instead of the built-in one (same format), to try edits before"
              + " bundling them.")
  Path topics;

  /** Every article, read, cleaned and tagged. */
  List<ProcessedArticle> tag() throws IOException {
    return TaggedCorpus.read(
        articles,
        ArticlePipeline.create(EvalCommand.names(entities), CorpusOptions.topicRules(topics)));
  }

  /** The corpus's file or folder name, for headings. */
  String name() {
    return articles.getFileName().toString();
  }
}
