package dev.passage.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Writes and deletes files so that a crash at any moment leaves the old file or the new one, never
 * a part: the content goes to a hidden temporary file beside the target, is forced to disk, and is
 * renamed over the target; the folder is then forced too, so the rename itself survives.
 */
public final class AtomicFiles {

  /** Temporary files end so; they are hidden, so a folder read never takes one for an article. */
  static final String TEMPORARY = ".passage-tmp";

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content}, or creates it. */
  public static void write(Path target, byte[] content) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + TEMPORARY);
    try (FileChannel out =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
      keepPermissions(target, temporary);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(
        temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder(target.toAbsolutePath().getParent());
  }

  /** The new file takes the permissions of the one it replaces, which are the user's. */
  private static void keepPermissions(Path target, Path temporary) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its files have no such permissions to keep.
    }
  }

  /** Deletes {@code target}, if it is there, and forces the deletion to disk. */
  public static void delete(Path target) throws IOException {
    if (Files.deleteIfExists(target)) {
      forceFolder(target.toAbsolutePath().getParent());
    }
  }

  /** Deletes the temporary files a killed write left directly in {@code folder}. */
  public static void sweep(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(TEMPORARY)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void forceFolder(Path folder) throws IOException {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
