package dev.passage.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Why an index folder holds no index that can be served, in words for the user: none yet, a build
 * that did not finish, a damaged file, another program's index. An index that cannot be opened is
 * never served: it is rebuilt.
 */
public final class IndexFreshness {

  /** Where Lucene names the file it could not read, in a {@link CorruptIndexException}. */
  private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");

  private IndexFreshness() {}

  /**
   * Why the complete Passage index in {@code indexDir} cannot be served; empty when every file its
   * last commit names is there. Opening the whole index here would cost a second open at every
   * start; damage inside a file shows when the server opens it, and {@link #damaged} says why.
   */
  static Optional<String> damage(Path indexDir) throws IOException {
    try (Directory directory = FSDirectory.open(indexDir)) {
      return missingFile(directory)
          .map(missing -> "the index in " + indexDir + " is damaged (" + missing + " is missing)");
    }
  }

  /**
   * Whether {@code indexDir} holds a Lucene commit; where {@link IndexInfo#read} found no Passage
   * index, that commit is another program's.
   */
  static boolean hasCommit(Path indexDir) throws IOException {
    return names(indexDir).stream().anyMatch(f -> f.startsWith(IndexFileNames.SEGMENTS + "_"));
  }

  /**
   * The first file the last commit in {@code directory} names that is not there; empty when all
   * are.
   *
   * @throws IOException when the commit itself cannot be read
   */
  static Optional<String> missingFile(Directory directory) throws IOException {
    Set<String> present = Set.of(directory.listAll());
    return SegmentInfos.readLatestCommit(directory).files(true).stream()
        .filter(file -> !present.contains(file))
        .findFirst();
  }

  private static List<String> names(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(indexDir)) {
      return list.map(f -> f.getFileName().toString()).toList();
    }
  }

  /** Why there is no complete index: none was ever built, or the last build did not finish. */
  public static String missing(Path indexDir) throws IOException {
    if (hasCommit(indexDir)) {
      return "the index in " + indexDir + " was not built by Passage";
    }
    List<String> files = names(indexDir);
    // A build writes its segments' files long before its one commit; a build that was rolled
    // back (nothing usable found) deleted them again, and left at most its lock.
    if (files.stream()
        .anyMatch(f -> f.startsWith("_") || f.startsWith(IndexFileNames.PENDING_SEGMENTS))) {
      return "the last build did not finish (no complete index in " + indexDir + ")";
    }
    return "there is no index in " + indexDir + " yet";
  }

  /**
   * Why the index cannot be opened, when {@code e} says it is damaged or in a format this Lucene
   * cannot read; otherwise {@code e} is rethrown (a folder that cannot be read is not fixed by
   * writing into it).
   */
  public static String damaged(Path indexDir, IOException e) throws IOException {
    if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
      return "the index in " + indexDir + " is in a format this version of Passage cannot read";
    }
    // Lucene wraps a missing file in its own exceptions ("Problem reading index.").
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoSuchFileException missing) {
        return "the index in "
            + indexDir
            + " is damaged ("
            + Path.of(missing.getFile()).getFileName()
            + " is missing)";
      }
    }
    if (e instanceof CorruptIndexException corrupt) {
      Matcher path = RESOURCE_PATH.matcher(String.valueOf(corrupt.getResourceDescription()));
      String file = path.find() ? Path.of(path.group(1)).getFileName() + ": " : "";
      return "the index in "
          + indexDir
          + " is damaged ("
          + file
          + corrupt.getOriginalMessage()
          + ")";
    }
    if (e instanceof EOFException) {
      return "the index in " + indexDir + " is damaged (" + e.getMessage() + ")";
    }
    throw e;
  }
}
