package dev.passage.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real two-node OpenSearch cluster on loopback, started once per test JVM and shared by the tests
 * that need it: {@link #shared()} (or a parameter of this type under {@link Extension}) hands it
 * back with both nodes up and the cluster green.
 *
 * <p>The distribution is the integ-test zip in {@code ~/.m2} (or {@code
 * -Dpassage.opensearch.zip=…}), which {@code scripts/install-opensearch --tests} fetches; {@code
 * ./passage test} runs it. OpenSearch refuses to run as root, so as root the nodes run as the user
 * {@code opensearch}, and otherwise as the user running the tests. Everything lives in one
 * directory under {@code java.io.tmpdir}; the nodes are stopped by the pids they wrote, and the
 * directory removed, when the tests end.
 */
public final class OpenSearchCluster implements AutoCloseable {

  public static final String VERSION = "3.6.0";

  /** The nodes' names, in the order of {@link #urls()}. */
  public static final List<String> NODES = List.of("n1", "n2");

  static final String USER = "opensearch";
  static final Path ZIP =
      Path.of(
          System.getProperty(
              "passage.opensearch.zip",
              System.getProperty("user.home")
                  + "/.m2/repository/org/opensearch/distribution/integ-test-zip/opensearch/"
                  + VERSION
                  + "/opensearch-"
                  + VERSION
                  + ".zip"));

  private static final String INSTALL =
      "run scripts/install-opensearch --tests (./passage test does)";
  private static final String DIR_PREFIX = "passage-opensearch-";
  private static final Duration START_PATIENCE = Duration.ofSeconds(180);
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(15);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static OpenSearchCluster shared;
  private static IllegalStateException sharedFailure;

  private final Path dir;
  private final Path home;
  private final String clusterName;
  private final boolean asRoot;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private boolean closed;

  private static final class Node {
    final String name;
    final Path dir;
    final int httpPort;
    final int transportPort;
    Process launcher;

    Node(String name, Path dir, int httpPort, int transportPort) {
      this.name = name;
      this.dir = dir;
      this.httpPort = httpPort;
      this.transportPort = transportPort;
    }

    Path data() {
      return dir.resolve("data");
    }

    Path logs() {
      return dir.resolve("logs");
    }

    Path pidFile() {
      return dir.resolve("pid");
    }

    Path console() {
      return dir.resolve("console.log");
    }

    String url() {
      return "http://127.0.0.1:" + httpPort;
    }

    boolean launched() {
      return launcher != null && launcher.isAlive();
    }
  }

  private OpenSearchCluster(Path dir, Path home, boolean asRoot) {
    this.dir = dir;
    this.home = home;
    this.asRoot = asRoot;
    this.clusterName =
        "passage-test-" + dir.getFileName().toString().substring(DIR_PREFIX.length());
  }

  /**
   * The cluster of this test JVM, started on first use, with any node a test killed started again,
   * and green with both nodes. When it cannot start, every later call fails at once with the same
   * reason instead of waiting again.
   */
  public static synchronized OpenSearchCluster shared() {
    if (sharedFailure != null) {
      throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
    }
    try {
      if (shared == null) {
        shared = start();
      }
      shared.startStoppedNodes();
      return shared;
    } catch (IllegalStateException e) {
      sharedFailure = e;
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT} of each node, in the order of {@link #NODES}. */
  public List<String> urls() {
    return nodes.values().stream().map(Node::url).toList();
  }

  /** The first node's address. */
  public String url() {
    return urls().getFirst();
  }

  public String clusterName() {
    return clusterName;
  }

  /** The pid of the node's java process, from its pid file; fails when it is not running. */
  public synchronized long pid(String node) {
    Node n = node(node);
    return verifiedPid(n.pidFile(), n.data())
        .orElseThrow(() -> new IllegalStateException(node + " is not running"));
  }

  /**
   * Kills the node's java process with SIGKILL and waits until it is gone. Two nodes keep one vote,
   * the cluster manager's: with the manager killed, the other node has no cluster manager (503 on
   * cluster APIs) until it is started again.
   */
  public synchronized void kill(String node) {
    Node n = node(node);
    long pid = pid(node);
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(node + " is gone"));
    if (!process.destroyForcibly()) {
      throw new IllegalStateException("could not SIGKILL " + node + " (pid " + pid + ")");
    }
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
      if (!n.launcher.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("its launcher (pid " + n.launcher.pid() + ") still runs");
      }
      // A killed node leaves its pid file; the pid in it may be someone else's one day.
      Files.deleteIfExists(n.pidFile());
    } catch (Exception e) {
      throw new IllegalStateException(node + " (pid " + pid + ") outlived SIGKILL", e);
    }
  }

  /**
   * Starts a node that was killed again, with the same data and ports, and waits until the cluster
   * is green with both nodes.
   */
  public synchronized void start(String node) {
    Node n = node(node);
    if (n.launched()) {
      throw new IllegalStateException(node + " is running");
    }
    launch(n);
    awaitGreen();
  }

  private synchronized void startStoppedNodes() {
    if (closed) {
      throw new IllegalStateException("the cluster was stopped");
    }
    for (Node n : nodes.values()) {
      if (!n.launched()) {
        launch(n);
      }
    }
    awaitGreen();
  }

  private Node node(String name) {
    Node n = nodes.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node " + name + "; the nodes are " + NODES);
    }
    return n;
  }

  /** Fails with what to run when the distribution, or the user to run it as, is missing. */
  static void requireInstalled(Path zip, String user) {
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "the OpenSearch tests need OpenSearch " + VERSION + " at " + zip + "; " + INSTALL);
    }
    if (user != null) {
      try {
        FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
      } catch (IOException e) {
        throw new IllegalStateException(
            "the OpenSearch tests run as root need a user '"
                + user
                + "' to run OpenSearch as (it refuses root); "
                + INSTALL,
            e);
      }
    }
  }

  private static OpenSearchCluster start() {
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    requireInstalled(ZIP, asRoot ? USER : null);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    OpenSearchCluster cluster;
    try {
      if (asRoot) {
        requireReachable(tmp);
      }
      removeLeftovers(tmp);
      // The directory's name says whose it is: the pid and start time of this JVM.
      ProcessHandle self = ProcessHandle.current();
      String owner =
          DIR_PREFIX
              + self.pid()
              + "-"
              + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L)
              + "-";
      Path dir = Files.createTempDirectory(tmp, owner);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      System.err.printf("Starting a two-node OpenSearch %s cluster in %s …%n", VERSION, dir);
      long unpacking = System.nanoTime();
      unpack(ZIP, dir);
      System.err.printf("Unpacked OpenSearch in %.1f s%n", (System.nanoTime() - unpacking) / 1e9);
      cluster = new OpenSearchCluster(dir, dir.resolve("opensearch-" + VERSION), asRoot);
    } catch (IOException e) {
      throw new IllegalStateException("could not unpack OpenSearch: " + e, e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "opensearch-cluster-stop"));
    long started = System.nanoTime();
    try {
      cluster.prepare();
      cluster.nodes.values().forEach(cluster::launch);
      cluster.awaitGreen();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    System.err.printf(
        "OpenSearch is green with %d nodes after %.1f s: %s%n",
        NODES.size(), (System.nanoTime() - started) / 1e9, cluster.urls());
    return cluster;
  }

  /** The nodes run as another user, who must be able to enter every directory down to theirs. */
  private static void requireReachable(Path dir) throws IOException {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException(
            "user '"
                + USER
                + "' cannot enter "
                + d
                + "; set java.io.tmpdir to a directory every user can reach (such as /tmp)");
      }
    }
  }

  /** Gives each node ports, a config of its own (its keystore and GC log) and empty data. */
  private void prepare() {
    try {
      int[] ports = freePorts(2 * NODES.size());
      for (int i = 0; i < NODES.size(); i++) {
        String name = NODES.get(i);
        Node n = new Node(name, dir.resolve(name), ports[2 * i], ports[2 * i + 1]);
        copyTree(home.resolve("config"), n.dir.resolve("config"));
        Path jvmOptions = n.dir.resolve("config/jvm.options");
        Files.writeString(
            jvmOptions,
            Files.readString(jvmOptions)
                .replace("file=logs/gc.log", "file=" + n.logs().resolve("gc.log"))
                .replace("HeapDumpPath=data", "HeapDumpPath=" + n.logs())
                .replace("ErrorFile=logs/", "ErrorFile=" + n.logs() + "/"));
        Files.createDirectories(n.data());
        Files.createDirectories(n.logs());
        Files.createDirectories(n.dir.resolve("tmp"));
        nodes.put(name, n);
      }
      if (asRoot) {
        UserPrincipal user =
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path p : (Iterable<Path>) paths::iterator) {
            if (!p.equals(dir)) {
              Files.setOwner(p, user);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not prepare the nodes in " + dir + ": " + e, e);
    }
  }

  private void launch(Node n) {
    String seedHosts =
        String.join(
            ",", nodes.values().stream().map(other -> "127.0.0.1:" + other.transportPort).toList());
    List<String> command = new ArrayList<>();
    if (asRoot) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.addAll(
        List.of(
            "env",
            "OPENSEARCH_JAVA_HOME=" + javaHome(),
            "OPENSEARCH_JAVA_OPTS=-Xms512m -Xmx512m",
            "OPENSEARCH_PATH_CONF=" + n.dir.resolve("config"),
            // Else each start leaves a directory of its own in /tmp.
            "OPENSEARCH_TMPDIR=" + n.dir.resolve("tmp"),
            home.resolve("bin/opensearch").toString(),
            "-p",
            n.pidFile().toString(),
            "-E",
            "cluster.name=" + clusterName,
            "-E",
            "node.name=" + n.name,
            "-E",
            "network.host=127.0.0.1",
            "-E",
            "http.port=" + n.httpPort,
            "-E",
            "transport.port=" + n.transportPort,
            "-E",
            "discovery.seed_hosts=" + seedHosts,
            "-E",
            "cluster.initial_cluster_manager_nodes=" + String.join(",", NODES),
            "-E",
            "path.data=" + n.data(),
            "-E",
            "path.logs=" + n.logs(),
            // A full disk on a CI machine would leave replicas unassigned and the cluster yellow.
            "-E",
            "cluster.routing.allocation.disk.threshold_enabled=false",
            // A node holds searches to their timeout by a clock it updates every 200 ms, within
            // which a test's search given no time can finish: read afresh, it has moved by the
            // time a shard has collected thousands of paragraphs.
            "-E",
            "thread_pool.estimated_time_interval=0"));
    try {
      Files.deleteIfExists(n.pidFile());
      n.launcher =
          new ProcessBuilder(command)
              .directory(n.dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(n.console().toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + n.name + ": " + e, e);
    }
  }

  private static String javaHome() {
    return Runtime.version().feature() >= 21
        ? System.getProperty("java.home")
        : "/usr/lib/jvm/temurin-25-jdk-amd64";
  }

  /** Waits until every node answers and the cluster is green with all of them. */
  private void awaitGreen() {
    Instant deadline = Instant.now().plus(START_PATIENCE);
    String last = "no answer yet";
    for (int attempt = 0; ; attempt++) {
      for (Node n : nodes.values()) {
        if (!n.launched()) {
          throw failure(n.name + " stopped while starting (exit " + n.launcher.exitValue() + ")");
        }
      }
      try {
        last = readyOrWhyNot(attempt);
        if (last == null) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for the cluster");
      }
      if (Instant.now().isAfter(deadline)) {
        throw failure(
            "the cluster was not green with "
                + NODES.size()
                + " nodes within "
                + START_PATIENCE.toSeconds()
                + " s; last: "
                + last);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for the cluster");
      }
    }
  }

  /** Null when ready, else what is not. Health is asked of each node in turn. */
  private String readyOrWhyNot(int attempt) throws IOException, InterruptedException {
    for (Node n : nodes.values()) {
      HttpResponse<String> root = get(n.url() + "/");
      if (root.statusCode() != 200) {
        return n.name + " answered GET / with " + root.statusCode() + ": " + root.body();
      }
    }
    String asked = urls().get(attempt % nodes.size());
    HttpResponse<String> health =
        get(
            asked
                + "/_cluster/health?wait_for_status=green&wait_for_nodes="
                + NODES.size()
                + "&timeout=5s");
    return health.statusCode() == 200
        ? null
        : "health from " + asked + ": " + health.statusCode() + " " + health.body();
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private IllegalStateException failure(String what) {
    StringBuilder message = new StringBuilder("OpenSearch: ").append(what);
    for (Node n : nodes.values()) {
      message.append("\n--- the end of ").append(n.name).append("'s console ---\n");
      try {
        List<String> lines = Files.readAllLines(n.console(), StandardCharsets.UTF_8);
        lines
            .subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(line -> message.append(line).append('\n'));
      } catch (IOException e) {
        message.append("(no console: ").append(e).append(")\n");
      }
    }
    return new IllegalStateException(message.toString());
  }

  /**
   * Stops the nodes by their pids: SIGTERM, up to 15 s to finish, then SIGKILL; then removes the
   * directory. A node still starting has no pid file yet; then its launcher and what it started are
   * stopped instead. Called at the end of the tests, and again by the shutdown hook, harmlessly.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (shared == this) {
      shared = null;
    }
    long stopStarted = System.nanoTime();
    List<ProcessHandle> stopping = new ArrayList<>();
    for (Node n : nodes.values()) {
      Optional<ProcessHandle> java =
          verifiedPid(n.pidFile(), n.data()).stream()
              .boxed()
              .findFirst()
              .flatMap(ProcessHandle::of);
      if (java.isPresent()) {
        java.get().destroy();
        stopping.add(java.get());
      }
      if (n.launcher != null) {
        ProcessHandle launcher = n.launcher.toHandle();
        List<ProcessHandle> started =
            Stream.concat(launcher.descendants(), Stream.of(launcher)).toList();
        if (java.isEmpty()) {
          started.forEach(ProcessHandle::destroy);
        }
        stopping.addAll(started);
      }
    }
    if (!awaitExit(stopping, STOP_PATIENCE)) {
      stopping.forEach(ProcessHandle::destroyForcibly);
      if (!awaitExit(stopping, Duration.ofSeconds(5))) {
        System.err.println("OpenSearch: processes outlived SIGKILL: " + stopping);
        return;
      }
    }
    try {
      deleteTree(dir);
    } catch (IOException e) {
      System.err.println("OpenSearch: could not remove " + dir + ": " + e);
    }
    System.err.printf(
        "Stopped OpenSearch in %.1f s and removed %s%n",
        (System.nanoTime() - stopStarted) / 1e9, dir);
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration patience) {
    Instant deadline = Instant.now().plus(patience);
    for (ProcessHandle p : processes) {
      try {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        p.onExit().get(Math.max(1, left), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The pid in {@code pidFile}, when that process is the node of {@code data}: a pid file left by a
   * killed node may name another process by now.
   */
  private static OptionalLong verifiedPid(Path pidFile, Path data) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      for (String arg : new String(cmdline, StandardCharsets.UTF_8).split("\0")) {
        if (arg.equals("path.data=" + data)) {
          return OptionalLong.of(pid);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // No pid file (yet), or no such process.
    }
    return OptionalLong.empty();
  }

  /**
   * Removes what an earlier test JVM that died without its shutdown hook (SIGKILL) left: its nodes,
   * killed by the pids they wrote, and its directory. A directory is left when its JVM still runs,
   * or when it is another user's that this one may not remove.
   */
  private static void removeLeftovers(Path tmp) throws IOException {
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
      for (Path run : runs) {
        String[] owner = run.getFileName().toString().substring(DIR_PREFIX.length()).split("-");
        if (owner.length < 3 || !Files.isDirectory(run)) {
          continue;
        }
        long pid;
        long startMillis;
        try {
          pid = Long.parseLong(owner[0]);
          startMillis = Long.parseLong(owner[1]);
        } catch (NumberFormatException e) {
          continue;
        }
        boolean ownerRuns =
            ProcessHandle.of(pid)
                .flatMap(p -> p.info().startInstant())
                .map(started -> started.toEpochMilli() == startMillis)
                .orElse(false);
        if (ownerRuns) {
          continue;
        }
        List<ProcessHandle> killed = new ArrayList<>();
        for (String name : NODES) {
          verifiedPid(run.resolve(name).resolve("pid"), run.resolve(name).resolve("data"))
              .ifPresent(node ->
                  ProcessHandle.of(node)
                      .ifPresent(p -> {
                        p.destroyForcibly();
                        killed.add(p);
                      }));
        }
        awaitExit(killed, Duration.ofSeconds(10));
        try {
          deleteTree(run);
        } catch (IOException e) {
          System.err.println("OpenSearch: could not remove what an earlier run left: " + e);
        }
      }
    }
  }

  /** Unpacks the zip keeping its files' modes (bin/ holds the scripts). */
  private static void unpack(Path zip, Path into) throws IOException {
    try (FileSystem archive =
        FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true))) {
      Path root = archive.getPath("/");
      try (Stream<Path> entries = Files.walk(root)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          if (entry.equals(root)) {
            continue;
          }
          Path target = into.resolve(root.relativize(entry).toString());
          if (Files.isDirectory(entry)) {
            Files.createDirectories(target);
          } else {
            Files.copy(entry, target);
          }
          Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      // All held open at once, so no two are the same.
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /**
   * Resolves {@code OpenSearchCluster} parameters to {@link #shared()}, and has JUnit stop the
   * cluster when all tests have run (the shutdown hook is the fallback).
   */
  public static final class Extension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(OpenSearchCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == OpenSearchCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      OpenSearchCluster cluster;
      try {
        cluster = shared();
      } catch (IllegalStateException e) {
        // As it is, so the report says what to run rather than "failed to resolve parameter".
        throw new ParameterResolutionException(e.getMessage(), e);
      }
      ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
      if (store.get(OpenSearchCluster.class) != cluster) {
        store.put(OpenSearchCluster.class, cluster);
      }
      return cluster;
    }
  }
}
