package dev.passage.index;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an articles folder while serving: files saved, added or removed are handed to the {@link
 * LiveIndex} once the folder has been quiet for a moment, so an editor's burst of writes is one
 * change, and only those files are read again. When the file system loses track (too many events at
 * once), the whole folder is compared instead.
 */
public final class FolderWatcher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

  /** How long the folder must be quiet before its changes are applied. */
  static final long QUIET_MILLIS = 150;

  private final LiveIndex live;
  private final WatchService service;
  private final Path single;
  private final Thread thread;

  private FolderWatcher(LiveIndex live, WatchService service, Path single) {
    this.live = live;
    this.service = service;
    this.single = single;
    this.thread = Thread.ofPlatform().name("passage-watch").daemon().unstarted(this::run);
  }

  /** Starts watching the folder of {@code live}. */
  public static FolderWatcher start(LiveIndex live) throws IOException {
    Path root = live.folder().root().toAbsolutePath();
    WatchService service = FileSystems.getDefault().newWatchService();
    boolean isFile = Files.isRegularFile(root);
    FolderWatcher watcher = new FolderWatcher(live, service, isFile ? root : null);
    if (isFile) {
      root.getParent().register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    } else {
      watcher.registerTree(root);
    }
    watcher.thread.start();
    return watcher;
  }

  /** Watches {@code dir} and every folder under it that a folder read would enter. */
  private List<Path> registerTree(Path dir) throws IOException {
    List<Path> folders;
    try (Stream<Path> walk = Files.walk(dir)) {
      folders = walk.filter(Files::isDirectory).filter(d -> !hidden(d)).toList();
    }
    for (Path folder : folders) {
      folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }
    return folders;
  }

  private boolean hidden(Path path) {
    Path root = live.folder().root().toAbsolutePath();
    for (Path part : root.relativize(path.toAbsolutePath())) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void run() {
    Set<Path> changed = new LinkedHashSet<>();
    boolean lost = false;
    try {
      while (true) {
        WatchKey key =
            changed.isEmpty() && !lost
                ? service.take()
                : service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        if (key == null) {
          apply(changed, lost);
          changed = new LinkedHashSet<>();
          lost = false;
          continue;
        }
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            lost = true;
            continue;
          }
          Path path = dir.resolve((Path) event.context());
          if (single != null) {
            if (path.equals(single)) {
              changed.add(path);
            }
          } else if (!hidden(path)) {
            lost |= collect(path, event.kind(), changed);
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Stopping.
    }
  }

  /** Adds what changed at {@code path}; true when a new folder could not be followed. */
  private boolean collect(Path path, WatchEvent.Kind<?> kind, Set<Path> changed) {
    if (kind == ENTRY_CREATE && Files.isDirectory(path)) {
      try {
        for (Path folder : registerTree(path)) {
          try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(changed::add);
          }
        }
        return false;
      } catch (IOException e) {
        return true;
      }
    }
    if (kind == ENTRY_DELETE || live.folder().isArticleFile(path)) {
      // A deleted folder's articles are found by a whole comparison; a deleted file by its name.
      changed.add(path);
    }
    return false;
  }

  private void apply(Set<Path> changed, boolean lost) {
    try {
      if (lost || changed.stream().anyMatch(p -> !live.folder().isArticleFile(p))) {
        live.worker().execute(this::reconcile);
      } else {
        // A change that failed is logged where it failed.
        live.filesChanged(changed).thenAccept(this::applied);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not apply the folder's changes: {}", e.toString());
    }
  }

  private void applied(UpdateSummary summary) {
    report(summary);
    if (summary.removed() > 0) {
      // An article taken out may have hidden another file's article of the same id, which a
      // build would now read: comparing the whole folder finds it.
      live.worker().execute(this::reconcile);
    }
  }

  /** The files and articles a change left out or repaired, as a build's summary lists them. */
  private static void report(UpdateSummary summary) {
    summary.problems().forEach(problem -> LOG.warn("{}", problem));
  }

  private void reconcile() {
    try {
      report(live.reconcile());
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not apply the folder's changes: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      service.close();
    } catch (IOException e) {
      // Stopping anyway.
    }
  }
}
