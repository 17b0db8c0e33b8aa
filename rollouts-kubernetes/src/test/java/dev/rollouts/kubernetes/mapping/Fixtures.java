package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.spec.Rollout;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs: YAML from the class path or inline. */
final class Fixtures {

  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/mapping/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RolloutResource resourceOf(String yaml) {
    return StateFile.parse(yaml).rollout();
  }

  static Rollout rolloutOf(String yaml) {
    return RolloutMapper.toRollout(resourceOf(yaml));
  }

  /** A minimal valid canary Rollout with {@code canaryBody} indented under {@code canary:}. */
  static String canary(String canaryBody) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: web
      namespace: default
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers: [{name: web, image: "nginx:1.25"}]
      strategy:
        canary:
    """
        + canaryBody
            .stripIndent()
            .lines()
            .map(l -> "      " + l)
            .reduce("", (a, b) -> a + b + "\n");
  }
}
