package dev.passage.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The articles of a folder (searched recursively) or of a single file: {@code .txt} and {@code .md}
 * files hold one article each, {@code .jsonl} files one article a line. Files are read in name
 * order so that builds are repeatable; hidden files and folders are ignored and other files are
 * reported. An article whose id was already seen is skipped and reported with both origins, and one
 * over the {@link ArticleLimits} is cut or skipped and reported.
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
    return list().files();
  }

  /** The files to read, in reading order, and what was found but cannot be read. */
  private record Listing(List<Path> files, List<Problem> problems) {}

  /**
   * Fails unless the articles are there, a folder or one file: a build checks before it writes
   * anything.
   *
   * @throws IOException naming the folder that is not there
   */
  public void requireExists() throws IOException {
    if (!Files.isRegularFile(root) && !Files.isDirectory(root)) {
      throw new IOException("no such folder: " + root);
    }
  }

  private Listing list() throws IOException {
    requireExists();
    if (Files.isRegularFile(root)) {
      return new Listing(List.of(root), List.of());
    }
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    // Links are not followed into folders, so a link loop cannot trap the walk; a link to a file
    // is read like the file. A folder that cannot be opened costs its own files, not the build.
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(root) || !isHidden(root.relativize(dir))
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isHidden(root.relativize(file))) {
              return FileVisitResult.CONTINUE;
            }
            if (Files.isRegularFile(file)) {
              files.add(file);
            } else {
              problems.add(Problem.skipped(describe(file), notAFile(file, attrs)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!isHidden(root.relativize(file))) {
              problems.add(Problem.skipped(describe(file), "cannot read: " + reason(e)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
              problems.add(Problem.skipped(describe(dir), "cannot read the folder: " + reason(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    // The walk goes in the file system's order; sorted, the report is the same on every build.
    problems.sort(Comparator.comparing(Problem::origin));
    return new Listing(List.copyOf(files), List.copyOf(problems));
  }

  private static String notAFile(Path file, BasicFileAttributes attrs) {
    if (!attrs.isSymbolicLink()) {
      return "not a regular file; not read";
    }
    if (Files.isDirectory(file)) {
      return "link to a folder; links to folders are not followed";
    }
    return Files.exists(file) ? "link to something that is not a file" : "broken link";
  }

  /** Why a file could not be read, without the path that most of these messages repeat. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
              sink.problem(Problem.duplicate(article, first));
              return;
            }
            Article limited = ArticleLimits.apply(article, sink);
            if (limited != null) {
              sink.accept(limited);
            }
          }

          @Override
          public void problem(Problem problem) {
            sink.problem(problem);
          }

          @Override
          public boolean file(String name, long size, long modifiedNanos) {
            return sink.file(name, size, modifiedNanos);
          }
        };
    Listing listing = list();
    listing.problems().forEach(sink::problem);
    for (Path file : listing.files()) {
      readFile(file, unique);
    }
  }

  /**
   * Reads the articles of one file of the folder into {@code sink}, as {@link #read} would, but
   * without checking ids against the other files. A file that is gone is a problem, not an
   * exception: it was removed since it was named.
   */
  public void readFile(Path file, ArticleSink sink) {
    String origin = describe(file);
    long size;
    long modified;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      size = attributes.size();
      modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      sink.problem(Problem.skipped(origin, "cannot read: " + reason(e)));
      return;
    }
    if (!sink.file(origin, size, modified)) {
      return;
    }
    ArticleReader reader = READERS.get(extension(file));
    if (reader == null) {
      sink.problem(
          Problem.skipped(origin, "not an article file; Passage reads .txt, .md and .jsonl"));
      return;
    }
    try {
      reader.read(file, origin, sink);
    } catch (IOException e) {
      sink.problem(Problem.skipped(origin, "cannot read: " + reason(e)));
    }
  }

  /** Whether {@code file} is one the folder reads articles from, by its name. */
  public boolean isArticleFile(Path file) {
    Path base = Files.isRegularFile(root) ? root.getParent() : root;
    Path relative = base == null ? file : base.relativize(file);
    return READERS.containsKey(extension(file)) && !isHidden(relative);
  }

  /** The file a name given by {@link ArticleSink#file} stands for. */
  public Path resolve(String name) {
    if (Files.isRegularFile(root)) {
      return root;
    }
    return root.resolve(name);
  }

  /** How messages and the index name {@code file}: relative to the folder. */
  public String describe(Path file) {
    Path base = Files.isRegularFile(root) ? root.getParent() : root;
    Path relative = base == null ? file : base.relativize(file);
    return relative.toString().isEmpty() ? file.toString() : relative.toString();
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
