package dev.rollouts.analysis.status;

/**
 * The phase of an AnalysisRun, a metric result or a measurement, spelt as Argo spells it. The last
 * four are completed ({@link #completed()}).
 */
public enum AnalysisPhase {
  /** Not started: no measurement yet. */
  Pending,
  /** Measuring. */
  Running,
  /** Passed. */
  Successful,
  /** Did not pass. */
  Failed,
  /** Could not be measured. */
  Error,
  /** Neither passed nor failed: needs a person. */
  Inconclusive;

  /** Whether this phase is final: Successful, Failed, Error or Inconclusive. */
  public boolean completed() {
    return this == Successful || this == Failed || this == Error || this == Inconclusive;
  }

  /**
   * Whether {@code other} is a worse outcome than this one, in Argo's order ({@code
   * analysisStatusOrder}, {@code utils/analysis/helpers.go}): Successful, Running, Pending,
   * Inconclusive, Error, Failed.
   */
  public boolean isWorse(AnalysisPhase other) {
    return rank(other) > rank(this);
  }

  private static int rank(AnalysisPhase phase) {
    return switch (phase) {
      case Successful -> 0;
      case Running -> 1;
      case Pending -> 2;
      case Inconclusive -> 3;
      case Error -> 4;
      case Failed -> 5;
    };
  }
}
