package dev.passage.index;

import dev.passage.ingest.Problem;
import java.util.List;

/**
 * What an update of an index did, article by article.
 *
 * @param added articles new to the index
 * @param changed articles whose new version replaced the old
 * @param removed articles taken out of the index
 * @param unchanged articles the update found as they were
 * @param problems files and articles skipped or repaired, with why
 * @param millis wall time of the update
 * @param committed false when nothing changed, or the update was refused, and nothing was written
 */
public record UpdateSummary(
    int added,
    int changed,
    int removed,
    int unchanged,
    List<Problem> problems,
    long millis,
    boolean committed) {

  public UpdateSummary {
    problems = List.copyOf(problems);
  }

  /** "3 added, 1 changed, 2 removed, 19,770 unchanged". */
  public String describe() {
    return String.format(
        "%,d added, %,d changed, %,d removed, %,d unchanged", added, changed, removed, unchanged);
  }

  /** The number of articles or files left out. */
  public long skipped() {
    return problems.stream().filter(Problem::skipped).mapToLong(Problem::count).sum();
  }
}
