package dev.passage.ingest;

/**
 * Something wrong with a source file that the reader skipped or repaired. The index is built from
 * everything else; the command line reports every problem at the end.
 *
 * @param origin the file, with ":line" for one line of a JSONL file
 * @param message what was wrong and what was done about it
 * @param skipped true when the article (or file) was left out, false when it was repaired
 * @param count how many articles this stands for: 1, or more for problems summed up in one line
 */
public record Problem(String origin, String message, boolean skipped, int count) {

  /** The article or file was left out of the index. */
  public static Problem skipped(String origin, String message) {
    return new Problem(origin, message, true, 1);
  }

  /** {@code count} articles were left out for reasons summed up in {@code message}. */
  public static Problem skipped(String origin, String message, int count) {
    return new Problem(origin, message, true, count);
  }

  /**
   * An article left out because another, read before it from {@code first}, has its id: the first
   * of the folder's order keeps it.
   */
  public static Problem duplicate(Article article, String first) {
    return skipped(
        article.origin(), "duplicate article id '" + article.id() + "', first read from " + first);
  }

  /** The article was indexed after a repair, such as replacing undecodable bytes. */
  public static Problem repaired(String origin, String message) {
    return new Problem(origin, message, false, 1);
  }

  @Override
  public String toString() {
    return origin + ": " + message + (skipped ? " (skipped)" : "");
  }
}
