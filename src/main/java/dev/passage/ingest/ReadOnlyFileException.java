package dev.passage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/**
 * An article's file is read-only, so Passage leaves it as it is: whoever made it so meant it not to
 * change, and renaming a new file over it would work all the same (a rename needs the folder
 * writable, not the file), as would any write by root.
 */
public final class ReadOnlyFileException extends IOException {

  private static final long serialVersionUID = 1L;

  public ReadOnlyFileException(Path file) {
    super(
        file.getFileName()
            + " is read-only, and Passage does not change it; make it writable to change its"
            + " articles");
  }

  /** Throws when {@code file} is read-only: no write permission for its owner. */
  static void check(Path file) throws IOException {
    boolean writable;
    try {
      writable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException e) {
      writable = Files.isWritable(file);
    }
    if (!writable) {
      throw new ReadOnlyFileException(file);
    }
  }
}
