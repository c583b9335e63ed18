package dev.passage.index;

import dev.passage.ingest.FurnitureRules;
import dev.passage.tagging.EntityList;
import dev.passage.tagging.NameLexicon;
import dev.passage.tagging.NameRules;
import dev.passage.tagging.TopicRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of everything besides the articles that shapes the index: the schema version, the rule
 * files and the compiled tagging code. When it changes, an index built before is out of date even
 * if no article changed.
 */
public final class RulesFingerprint {

  /** Where the tagging code's classes are, inside the jar or the classes folder. */
  private static final String TAGGING_CLASSES =
      EntityList.class.getPackageName().replace('.', '/') + "/";

  private static final List<String> RESOURCES =
      List.of(
          FurnitureRules.RESOURCE,
          EntityList.RESOURCE,
          NameRules.RESOURCE,
          NameLexicon.GIVEN_NAMES,
          NameLexicon.FAMILY_NAMES_FIRST,
          TopicRules.RESOURCE);

  private RulesFingerprint() {}

  /**
   * Starts digesting the tagging code on another core, so that a command that needs the fingerprint
   * soon after starting (serve, before its first answer) does not wait for the walk of the jar.
   */
  public static void prepareMeanwhile() {
    Thread.ofPlatform()
        .name("passage-fingerprint")
        .daemon()
        .start(RulesFingerprint::taggingCodeDigest);
  }

  private static byte[] taggingCodeDigest() {
    return TaggingCode.DIGEST;
  }

  /** How a fingerprint is taken for a source's names and topics files (tests give a fixed one). */
  @FunctionalInterface
  public interface Of {
    String of(IndexSource source) throws IOException;
  }

  /** The fingerprint of {@code source}'s: the bundled rules, and its names and topics files. */
  public static String of(IndexSource source) throws IOException {
    return of(source.names(), source.topics());
  }

  /** The fingerprint of the bundled rules plus the user's names and topics files, if any. */
  public static String of(Path extraEntities, Path topics) throws IOException {
    MessageDigest digest = sha256();
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
    digest.update(taggingCodeDigest());
    if (extraEntities != null) {
      digest.update(Files.readAllBytes(extraEntities));
    }
    if (topics != null) {
      // Apart from the names file's bytes: the same rules in either file tag differently.
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(topics));
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 12);
  }

  /**
   * The tagging code's classes, digested once per process: a new Passage that finds names, years or
   * topics differently tags differently, as an edited rule file does, so an index tagged by the old
   * one is out of date too. Any change to those classes counts, a refactoring's included.
   */
  private static final class TaggingCode {
    static final byte[] DIGEST = taggingCode(ownLocation());

    private static Path ownLocation() {
      CodeSource source = RulesFingerprint.class.getProtectionDomain().getCodeSource();
      try {
        return source == null ? null : Path.of(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return null;
      }
    }
  }

  /**
   * A digest of the tagging classes at {@code location}, a jar or a classes folder: each class's
   * name, size and CRC-32, which a jar's directory holds, so no class is read or inflated on the
   * way to serve's first answer. The same classes give the same digest from either, so an index
   * built by the jar is current for the tests' classes and the other way round. Nothing when
   * Passage cannot tell where its classes are, or cannot read them.
   */
  static byte[] taggingCode(Path location) {
    MessageDigest digest = sha256();
    if (location == null) {
      return digest.digest();
    }
    try {
      if (Files.isDirectory(location)) {
        Path classes = location.resolve(TAGGING_CLASSES);
        if (Files.isDirectory(classes)) {
          try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
              byte[] bytes = Files.readAllBytes(file);
              CRC32 crc = new CRC32();
              crc.update(bytes);
              update(digest, location.relativize(file).toString(), bytes.length, crc.getValue());
            }
          }
        }
      } else {
        // A plain loop over the jar's directory: streams and lambdas cost a cold JVM more than
        // the walk itself, and this runs before serve's first answer.
        TreeMap<String, ZipEntry> classes = new TreeMap<>();
        try (ZipFile jar = new ZipFile(location.toFile())) {
          Enumeration<? extends ZipEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.startsWith(TAGGING_CLASSES) && name.endsWith(".class")) {
              classes.put(name, entry);
            }
          }
        }
        for (ZipEntry entry : classes.values()) {
          update(digest, entry.getName(), entry.getSize(), entry.getCrc());
        }
      }
    } catch (IOException e) {
      // The process runs from these classes, so this does not happen; were it to, the digest
      // would miss a change of tagging code rather than stop every command.
      return sha256().digest();
    }
    return digest.digest();
  }

  private static void update(MessageDigest digest, String name, long size, long crc) {
    digest.update((name + " " + size + " " + crc + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
