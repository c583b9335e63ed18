package dev.passage.testing;

import dev.passage.index.ArticlePipeline;
import dev.passage.index.IndexBuilder;
import dev.passage.index.IndexSource;
import dev.passage.index.IndexSummary;
import dev.passage.index.ProcessedArticle;
import dev.passage.index.Schema;
import dev.passage.ingest.Article;
import dev.passage.ingest.ArticleFolder;
import dev.passage.ingest.ArticleSink;
import dev.passage.ingest.Problem;
import dev.passage.search.LiveSearchers;
import dev.passage.search.SearchService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers the tests share: writing article files and building indexes from them. */
public final class Fixtures {

  /** The repository's bundled articles. */
  public static final Path SEED_ARTICLES = Path.of("articles");

  private Fixtures() {}

  /** Writes {@code content} to {@code dir/name}, creating folders, and returns the path. */
  public static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** An article file with front matter. */
  public static String article(String title, String date, String body) {
    StringBuilder b = new StringBuilder("---\n");
    if (title != null) {
      b.append("title: ").append(title).append('\n');
    }
    if (date != null) {
      b.append("date: ").append(date).append('\n');
    }
    return b.append("---\n").append(body).toString();
  }

  /**
   * Four short articles in {@code dir}/articles whose titles share three phrases, each in two
   * titles: "trade deficit", "oil prices" and "bank of japan", which is also an organisation they
   * name; the folder's path.
   */
  public static Path titlePhraseArticles(Path dir) throws IOException {
    Path articles = dir.resolve("articles");
    write(
        articles,
        "a.txt",
        article(
            "Trade deficit widens in 1987",
            "1987-03",
            "The trade deficit widened in 1987, the World Trade Organization said.\n"));
    write(
        articles,
        "b.txt",
        article(
            "Japan trade deficit narrows in 1987",
            "1987-04",
            "Japan's trade deficits narrowed, the World Trade Organization said.\n"));
    write(
        articles,
        "c.txt",
        article(
            "Bank of Japan says oil prices will rise",
            "1987-05",
            "The Bank of Japan said oil prices would rise.\n"));
    write(
        articles,
        "d.txt",
        article(
            "Bank of Japan: oil prices fall",
            "1987-06",
            "Oil prices fell, the Bank of Japan said.\n"));
    return articles;
  }

  /** Builds the index of {@code articles} in {@code index} with the bundled rules. */
  public static IndexSummary build(Path articles, Path index) throws IOException {
    return new IndexBuilder(new Schema(), ArticlePipeline.bundled(), "test", 2)
        .build(new IndexSource(articles, null), index, line -> {});
  }

  /** A built index open for searching; closing it closes its searchers. */
  public record SearchIndex(LiveSearchers searchers, SearchService service)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      searchers.close();
    }
  }

  /** Builds the index of {@code articles} in {@code index} and opens it for searching. */
  public static SearchIndex searchIndex(Path articles, Path index) throws IOException {
    build(articles, index);
    LiveSearchers searchers = LiveSearchers.open(index, new Schema());
    return new SearchIndex(searchers, new SearchService(new Schema(), searchers));
  }

  /** The seed articles, cleaned, split and tagged by the bundled pipeline, in file order. */
  public static List<ProcessedArticle> seedArticles() throws IOException {
    Collecting read = new Collecting();
    new ArticleFolder(SEED_ARTICLES).read(read);
    ArticlePipeline pipeline = ArticlePipeline.bundled();
    return read.articles.stream().map(pipeline::process).map(Optional::orElseThrow).toList();
  }

  /** Everything a reader produced. */
  public record Read(List<Article> articles, List<Problem> problems) {}

  /** A sink that keeps what it is given. */
  public static final class Collecting implements ArticleSink {
    public final List<Article> articles = new ArrayList<>();
    public final List<Problem> problems = new ArrayList<>();

    @Override
    public void accept(Article article) {
      articles.add(article);
    }

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }

    public Read read() {
      return new Read(List.copyOf(articles), List.copyOf(problems));
    }
  }
}
