package dev.passage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops a real {@code passage serve} without cutting the answers it has begun. */
class ServeStopTest {

  private static final Pattern SERVING = Pattern.compile("on http://localhost:(\\d+)/");

  @TempDir Path dir;

  @Test
  void sigtermUnderLoadLetsEveryAnswerUnderWayFinish() throws Exception {
    Path articles = dir.resolve("articles");
    Files.createDirectories(articles);
    try (var seeds = Files.list(Fixtures.SEED_ARTICLES)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, articles.resolve(seed.getFileName()));
      }
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process serve =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                PassageCli.class.getName(),
                "serve",
                "--articles",
                articles.toString(),
                "--index",
                dir.resolve("index").toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    int port = -1;
    for (String line; port < 0 && (line = lines.readLine()) != null; ) {
      output.add(line);
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
    }
    assertThat(port).as(String.join("\n", output)).isPositive();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create("http://localhost:" + port + "/api/search?q=china&size=10");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ConcurrentLinkedQueue<String> cut = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      Thread client =
          Thread.ofPlatform()
              .start(() -> {
                while (running.get()) {
                  try {
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().endsWith("}")) {
                      answered.incrementAndGet();
                    } else if (r.statusCode() == 503 && r.body().contains("Passage is stopping")) {
                      refused.incrementAndGet();
                    } else {
                      cut.add(r.statusCode() + " " + r.body());
                    }
                  } catch (ConnectException e) {
                    // The listener is closed: the server is gone, nothing was under way.
                    refused.incrementAndGet();
                    sleep();
                  } catch (IOException e) {
                    if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                      // A kept-alive connection the stopping server closed as idle while this
                      // request was being sent: the server never read it, and a browser sends
                      // it again, as here, on a new connection, which is refused or answered.
                      try {
                        HttpResponse<String> again =
                            http.send(
                                HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (again.statusCode() == 200 && again.body().endsWith("}")) {
                          answered.incrementAndGet();
                        } else if (again.statusCode() == 503) {
                          refused.incrementAndGet();
                        } else {
                          cut.add(again.statusCode() + " " + again.body());
                        }
                      } catch (ConnectException refusedAgain) {
                        refused.incrementAndGet();
                      } catch (IOException again) {
                        cut.add(e + ", then " + again);
                      } catch (InterruptedException stopped) {
                        return;
                      }
                    } else {
                      cut.add(e.toString());
                    }
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      clients.add(client);
    }
    Thread.sleep(1_500);
    int beforeStop = answered.get();
    // Process.destroy() would send SIGTERM too, but it also closes the output this test reads.
    new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor();
    boolean exited = serve.waitFor(20, TimeUnit.SECONDS);
    running.set(false);
    for (Thread client : clients) {
      client.join(10_000);
    }
    for (String line; (line = lines.readLine()) != null; ) {
      output.add(line);
    }

    assertThat(exited).isTrue();
    assertThat(beforeStop).isGreaterThan(50);
    assertThat(cut).as("answers cut or failed by the stop").isEmpty();
    assertThat(output)
        .contains("Stopping: requests under way may finish first.", "Stopped.")
        .noneMatch(line -> line.contains("Exception"));
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
