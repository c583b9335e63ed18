package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.CliRun;
import dev.passage.testing.Fixtures;
import dev.passage.testing.OpenSearchCluster;
import dev.passage.testing.SecuredProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that speaks TLS with its own authority and wants a password or an API key, as a
 * newsroom's would: the command line builds and searches it with the CA file and the secret, and
 * says what is wrong when either is missing or wrong. The cluster is the test cluster behind {@link
 * SecuredProxy}, since the integ-test distribution has no security plugin.
 */
class SecuredClusterTest {

  @TempDir Path dir;

  /** The proxies' certificates, made once for the class: keytool takes a few seconds. */
  @TempDir static Path certificates;

  private static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("passage:s3cret".getBytes(StandardCharsets.UTF_8));

  @Test
  void aClusterBehindTlsAndAPasswordIsBuiltAndSearchedWithTheCaFileAndThePasswordFile()
      throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "s3cret\n");
    try (SecuredProxy proxy = SecuredProxy.start(node(), BASIC, certificates)) {
      List<String> secured = passwordOptions(password, proxy.caFile());

      assertThat(indexAndSearch(proxy, secured))
          .startsWith("2 paragraphs match “CICA chairmanship”");

      // The password goes with every request, none waits for the cluster's challenge.
      assertThat(proxy.forwarded()).anyMatch(r -> r.startsWith("POST /_bulk"));
      assertThat(proxy.refused()).isEmpty();
    }
  }

  @Test
  void anApiKeyFromItsFileGoesWithEveryRequest() throws Exception {
    Path key = Files.writeString(dir.resolve("api-key"), "a2V5OnNlY3JldA==\n");
    try (SecuredProxy proxy = SecuredProxy.start(node(), "ApiKey a2V5OnNlY3JldA==", certificates)) {
      List<String> secured =
          List.of(
              "--opensearch-api-key-file",
              key.toString(),
              "--opensearch-ca-file",
              proxy.caFile().toString());

      assertThat(indexAndSearch(proxy, secured))
          .startsWith("2 paragraphs match “CICA chairmanship”");
      assertThat(proxy.refused()).isEmpty();
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAReasonNamingTheCluster() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "wrong\n");
    try (SecuredProxy proxy = SecuredProxy.start(node(), BASIC, certificates)) {
      CliRun search = run(proxy, passwordOptions(password, proxy.caFile()), "search", "CICA");

      assertThat(search.code()).isEqualTo(2);
      assertThat(search.err())
          .startsWith("passage: the OpenSearch cluster at " + proxy.url())
          .contains("cannot answer: Unauthorized");
    }
  }

  @Test
  void aCertificateFromAnUnknownAuthorityIsRefusedWithAReason() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "s3cret\n");
    try (SecuredProxy proxy = SecuredProxy.start(node(), BASIC, certificates)) {
      CliRun search = run(proxy, passwordOptions(password, null), "search", "CICA");

      assertThat(search.code()).isEqualTo(2);
      assertThat(search.err())
          .startsWith("passage: the OpenSearch cluster at " + proxy.url())
          .containsIgnoringCase("certificat");
      assertThat(proxy.forwarded()).isEmpty();
    }
  }

  private static String node() {
    return OpenSearchCluster.shared().urls().getFirst();
  }

  /** The options of the user "passage" with the password in {@code file}, and a CA file if any. */
  private static List<String> passwordOptions(Path file, Path caFile) {
    List<String> options =
        new ArrayList<>(
            List.of("--opensearch-user", "passage", "--opensearch-password-file", file.toString()));
    if (caFile != null) {
      options.addAll(List.of("--opensearch-ca-file", caFile.toString()));
    }
    return options;
  }

  private static CliRun run(
      SecuredProxy proxy, List<String> secured, String command, String... more) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(
        List.of("--engine", "opensearch", "--opensearch", proxy.url(), "--opensearch-index=tls"));
    args.addAll(secured);
    args.addAll(List.of(more));
    return CliRun.of(args);
  }

  /** Builds the seed articles' index through the proxy and searches it; the search's output. */
  private static String indexAndSearch(SecuredProxy proxy, List<String> secured) {
    CliRun built =
        run(proxy, secured, "index", "--articles", Fixtures.SEED_ARTICLES.toString(), "--rebuild");
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out()).contains("Indexed 5 articles");
    return run(proxy, secured, "search", "CICA chairmanship").out();
  }
}
