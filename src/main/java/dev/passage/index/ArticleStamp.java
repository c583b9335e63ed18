package dev.passage.index;

import dev.passage.ingest.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where an indexed article came from and a digest of what it said, kept on its first paragraph's
 * document: an update compares the folder with the index article by article, and re-indexes only
 * those whose stamp changed. The file is part of the digest, so an article moved to another file is
 * re-indexed there too.
 *
 * <p>The file's size and modification time when it was read let an update leave a file unread whose
 * size and time are as they were: its articles cannot have changed.
 *
 * @param file the file it was read from, relative to the articles folder
 * @param hash a digest of the file name and every field the reader gave
 * @param size the file's size when it was read
 * @param modifiedNanos the file's modification time when it was read
 */
public record ArticleStamp(String file, String hash, long size, long modifiedNanos) {

  /** Whether {@code other} stamps the same article read from the same file. */
  public boolean sameArticle(ArticleStamp other) {
    return other != null && file.equals(other.file) && hash.equals(other.hash);
  }

  /** Whether the file, as it is now, is the one this stamp was taken from. */
  boolean sameFile(long size, long modifiedNanos) {
    return this.size == size && this.modifiedNanos == modifiedNanos;
  }

  /** The stamp of {@code article}, read from {@code file} of that size and time. */
  public static ArticleStamp of(Article article, String file, long size, long modifiedNanos) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    // Each field is ended by a NUL, which no field holds, and an absent one is a lone 0x01, so no
    // two articles share a digest by moving text between fields or by a field saying "null".
    for (String field :
        new String[] {
          file,
          article.id(),
          article.title(),
          Objects.toString(article.date(), null),
          article.source(),
          article.author(),
          article.text()
        }) {
      if (field == null) {
        digest.update((byte) 1);
      } else {
        digest.update(field.getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
    }
    return new ArticleStamp(
        file, HexFormat.of().formatHex(digest.digest(), 0, 16), size, modifiedNanos);
  }
}
