package dev.rollouts.operatorsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link RolloutReconciler.Builder}: every setting checked at build, naming it. */
class RolloutReconcilerBuilderTest {

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        bad(b -> b.namespace("Shop"), "namespace is 'Shop'; it must be a namespace name"),
        bad(b -> b.instanceId("team a"), "instanceId is 'team a'; it must be a label value"),
        bad(b -> b.expectationTimeout(Duration.ZERO), "expectationTimeout is PT0S"),
        bad(b -> b.conflictDelay(Duration.ofMillis(-1)), "conflictDelay is PT-0.001S"),
        bad(b -> b.clock(Clock.systemUTC(), 0), "clock rate is 0.0; it must be positive"));
  }

  static Arguments bad(UnaryOperator<RolloutReconciler.Builder> change, String message) {
    return Arguments.of(change, message);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidSettings")
  void buildRejectsAWrongSettingNamingIt(
      UnaryOperator<RolloutReconciler.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(RolloutReconciler.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RolloutReconciler setting ")
        .hasMessageContaining(message);
  }

  @Test
  void theInstanceIdBecomesArgosLabelRequirement() {
    assertThat(RolloutReconciler.builder().build().labelSelector())
        .isEqualTo("!argo-rollouts.argoproj.io/controller-instance-id");
    assertThat(RolloutReconciler.builder().instanceId("team-a").build().labelSelector())
        .isEqualTo("argo-rollouts.argoproj.io/controller-instance-id=team-a");
  }

  @Test
  void itWritesWithoutLeaderElectionAndOnlyWhileLeadingWithIt() {
    RolloutReconciler alone = RolloutReconciler.builder().build();
    RolloutReconciler elected = RolloutReconciler.builder().build();
    var callbacks = elected.leaderCallbacks();

    assertThat(alone.isLeading()).isTrue();
    assertThat(elected.isLeading()).as("before it first leads").isFalse();
    callbacks.onStartLeading();
    assertThat(elected.isLeading()).isTrue();
    callbacks.onStopLeading();
    assertThat(elected.isLeading()).isFalse();
  }
}
