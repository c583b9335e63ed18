// A stopgap for `passage bench export`, which stops with a NullPointerException at the first
// article that is nothing but page furniture: ArticlePipeline.process returns null for it, and
// BenchCommand.Export hands that null to BulkExport.write. Reuters-21578 has such articles.
// This does what the command does, with Passage's own classes from the jar, and skips those
// articles as `passage index` does, so OpenSearch gets exactly the paragraphs Passage indexes:
//
//   java -cp target/passage.jar bench/BulkExportStopgap.java CORPUS OUT_FILE [INDEX_NAME]
//
// It prints "N paragraphs", as the command does. Once BenchCommand.Export skips a null article,
// bench/run goes back to `passage bench export` and this file goes.

import dev.passage.bench.BulkExport;
import dev.passage.index.ArticlePipeline;
import dev.passage.index.ProcessedArticle;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.ArticleSink;
import dev.passage.ingest.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

class BulkExportStopgap {

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: BulkExportStopgap CORPUS OUT_FILE [INDEX_NAME]");
      System.exit(2);
    }
    ArticlePipeline pipeline = ArticlePipeline.bundled();
    Path out = Path.of(args[1]);
    try (Writer writer =
        new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      BulkExport export = new BulkExport(writer, args.length > 2 ? args[2] : "passage");
      new ArticleFolder(Path.of(args[0]))
          .read(
              new ArticleSink() {
                @Override
                public void accept(Article article) {
                  ProcessedArticle processed = pipeline.process(article);
                  if (processed == null) {
                    return; // nothing but furniture: passage index skips it too
                  }
                  try {
                    export.write(processed);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }

                @Override
                public void problem(Problem problem) {}
              });
      System.out.printf(Locale.ROOT, "%d paragraphs%n", export.paragraphs());
    }
  }
}
