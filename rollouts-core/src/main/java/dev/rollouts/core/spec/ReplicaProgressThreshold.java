package dev.rollouts.core.spec;

/**
 * {@code replicaProgressThreshold}: how many canary pods must be available for a step to count as
 * done, as a pod count or a percentage of the step's target.
 *
 * @param type {@link Type#PODS} or {@link Type#PERCENT}
 * @param value the count or the percentage
 */
public record ReplicaProgressThreshold(Type type, int value) {

  /** The unit of {@link #value()}, spelt {@code Pods} and {@code Percent} in a manifest. */
  public enum Type {
    PODS,
    PERCENT
  }

  /**
   * The available pods that satisfy this threshold for a target of {@code target} pods, never more
   * than {@code target}.
   */
  public int requiredPods(int target) {
    int required = type == Type.PODS ? value : (int) Math.ceil(target * (double) value / 100.0);
    return Math.min(required, target);
  }
}
