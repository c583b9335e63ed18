package dev.passage.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A cluster node as a secured cluster shows it: HTTPS with a certificate signed by a test authority
 * of its own, and every request refused with a challenge unless it carries the expected {@code
 * Authorization} header, as OpenSearch's security plugin does. What passes is forwarded to a node
 * of the test cluster; the integ-test distribution has no security plugin of its own.
 */
public final class SecuredProxy implements AutoCloseable {

  private static final String STORE_PASSWORD = "changeit";

  private final HttpsServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final HttpClient http = HttpClient.newHttpClient();
  private final String target;
  private final String authorization;
  private final Path caFile;
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final List<String> forwarded = new CopyOnWriteArrayList<>();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();

  /**
   * A forwarded request ("METHOD path", as {@link #forwarded()} lists it) and its answer's body.
   */
  public record Answer(String request, String body) {}

  private SecuredProxy(String target, String authorization, Path dir)
      throws IOException, GeneralSecurityException, InterruptedException {
    this.target = target;
    this.authorization = authorization;
    this.caFile = dir.resolve("ca.pem");
    Path serverStore = dir.resolve("server.p12");
    if (!Files.exists(serverStore)) {
      certificates(dir);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverStore)) {
      keys.load(in, STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, STORE_PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * A proxy in front of {@code target} that lets through only requests whose {@code Authorization}
   * header is {@code authorization}; its certificates are written to {@code dir}, or read from it
   * when an earlier proxy wrote them there.
   */
  public static SecuredProxy start(String target, String authorization, Path dir) throws Exception {
    return new SecuredProxy(target, authorization, dir);
  }

  /** Where clients reach it. */
  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The PEM certificate of the authority that signed the proxy's. */
  public Path caFile() {
    return caFile;
  }

  /** The Authorization headers of the requests refused so far ("" for none). */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** "METHOD path" of each request forwarded so far. */
  public List<String> forwarded() {
    return List.copyOf(forwarded);
  }

  /** The answers to forwarded requests, each with its request, in the order they came back. */
  public List<Answer> answers() {
    return List.copyOf(answers);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String given = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!authorization.equals(given)) {
        refused.add(given == null ? "" : given);
        exchange
            .getResponseHeaders()
            .add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
        byte[] refusal =
            exchange.getRequestMethod().equals("HEAD")
                ? new byte[0]
                : "Unauthorized".getBytes(StandardCharsets.UTF_8);
        respond(exchange, 401, "text/plain", refusal);
        return;
      }
      String method = exchange.getRequestMethod();
      String forwardedAs = method + " " + exchange.getRequestURI();
      forwarded.add(forwardedAs);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        request.header("Content-Type", type);
      }
      HttpResponse<byte[]> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      answers.add(new Answer(forwardedAs, new String(answer.body(), StandardCharsets.UTF_8)));
      respond(
          exchange,
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse("application/json"),
          method.equals("HEAD") ? new byte[0] : answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * A test authority and a certificate for 127.0.0.1 signed by it, made with the JDK's keytool: the
   * authority's PEM in ca.pem, the server's key store in server.p12.
   */
  private static void certificates(Path dir) throws IOException, InterruptedException {
    Path ca = dir.resolve("ca.p12");
    Path server = dir.resolve("server.p12");
    Path request = dir.resolve("server.csr");
    Path signed = dir.resolve("server.pem");
    Path caPem = dir.resolve("ca.pem");
    keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Passage test CA")
        .keystore(ca)
        .extra("-ext", "bc:c", "-validity", "2")
        .run();
    keytool(dir, "-exportcert", "-alias", "ca", "-rfc", "-file", caPem.toString())
        .keystore(ca)
        .run();
    keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1")
        .keystore(server)
        .extra("-validity", "2")
        .run();
    keytool(dir, "-certreq", "-alias", "server", "-file", request.toString())
        .keystore(server)
        .run();
    keytool(
            dir,
            "-gencert",
            "-alias",
            "ca",
            "-rfc",
            "-infile",
            request.toString(),
            "-outfile",
            signed.toString())
        .keystore(ca)
        .extra("-ext", "san=ip:127.0.0.1", "-validity", "2")
        .run();
    keytool(dir, "-importcert", "-alias", "ca", "-noprompt", "-file", caPem.toString())
        .keystore(server)
        .run();
    keytool(dir, "-importcert", "-alias", "server", "-file", signed.toString())
        .keystore(server)
        .run();
  }

  private static Keytool keytool(Path dir, String... args) {
    return new Keytool(dir, new ArrayList<>(List.of(args)));
  }

  /** One keytool command, run in {@code dir}. */
  private record Keytool(Path dir, List<String> args) {
    Keytool keystore(Path store) {
      args.addAll(
          List.of(
              "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
      return this;
    }

    Keytool extra(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    void run() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      command.addAll(args);
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IOException("keytool " + args + " failed: " + output);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    http.close();
  }
}
