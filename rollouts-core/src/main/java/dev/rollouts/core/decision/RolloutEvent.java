package dev.rollouts.core.decision;

/**
 * A Kubernetes Event to record on the Rollout, with Argo's reasons ({@code RolloutUpdated}, {@code
 * ScalingReplicaSet}, {@code RolloutPaused}, {@code RolloutAborted} …).
 *
 * @param type {@link Type#Normal} or {@link Type#Warning}
 * @param reason the reason, one word in upper camel case
 * @param message what happened, as a sentence
 */
public record RolloutEvent(Type type, String reason, String message) {

  /** The Event's type, spelt as Kubernetes spells it. */
  public enum Type {
    /** Something expected happened. */
    Normal,
    /** Something needs attention. */
    Warning
  }

  /** A {@link Type#Normal} event. */
  public static RolloutEvent normal(String reason, String message) {
    return new RolloutEvent(Type.Normal, reason, message);
  }

  /** A {@link Type#Normal} event of one of the engine's reasons. */
  public static RolloutEvent normal(EventReason reason, String message) {
    return normal(reason.name(), message);
  }

  /** A {@link Type#Warning} event of one of the engine's reasons. */
  public static RolloutEvent warning(EventReason reason, String message) {
    return warning(reason.name(), message);
  }

  /** A {@link Type#Warning} event. */
  public static RolloutEvent warning(String reason, String message) {
    return new RolloutEvent(Type.Warning, reason, message);
  }
}
