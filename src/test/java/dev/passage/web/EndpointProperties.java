package dev.passage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.passage.testing.Fixtures;
import dev.passage.testing.QueryArbitraries;
import dev.passage.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever address a client sends, written byte for byte on a socket to a server over the seed
 * articles, the answer is never a server error, every refusal is JSON with an {@code error} that
 * says what is wrong (but a page address that does not exist, which gets a page a reader can
 * follow), and no answer shows a stack trace, a class or a path of the server's files. Addresses:
 * random and broken percent-escapes, bytes that are not UTF-8, NUL, repeated and unknown
 * parameters, values up to 100,000 characters, article ids that climb out with {@code ../} in every
 * spelling.
 */
class EndpointProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final List<String> PARAMETER_NAMES =
      List.of(
          "q",
          "year",
          "person",
          "organisation",
          "topic",
          "page",
          "size",
          "sort",
          "facetSize",
          "explain",
          "Q",
          "q%20",
          "%71",
          "yaer",
          "size[]",
          "__proto__",
          "",
          "=",
          "q=",
          "%00");

  private static final List<String> VALUES =
      List.of(
          "",
          "1",
          "0",
          "-1",
          "101",
          "10000",
          "99999999999999999999",
          "2013",
          "2024",
          "13",
          "relevance",
          "newest",
          "OLDEST",
          "%20",
          "+",
          "%2B",
          "Wang+Yi",
          "Xi%20Jinping",
          "CICA+chairmanship",
          "CICA+AND+(",
          "%2F(%2F",
          "%2Fa%7B1000%7D%7B1000%7D%2F",
          "*",
          "*:*",
          "title%3Acica",
          "foo%3Abar",
          "%22open",
          "china~",
          "chin*",
          "true",
          "false");

  private static final List<String> BROKEN_ESCAPES =
      List.of(
          "%",
          "%2",
          "%ZZ",
          "%%",
          "%C3%28",
          "%ED%A0%80",
          "%00",
          "%C0%AF",
          "%F4%90%80%80",
          "%E2%82",
          "a%",
          "%g0",
          "%%30%30",
          "%u002e",
          "%FF%FE");

  private static final List<String> RESERVED =
      List.of(
          "[", "]", "{", "}", "|", "\\", "^", "`", "<", ">", "\"", "'", "/", "?", "#", "@", ":",
          ";", ",", "$", "!", "&", "=", "*", "(", ")");

  private static final List<String> ARTICLE_IDS =
      List.of(
          "000_c3b115836f1d2521",
          "004_fd3b26c682193b6e",
          "../../etc/passwd",
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "%2E%2E",
          "..",
          ".",
          "%00",
          "a%00b",
          "%2F",
          "%5C..%5C..%5Cwindows",
          "....%2F%2F",
          "%252e%252e%252f",
          "%C0%AE%C0%AE%2F",
          "..;",
          ";..",
          "%2e%2e;",
          "%FF",
          "~root",
          "000_c3b115836f1d2521%00",
          "000_c3b115836f1d2521%2F..",
          "%2e%2e%5c%2e%2e%5c",
          "..%00/",
          "%0d%0aSet-Cookie:%20x=1");

  private static final List<String> PATH_SEGMENTS =
      List.of(
          "api",
          "search",
          "articles",
          "health",
          "..",
          ".",
          "%2e%2e",
          "%2E",
          "",
          "embed.js",
          "embed",
          "passage-search.js",
          "index.html",
          "article.html",
          "web",
          "WEB-INF",
          "META-INF",
          "%00",
          "passage",
          "etc",
          "passwd",
          "%2f",
          "%5c",
          "\\",
          ";",
          "..;",
          "%252e",
          "favicon.ico",
          "embed-demo.html",
          "page.css",
          "passage.css",
          "%C0%AE",
          "~",
          "*");

  private static Path dir;
  private static TestServer server;
  private static int port;

  /** What an answer must never show: the server's own paths, beside stack traces and classes. */
  private static List<String> leaks;

  @BeforeContainer
  static void serveTheSeeds() throws IOException {
    dir = Files.createTempDirectory("passage-endpoint-properties");
    server =
        TestServer.build(
            Fixtures.SEED_ARTICLES, dir.resolve("index"), PassageServer.Options.defaults());
    port = URI.create(server.base()).getPort();
    leaks =
        List.of(
            "Exception",
            "at dev.passage",
            "java.",
            dir.toAbsolutePath().toString(),
            Path.of("").toAbsolutePath().toString(),
            System.getProperty("java.home"),
            System.getProperty("user.home") + "/");
  }

  @AfterContainer
  static void stop() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Property(tries = 500, seed = QueryArbitraries.SEED)
  void anyApiAddressIsAnsweredWithoutAServerErrorOrALeak(@ForAll("apiTargets") String target)
      throws IOException {
    check(target.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 300, seed = QueryArbitraries.SEED)
  void anyQueryIsAnsweredWithoutAServerErrorOrALeak(@ForAll("queries") String q)
      throws IOException {
    String target = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    check(target.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 300, seed = QueryArbitraries.SEED)
  void anyPathIsAnsweredWithoutAServerErrorOrALeak(@ForAll("paths") String target)
      throws IOException {
    check(target.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 200, seed = QueryArbitraries.SEED)
  void rawBytesInTheAddressAreAnsweredWithoutAServerErrorOrALeak(
      @ForAll("rawTargets") byte[] target) throws IOException {
    check(target);
  }

  private static void check(byte[] target) throws IOException {
    Answer answer = get(target);
    String shown = new String(target, StandardCharsets.ISO_8859_1);
    shown = shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
    String why = "GET " + shown + "\n→ " + answer.status() + " " + answer.body();
    Statistics.collect(answer.status());
    assertThat(answer.status()).as(why).isBetween(200, 499);
    String type = answer.headers().get("content-type");
    if (answer.status() == 404 && type != null && type.startsWith("text/html")) {
      assertThat(answer.body())
          .as(why)
          .containsAnyOf("There is no such page", "<passage-article></passage-article>");
    } else if (answer.status() >= 400) {
      assertThat(type).as(why).startsWith("application/json");
      JsonNode error = JSON.readTree(answer.body()).get("error");
      assertThat(error).as(why).isNotNull();
      assertThat(error.isString()).as(why).isTrue();
      assertThat(error.asString()).as(why).isNotBlank();
    }
    for (String leak : leaks) {
      assertThat(answer.body()).as(why).doesNotContain(leak);
    }
  }

  /** An answer as read off the wire. */
  private record Answer(int status, Map<String, String> headers, String body) {}

  /** {@code GET target HTTP/1.1}, the target's bytes sent as they are. */
  private static Answer get(byte[] target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      IOException writing = null;
      try {
        OutputStream out = socket.getOutputStream();
        out.write("GET ".getBytes(StandardCharsets.US_ASCII));
        out.write(target);
        out.write(
            " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before a 100 KB address is all sent.
        writing = e;
      }
      byte[] bytes;
      IOException reading = null;
      try {
        bytes = socket.getInputStream().readAllBytes();
      } catch (IOException e) {
        bytes = new byte[0];
        reading = e;
      }
      if (bytes.length == 0) {
        // What the socket said (a reset, a time-out) tells a server that closed early from a
        // stalled one.
        fail(
            "no answer to GET "
                + new String(target, 0, Math.min(200, target.length), StandardCharsets.ISO_8859_1)
                + (writing == null ? "" : " (writing: " + writing + ")")
                + (reading == null ? "" : " (reading: " + reading + ")"));
      }
      return parse(bytes);
    }
  }

  private static Answer parse(byte[] bytes) throws IOException {
    String head = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = head.indexOf("\r\n\r\n");
    assertThat(end).as(head).isPositive();
    String[] lines = head.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int semicolon = size.indexOf(";");
      String hex = semicolon < 0 ? size.toString() : size.substring(0, semicolon);
      int n = Integer.parseInt(hex.strip(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      in.readNBytes(2); // CRLF
    }
  }

  @Provide
  Arbitrary<String> apiTargets() {
    Arbitrary<String> search = queryString().map(q -> "/api/search" + q);
    Arbitrary<String> article =
        Combinators.combine(
                articleId(),
                Arbitraries.frequencyOf(
                    List.of(
                        Tuple.of(
                            3,
                            Arbitraries.of(
                                "",
                                "?explain",
                                "?explain=true",
                                "?explain=0",
                                "?explain=maybe",
                                "?explain=%FF",
                                "?verbose=1",
                                "?explain=1&explain=0",
                                "?",
                                "?&")),
                        Tuple.of(1, queryString()))))
            .as((id, query) -> "/api/articles/" + id + query);
    Arbitrary<String> health = queryString().map(q -> "/api/health" + q);
    return Arbitraries.frequencyOf(
        List.of(Tuple.of(6, search), Tuple.of(4, article), Tuple.of(1, health)));
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.oneOf(List.of(QueryArbitraries.querySyntax(), QueryArbitraries.anyText()));
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(4, Arbitraries.of(PATH_SEGMENTS)),
                Tuple.of(1, percentEncodedBytes(1, 20)),
                Tuple.of(1, encoded(Arbitraries.strings().all().ofMaxLength(20)))));
    Arbitrary<String> separator = Arbitraries.of("/", "/", "/", "//", "\\", "/./", "%2F");
    Arbitrary<String> path =
        Combinators.combine(segment, separator)
            .as((s, sep) -> sep + s)
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(parts -> String.join("", parts))
            .map(p -> p.startsWith("/") ? p : "/" + p);
    return Combinators.combine(
            path, Arbitraries.oneOf(List.of(Arbitraries.just(""), queryString())))
        .as(String::concat);
  }

  @Provide
  Arbitrary<byte[]> rawTargets() {
    Arbitrary<byte[]> prefix =
        Arbitraries.of("/api/search?q=", "/api/articles/", "/articles/", "/", "/api/health?")
            .map(p -> p.getBytes(StandardCharsets.US_ASCII));
    // Every byte but the space, CR and LF, which end the address rather than belong to it.
    Arbitrary<List<Byte>> bytes =
        Arbitraries.bytes()
            .filter(b -> b != ' ' && b != '\r' && b != '\n')
            .list()
            .ofMinSize(1)
            .ofMaxSize(60);
    return Combinators.combine(prefix, bytes)
        .as((p, b) -> {
          byte[] target = java.util.Arrays.copyOf(p, p.length + b.size());
          for (int i = 0; i < b.size(); i++) {
            target[p.length + i] = b.get(i);
          }
          return target;
        });
  }

  /**
   * {@code ""}, {@code "?"} or {@code "?a=b&c…"}: known and unknown names, repeated, any values.
   */
  private Arbitrary<String> queryString() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(6, Arbitraries.of(PARAMETER_NAMES)),
                Tuple.of(1, percentEncodedBytes(1, 20))));
    Arbitrary<String> pair =
        Combinators.combine(name, Arbitraries.of("=", "=", "=", ""), value())
            .as((n, equals, v) -> equals.isEmpty() ? n : n + equals + v);
    Arbitrary<String> separator = Arbitraries.of("&", "&", "&", "&&", ";");
    return Combinators.combine(pair, separator)
        .as((p, sep) -> p + sep)
        .list()
        .ofMaxSize(10)
        .map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("", pairs));
  }

  private Arbitrary<String> value() {
    Arbitrary<String> huge =
        Combinators.combine(
                Arbitraries.of("a", "%41", "%E4%B8%AD", "%25", "+", "%00", "(", "q=a&"),
                Arbitraries.integers().between(1_000, 100_000))
            .as((unit, length) -> unit.repeat(Math.max(1, length / unit.length())));
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(6, Arbitraries.of(VALUES)),
            Tuple.of(3, encoded(Arbitraries.strings().all().ofMaxLength(200))),
            Tuple.of(2, percentEncodedBytes(0, 80)),
            Tuple.of(2, Arbitraries.of(BROKEN_ESCAPES)),
            Tuple.of(1, Arbitraries.of(RESERVED)),
            Tuple.of(1, huge)));
  }

  private Arbitrary<String> articleId() {
    Arbitrary<String> longId = Arbitraries.integers().between(500, 100_000).map(n -> "a".repeat(n));
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(6, Arbitraries.of(ARTICLE_IDS)),
            Tuple.of(2, percentEncodedBytes(1, 60)),
            Tuple.of(2, encoded(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60))),
            Tuple.of(1, longId)));
  }

  /** Random bytes, each written %XX: valid UTF-8 or not. */
  private static Arbitrary<String> percentEncodedBytes(int min, int max) {
    return Arbitraries.bytes()
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .map(bytes -> {
          StringBuilder out = new StringBuilder();
          bytes.forEach(b -> out.append('%').append(HexFormat.of().toHexDigits(b)));
          return out.toString();
        });
  }

  /** Text percent-encoded as UTF-8, as a browser would send it. */
  private static Arbitrary<String> encoded(Arbitrary<String> text) {
    return text.map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8));
  }
}
