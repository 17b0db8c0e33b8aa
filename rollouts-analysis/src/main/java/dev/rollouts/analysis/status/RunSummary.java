package dev.rollouts.analysis.status;

/**
 * {@code status.runSummary} / {@code status.dryRunSummary}: how many <em>metrics</em> (not
 * measurements) the run has, and how many ended in each phase.
 *
 * @param count metrics in the run (dry-run ones in the dry-run summary only)
 * @param successful completed Successful
 * @param failed completed Failed
 * @param inconclusive completed Inconclusive
 * @param error completed Error
 */
public record RunSummary(int count, int successful, int failed, int inconclusive, int error) {

  /** All zeros. */
  public static final RunSummary EMPTY = new RunSummary(0, 0, 0, 0, 0);
}
