package dev.passage.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The articles of a folder (searched recursively) or of a single file: {@code .txt} and {@code .md}
 * files hold one article each, {@code .jsonl} files one article a line. Files are read in name
 * order so that builds are repeatable; hidden files are ignored and other files are reported. An
 * article whose id was already seen is skipped and reported with both origins.
 */
public final class ArticleFolder {

  private static final Map<String, ArticleReader> READERS =
      Map.of(
          "txt", new FrontMatterArticleReader(),
          "md", new FrontMatterArticleReader(),
          "jsonl", new JsonlArticleReader());

  private final Path root;

  public ArticleFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The files that would be read, in reading order. */
  public List<Path> files() throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      throw new IOException("no such folder: " + root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHidden(root.relativize(p)))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Reads every article, in order, into {@code sink}. Unreadable files and bad articles become
   * problems; only a missing folder is an exception.
   */
  public void read(ArticleSink sink) throws IOException {
    Map<String, String> seen = new HashMap<>();
    ArticleSink unique =
        new ArticleSink() {
          @Override
          public void accept(Article article) {
            String first = seen.putIfAbsent(article.id(), article.origin());
            if (first != null) {
              sink.problem(
                  Problem.skipped(
                      article.origin(),
                      "duplicate article id '" + article.id() + "', first read from " + first));
            } else {
              sink.accept(article);
            }
          }

          @Override
          public void problem(Problem problem) {
            sink.problem(problem);
          }
        };
    for (Path file : files()) {
      String origin = describe(file);
      ArticleReader reader = READERS.get(extension(file));
      if (reader == null) {
        sink.problem(
            Problem.skipped(origin, "not an article file; Passage reads .txt, .md and .jsonl"));
        continue;
      }
      try {
        reader.read(file, origin, unique);
      } catch (IOException e) {
        sink.problem(Problem.skipped(origin, "cannot read: " + e.getMessage()));
      }
    }
  }

  /** A fingerprint of the files' names, sizes and modification times, to tell a stale index. */
  public String fingerprint() throws IOException {
    MessageDigest digest = sha256();
    List<Path> files = files();
    for (Path file : files) {
      String entry =
          describe(file)
              + "|"
              + Files.size(file)
              + "|"
              + Files.getLastModifiedTime(file).toMillis();
      digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return files.size() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private String describe(Path file) {
    Path base = Files.isRegularFile(root) ? root.getParent() : root;
    Path relative = base == null ? file : base.relativize(file);
    return relative.toString();
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
