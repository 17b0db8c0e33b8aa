package dev.rollouts.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canary Ingress's name, exactly as Argo Rollouts' {@code GetCanaryIngressName} makes it. */
class CanaryIngressNameTest {

  @ParameterizedTest(name = "{0} + {1} → {2}")
  @CsvSource({
    "app, web, app-web-canary",
    "myrollout, stable-ingress, myrollout-stable-ingress-canary",
    "a, b, a-b-canary",
  })
  void isTheRolloutThenTheStableIngressThenCanary(String rollout, String stable, String expected) {
    assertThat(CanaryIngressBuilder.canaryName(rollout, stable)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "rollout of {0}, stable Ingress of {1} characters → {2} characters")
  @CsvSource({
    // prefix = rollout + '-' + stable; it is cut to 246 characters, then '-canary' (7) is added.
    "100, 145, 253", // prefix 246: fits exactly, nothing cut
    "100, 146, 253", // prefix 247: one character cut
    "10, 260, 253",
    "250, 250, 253", // the rollout part alone is longer than the room left
    "5, 5, 18",
  })
  void isCutToTheKubernetesNameLimit(int rolloutLength, int stableLength, int expectedLength) {
    String rollout = "r".repeat(rolloutLength);
    String stable = "s".repeat(stableLength);
    String name = CanaryIngressBuilder.canaryName(rollout, stable);
    assertThat(name).hasSize(expectedLength).endsWith("-canary");
    assertThat(rollout + "-" + stable)
        .startsWith(name.substring(0, name.length() - "-canary".length()));
  }
}
