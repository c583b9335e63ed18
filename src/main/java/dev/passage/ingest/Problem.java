package dev.passage.ingest;

/**
 * Something wrong with a source file that the reader skipped or repaired. The index is built from
 * everything else; the command line reports every problem at the end.
 *
 * @param origin the file, with ":line" for one line of a JSONL file
 * @param message what was wrong and what was done about it
 * @param skipped true when the article (or file) was left out, false when it was repaired
 */
public record Problem(String origin, String message, boolean skipped) {

  /** The article or file was left out of the index. */
  public static Problem skipped(String origin, String message) {
    return new Problem(origin, message, true);
  }

  /** The article was indexed after a repair, such as replacing undecodable bytes. */
  public static Problem repaired(String origin, String message) {
    return new Problem(origin, message, false);
  }

  @Override
  public String toString() {
    return origin + ": " + message + (skipped ? " (skipped)" : "");
  }
}
