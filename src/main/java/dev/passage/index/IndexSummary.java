package dev.passage.index;

import dev.passage.ingest.Problem;
import java.util.List;

/**
 * What an index build did.
 *
 * @param articles articles indexed
 * @param paragraphs paragraphs indexed
 * @param problems files and articles skipped or repaired, with why
 * @param millis wall time of the build
 * @param committed false when nothing usable was found and the previous index was kept
 */
public record IndexSummary(
    int articles, int paragraphs, List<Problem> problems, long millis, boolean committed) {

  public IndexSummary {
    problems = List.copyOf(problems);
  }

  /** The number of articles or files left out. */
  public long skipped() {
    return problems.stream().filter(Problem::skipped).mapToLong(Problem::count).sum();
  }
}
