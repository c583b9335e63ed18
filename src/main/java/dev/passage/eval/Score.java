package dev.passage.eval;

/**
 * Counts of one comparison of tagged names with gold names, summed over articles.
 *
 * @param found gold names that were tagged
 * @param tagged names tagged
 * @param gold gold names
 */
public record Score(long found, long tagged, long gold) {

  static final Score ZERO = new Score(0, 0, 0);

  Score plus(Score other) {
    return new Score(found + other.found, tagged + other.tagged, gold + other.gold);
  }

  public double precision() {
    return tagged == 0 ? 0 : (double) found / tagged;
  }

  public double recall() {
    return gold == 0 ? 0 : (double) found / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
