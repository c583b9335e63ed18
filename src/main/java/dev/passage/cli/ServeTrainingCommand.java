package dev.passage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code passage serve-training} (hidden): the short run of {@code serve} that the launcher makes
 * once after each build, with the JVM recording what it loads, so that every start of {@code
 * serve}, the first one included, finds those classes ready in a class-data archive or AOT cache.
 * It serves an index of a few articles on a free port through the real {@code serve} command, asks
 * what a first visit asks, and exits; the launcher builds the index beforehand in another JVM, so
 * that only what serve loads is recorded, and this command's exit stops the server.
 */
@Command(
    name = "serve-training",
    hidden = true,
    description =
        "Serves the index of the articles on a free port, asks for the search page and a search,"
            + " and exits: the launcher's training run for serve's start-up cache.")
final class ServeTrainingCommand implements Callable<Integer> {

  /** What a first visit asks of a new server: the search page and the search it runs. */
  static final List<String> REQUESTS =
      List.of(
          "/?q=CICA+chairmanship",
          "/passage.css",
          "/api/search?q=CICA+chairmanship&size=10",
          "/api/search?q=purchasing+managers&size=10");

  private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");

  /** Long enough for a loaded machine; a training run that takes longer is not worth waiting. */
  private static final long TIMEOUT_SECONDS = 120;

  @Option(names = "--articles", paramLabel = "DIR", required = true, description = "Articles.")
  Path articles;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      required = true,
      description = "The index of the articles, built by passage index.")
  Path index;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PortWatcher serving = new PortWatcher();
    PrintWriter serveOut = new PrintWriter(serving, true);
    CompletableFuture<Integer> stopped = new CompletableFuture<>();
    // A daemon thread: the JVM's exit, not the end of this thread, stops the server.
    Thread.ofPlatform()
        .daemon()
        .name("training-serve")
        .start(() ->
            stopped.complete(
                PassageCli.commandLine("serve")
                    .setOut(serveOut)
                    .setErr(serveOut)
                    .execute(
                        "serve",
                        "--articles",
                        articles.toString(),
                        "--index",
                        index.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0")));
    Object first =
        CompletableFuture.anyOf(serving.port, stopped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!serving.port.isDone()) {
      throw new IOException("serve stopped with " + first + " before serving:\n" + serving.text());
    }
    int port = serving.port.join();
    for (String target : REQUESTS) {
      int status = get(port, target);
      if (status != 200) {
        throw new IOException("GET " + target + " answered " + status + ":\n" + serving.text());
      }
    }
    out.println("Served " + REQUESTS.size() + " requests on port " + port + ".");
    out.flush();
    return 0;
  }

  /** The status of a plain HTTP/1.1 GET, its body read to the end; no client library to load. */
  static int get(int port, String target) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      OutputStream request = socket.getOutputStream();
      request.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      InputStream response = socket.getInputStream();
      String answer = new String(response.readAllBytes(), StandardCharsets.ISO_8859_1);
      // "HTTP/1.1 200 OK"
      String[] statusLine = answer.lines().findFirst().orElse("").split(" ");
      return statusLine.length > 1 && statusLine[1].matches("\\d{3}")
          ? Integer.parseInt(statusLine[1])
          : -1;
    }
  }

  /** Keeps what serve prints, and completes {@link #port} once it says where it serves. */
  private static final class PortWatcher extends Writer {
    final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
      Matcher m = SERVING.matcher(text);
      if (!port.isDone() && m.find()) {
        port.complete(Integer.parseInt(m.group(1)));
      }
    }

    synchronized String text() {
      return text.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
