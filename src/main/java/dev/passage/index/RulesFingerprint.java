package dev.passage.index;

import dev.passage.ingest.FurnitureRules;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.NameLexicon;
import dev.passage.tagging.NameRules;
import dev.passage.tagging.TopicRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of everything besides the articles that shapes the index: the schema version and the
 * rule files. When it changes, an index built before is out of date even if no article changed.
 */
public final class RulesFingerprint {

  private static final List<String> RESOURCES =
      List.of(
          FurnitureRules.RESOURCE,
          EntityList.RESOURCE,
          NameRules.RESOURCE,
          NameLexicon.GIVEN_NAMES,
          NameLexicon.FAMILY_NAMES_FIRST,
          TopicRules.RESOURCE);

  private RulesFingerprint() {}

  /** How a fingerprint is taken for a names file (tests give a fixed one). */
  @FunctionalInterface
  public interface Of {
    String of(Path extraEntities) throws IOException;
  }

  /** The fingerprint of the bundled rules plus the user's names file, if any. */
  public static String of(Path extraEntities) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    digest.update(Schema.VERSION.getBytes(StandardCharsets.UTF_8));
    for (String resource : RESOURCES) {
      try (InputStream in = RulesFingerprint.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        digest.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (extraEntities != null) {
      digest.update(Files.readAllBytes(extraEntities));
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 12);
  }
}
