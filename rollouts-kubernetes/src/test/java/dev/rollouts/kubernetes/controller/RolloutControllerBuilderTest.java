package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link RolloutController.Builder}: checks every setting at build, and snapshots them. */
class RolloutControllerBuilderTest {

  /** A client that is never connected: building a controller opens no connection. */
  static final KubernetesClient CLIENT =
      new KubernetesClientBuilder()
          .withConfig(
              new io.fabric8.kubernetes.client.ConfigBuilder()
                  .withMasterUrl("https://127.0.0.1:1")
                  .build())
          .build();

  @AfterAll
  static void closeClient() {
    CLIENT.close();
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        bad("workers", b -> b.workers(0), "workers is 0; it must be between 1 and 256"),
        bad("workers", b -> b.workers(257), "workers is 257"),
        bad("namespace", b -> b.namespace("Shop"), "namespace is 'Shop'; it must be a namespace"),
        bad("namespace", b -> b.namespace(""), "namespace is ''"),
        bad("namespace", b -> b.namespace("a".repeat(64)), "namespace is"),
        bad(
            "instanceId",
            b -> b.instanceId("team a"),
            "instanceId is 'team a'; it must be a label"),
        bad("instanceId", b -> b.instanceId("-team"), "instanceId is '-team'"),
        bad("instanceId", b -> b.instanceId("x".repeat(64)), "instanceId is"),
        bad(
            "resyncPeriod",
            b -> b.resyncPeriod(Duration.ofSeconds(-1)),
            "resyncPeriod is PT-1S; it must be zero (no resync) or positive"),
        bad(
            "retryBackoff base",
            b -> b.retryBackoff(Duration.ZERO, Duration.ofSeconds(1)),
            "retryBackoff base is PT0S; it must be positive"),
        bad(
            "retryBackoff max",
            b -> b.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
            "retryBackoff max is PT1S; it must be at least the base delay (PT2S)"),
        bad(
            "expectationTimeout",
            b -> b.expectationTimeout(Duration.ZERO),
            "expectationTimeout is PT0S; it must be positive"),
        bad(
            "startTimeout",
            b -> b.startTimeout(Duration.ofMillis(-5)),
            "startTimeout is PT-0.005S; it must be positive"),
        bad(
            "closeTimeout",
            b -> b.closeTimeout(Duration.ZERO),
            "closeTimeout is PT0S; it must be positive"),
        bad(
            "clock rate",
            b -> b.clock(Clock.systemUTC(), 0),
            "clock rate is 0.0; it must be positive and finite"),
        bad("clock rate", b -> b.clock(Clock.systemUTC(), Double.NaN), "clock rate is NaN"),
        bad(
            "clock rate",
            b -> b.clock(Clock.systemUTC(), Double.POSITIVE_INFINITY),
            "clock rate is Infinity"));
  }

  static Arguments bad(
      String setting, UnaryOperator<RolloutController.Builder> change, String message) {
    return Arguments.of(setting, change, message);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalidSettings")
  void buildRejectsAWrongSettingNamingIt(
      String setting, UnaryOperator<RolloutController.Builder> change, String message) {
    RolloutController.Builder builder = change.apply(RolloutController.builder(CLIENT));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RolloutController setting " + setting + " is ")
        .hasMessageContaining(message);
  }

  @Test
  void settersCollectAndOnlyBuildChecks() {
    RolloutController.Builder builder = RolloutController.builder(CLIENT).workers(0);
    builder.workers(3);

    assertThat(settings(builder.build()).workers()).isEqualTo(3);
  }

  @Test
  void aBuiltControllerKeepsItsSettingsWhenTheBuilderChangesAfterwards() {
    RolloutController.Builder builder =
        RolloutController.builder(CLIENT).namespace("shop").instanceId("team-a").workers(3);
    RolloutController first = builder.build();

    builder.namespace("other").instanceId("team-b").workers(5).resyncPeriod(Duration.ZERO);
    RolloutController second = builder.build();

    assertThat(settings(first).namespace()).contains("shop");
    assertThat(settings(first).instanceId()).contains("team-a");
    assertThat(settings(first).workers()).isEqualTo(3);
    assertThat(settings(first).resyncPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings(second).namespace()).contains("other");
    assertThat(settings(second).workers()).isEqualTo(5);
    first.close();
    second.close();
  }

  @Test
  void theDefaultsAreValidAndDocumented() {
    ControllerSettings defaults = settings(RolloutController.builder(CLIENT).build());

    assertThat(defaults.namespace()).isEmpty();
    assertThat(defaults.instanceId()).isEqualTo(Optional.empty());
    assertThat(defaults.workers()).isEqualTo(2);
    assertThat(defaults.resyncPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.retryBaseDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(defaults.retryMaxDelay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.clockRate()).isEqualTo(1.0);
  }

  @Test
  void aNullSettingIsRejectedAtOnceNamingIt() {
    assertThatThrownBy(() -> RolloutController.builder(CLIENT).namespace(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("namespace");
    assertThatThrownBy(() -> RolloutController.builder(CLIENT).closeTimeout(null))
        .hasMessage("closeTimeout");
  }

  private static ControllerSettings settings(RolloutController controller) {
    return ((DefaultRolloutController) controller).settings();
  }
}
