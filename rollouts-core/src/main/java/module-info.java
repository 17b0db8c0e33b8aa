/**
 * The pure decision engine of Rollouts for Java: {@link dev.rollouts.core.RolloutEngine} and the
 * value types it decides on and returns. Only the API packages are exported; {@code
 * dev.rollouts.core.internal} and its subpackages are not.
 */
module dev.rollouts.core {
  requires transitive com.google.common;
  requires static org.immutables.value;
  requires static jsr305;
  requires static com.google.errorprone.annotations;
  requires static java.compiler;

  exports dev.rollouts.core;
  exports dev.rollouts.core.decision;
  exports dev.rollouts.core.observe;
  exports dev.rollouts.core.spec;
  exports dev.rollouts.core.status;
  exports dev.rollouts.core.traffic;

  uses dev.rollouts.core.traffic.TrafficPlugin;
}
