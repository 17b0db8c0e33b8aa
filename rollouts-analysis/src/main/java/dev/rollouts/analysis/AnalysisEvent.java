package dev.rollouts.analysis;

/**
 * A Kubernetes Event to record on the AnalysisRun, as Argo records them: reason {@code
 * Metric<Phase>} ({@code Metric 'success-rate' Completed. Result: Failed}) when a metric completes,
 * {@code AnalysisRun<Phase>} ({@code Analysis Completed. Result: Failed}) when the run does;
 * Warning for Failed and Error, Normal otherwise.
 *
 * @param warning whether its type is Warning (else Normal)
 * @param reason the reason, e.g. {@code AnalysisRunSuccessful}
 * @param message the message
 */
public record AnalysisEvent(boolean warning, String reason, String message) {

  /** The Event's type as Kubernetes spells it: {@code Warning} or {@code Normal}. */
  public String type() {
    return warning ? "Warning" : "Normal";
  }
}
