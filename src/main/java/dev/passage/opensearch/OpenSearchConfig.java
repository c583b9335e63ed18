package dev.passage.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Where the cluster is and how to reach it. Secrets are read from files, never from the command
 * line, where any user of the machine could read them in the process list.
 *
 * @param hosts the nodes to send requests to, such as {@code http://h1:9200}
 * @param index the alias Passage searches; each whole build is a new index behind it
 * @param username for basic authentication, or null
 * @param passwordFile the password for {@code username}, its first line
 * @param apiKeyFile an API key (its first line), sent as {@code Authorization: ApiKey …}, or null
 * @param caFile the PEM certificate of the authority that signed the cluster's, for https, or null
 *     to trust the JVM's own authorities
 */
public record OpenSearchConfig(
    List<URI> hosts,
    String index,
    String username,
    Path passwordFile,
    Path apiKeyFile,
    Path caFile) {

  /** The alias name when none is given. */
  public static final String DEFAULT_INDEX = "passage";

  public OpenSearchConfig {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException(
          "give at least one OpenSearch node, such as http://h1:9200");
    }
    for (URI host : hosts) {
      String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || host.getHost() == null) {
        throw new IllegalArgumentException(
            "'" + host + "' is not an OpenSearch node address such as http://h1:9200");
      }
    }
    hosts = List.copyOf(hosts);
    if (!index.matches("[a-z0-9][a-z0-9_.-]{0,200}")) {
      throw new IllegalArgumentException(
          "'"
              + index
              + "' cannot name an OpenSearch index: use lower-case letters, digits, '-', '_' or"
              + " '.', not starting with one of the last three");
    }
    if (username != null && passwordFile == null) {
      throw new IllegalArgumentException("a user name needs a password file");
    }
  }

  /** The nodes, comma-separated, as a person would type them. */
  public static List<URI> hosts(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(URI::create)
        .toList();
  }

  /** The nodes as given. */
  public List<String> hostNames() {
    return hosts.stream().map(URI::toString).toList();
  }

  /** The nodes as one line, for messages. */
  public String describe() {
    return String.join(",", hosts.stream().map(URI::toString).toList()) + " (index " + index + ")";
  }

  /** A client for the cluster; closing its transport ({@code client._transport()}) frees it. */
  public OpenSearchClient client() throws IOException {
    HttpHost[] nodes =
        hosts.stream()
            .map(
                u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
            .toArray(HttpHost[]::new);
    ApacheHttpClient5TransportBuilder builder =
        ApacheHttpClient5TransportBuilder.builder(nodes).setMapper(new JacksonJsonpMapper());
    if (apiKeyFile != null) {
      builder.setDefaultHeaders(
          new Header[] {new BasicHeader("Authorization", "ApiKey " + firstLine(apiKeyFile))});
    }
    BasicCredentialsProvider credentials = null;
    if (username != null) {
      credentials = new BasicCredentialsProvider();
      char[] password = firstLine(passwordFile).toCharArray();
      for (HttpHost node : nodes) {
        credentials.setCredentials(
            new AuthScope(node), new UsernamePasswordCredentials(username, password));
      }
    }
    SSLContext tls = caFile == null ? null : trusting(caFile);
    BasicCredentialsProvider auth = credentials;
    builder.setHttpClientConfigCallback(client -> {
      // HttpClient asks for gzip by default: the nodes would compress every answer and this
      // process inflate it, CPU on both sides that a cluster on its own network does not repay.
      client.disableContentCompression();
      if (auth != null) {
        client.setDefaultCredentialsProvider(auth);
      }
      if (tls != null) {
        client.setConnectionManager(connectionsTrusting(tls));
      }
      return client;
    });
    return new OpenSearchClient(new FailoverTransport(builder.build(), nodes.length));
  }

  /**
   * The connections of a client that trusts {@code tls}, as many as the transport keeps without
   * TLS: a pool of HttpClient's own defaults held 5 per node, fewer than the searches a server runs
   * at once, so the rest waited for a connection.
   */
  static PoolingAsyncClientConnectionManager connectionsTrusting(SSLContext tls) {
    return PoolingAsyncClientConnectionManagerBuilder.create()
        .setTlsStrategy(new DefaultClientTlsStrategy(tls))
        .setMaxConnPerRoute(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
        .setMaxConnTotal(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL)
        .build();
  }

  private static String firstLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || lines.getFirst().isBlank()) {
      throw new IOException(file + " is empty; its first line must hold the secret");
    }
    return lines.getFirst().strip();
  }

  private static SSLContext trusting(Path caFile) throws IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new IOException(caFile + " holds no PEM certificate");
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot read the CA certificate in " + caFile + ": " + e.getMessage(), e);
    }
  }
}
