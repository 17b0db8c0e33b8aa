package dev.rollouts.notifications;

import java.util.regex.Pattern;

/**
 * The trigger an event reason fires, as Argo Rollouts' {@code translateReasonToTrigger} ({@code
 * utils/record/record.go}) computes it: words split at capitals, lower-cased, joined by dashes and
 * prefixed {@code on-}. {@code RolloutCompleted} → {@code on-rollout-completed}, {@code
 * ScalingReplicaSet} → {@code on-scaling-replica-set}, {@code AnalysisRunFailed} → {@code
 * on-analysis-run-failed}.
 */
public final class Triggers {

  private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern ALL_CAP = Pattern.compile("([a-z0-9])([A-Z])");

  private Triggers() {}

  /** The trigger name for an event {@code reason}. */
  public static String forReason(String reason) {
    String trigger = FIRST_CAP.matcher(reason).replaceAll("$1-$2");
    trigger = ALL_CAP.matcher(trigger).replaceAll("$1-$2");
    return "on-" + trigger.toLowerCase(java.util.Locale.ROOT);
  }
}
