package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.STABLE_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.onlyDesired;
import static dev.rollouts.traffic.nginx.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The annotations on a canary Ingress, and which source wins when two set the same key. */
class CanaryAnnotationsTest {

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  private Map<String, String> annotations(Map<String, Object> config, int weight) {
    return onlyDesired(router.plan(request(config, weight, Fixtures.stableIngress())))
        .annotations();
  }

  private static Map<String, Object> config(Object... keysAndValues) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("stableIngress", STABLE_INGRESS);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      config.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return config;
  }

  @Test
  void marksTheIngressAsCanaryWithTheWeightAskedFor() {
    assertThat(annotations(config(), 20))
        .containsOnly(
            entry("nginx.ingress.kubernetes.io/canary", "true"),
            entry("nginx.ingress.kubernetes.io/canary-weight", "20"),
            entry(
                NginxTrafficRouter.MANAGED_ANNOTATIONS,
                "nginx.ingress.kubernetes.io/canary,nginx.ingress.kubernetes.io/canary-weight"));
  }

  @ParameterizedTest(name = "additionalIngressAnnotations key {0} → {1}")
  @CsvSource({
    "canary-by-header, nginx.ingress.kubernetes.io/canary-by-header",
    "nginx.ingress.kubernetes.io/canary-by-header, nginx.ingress.kubernetes.io/canary-by-header",
    "load-balance, nginx.ingress.kubernetes.io/load-balance",
    // Argo tests for the prefix, not for the prefix and a slash:
    "nginx.ingress.kubernetes.io-odd, nginx.ingress.kubernetes.io-odd",
  })
  void prefixesAdditionalAnnotationKeysThatLackThePrefix(String key, String expected) {
    assertThat(annotations(config("additionalIngressAnnotations", Map.of(key, "v")), 20))
        .containsEntry(expected, "v");
  }

  @Test
  void usesTheConfiguredAnnotationPrefixForEveryAnnotationItSets() {
    Map<String, String> annotations =
        annotations(
            config(
                "annotationPrefix",
                "custom.example.com",
                "additionalIngressAnnotations",
                Map.of("canary-by-header", "X-Canary")),
            20);

    assertThat(annotations)
        .contains(
            entry("custom.example.com/canary-by-header", "X-Canary"),
            entry("custom.example.com/canary", "true"),
            entry("custom.example.com/canary-weight", "20"));
    assertThat(annotations).doesNotContainKey("nginx.ingress.kubernetes.io/canary");
  }

  @Test
  void setsCanaryIngressAnnotationsVerbatim() {
    assertThat(
            annotations(
                config(
                    "canaryIngressAnnotations", Map.of("example.com/team", "shop", "plain", "x")),
                20))
        .contains(entry("example.com/team", "shop"), entry("plain", "x"));
  }

  @Test
  void letsCanaryIngressAnnotationsWinOverAdditionalOnesAndTheWeightWinOverBoth() {
    Map<String, String> annotations =
        annotations(
            config(
                "additionalIngressAnnotations",
                    Map.of("load-balance", "ewma", "canary-weight", "99"),
                "canaryIngressAnnotations",
                    Map.of(
                        "nginx.ingress.kubernetes.io/load-balance", "round_robin",
                        "nginx.ingress.kubernetes.io/canary", "false")),
            20);

    assertThat(annotations)
        .contains(
            entry("nginx.ingress.kubernetes.io/load-balance", "round_robin"),
            entry("nginx.ingress.kubernetes.io/canary", "true"),
            entry("nginx.ingress.kubernetes.io/canary-weight", "20"));
  }

  @Test
  void letsAdditionalAnnotationsOverrideTheCopiedIngressClass() {
    Manifest stable =
        Fixtures.annotated(Fixtures.stableIngress(), "kubernetes.io/ingress.class", "nginx");
    Map<String, Object> config =
        config("canaryIngressAnnotations", Map.of("kubernetes.io/ingress.class", "nginx-canary"));

    assertThat(onlyDesired(router.plan(request(config, 5, stable))).annotations())
        .containsEntry("kubernetes.io/ingress.class", "nginx-canary");
  }

  @Test
  void setsTheWeightTotalOnlyWhenMaxTrafficWeightIsSet() {
    RoutingRequest withTotal =
        RoutingRequest.builder()
            .from(request(250, Fixtures.stableIngress()))
            .maxTrafficWeight(1000)
            .build();

    assertThat(onlyDesired(router.plan(withTotal)).annotations())
        .contains(
            entry("nginx.ingress.kubernetes.io/canary-weight", "250"),
            entry("nginx.ingress.kubernetes.io/canary-weight-total", "1000"));
    assertThat(annotations(config(), 20))
        .doesNotContainKey("nginx.ingress.kubernetes.io/canary-weight-total");
  }

  @Test
  void writesBooleanAndNumberValuesAsText() {
    assertThat(
            annotations(
                config(
                    "additionalIngressAnnotations",
                    Map.of("ssl-redirect", false, "canary-by-cookie-x", 3)),
                1))
        .contains(
            entry("nginx.ingress.kubernetes.io/ssl-redirect", "false"),
            entry("nginx.ingress.kubernetes.io/canary-by-cookie-x", "3"));
  }

  @Test
  void keepsTheCanaryIngressAtWeightZeroRatherThanRemovingIt() {
    assertThat(annotations(config(), 0))
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "0");
  }
}
