package dev.rollouts.kubernetes.it;

import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rollouts and the objects around them, as a user would write them. */
final class Manifests {

  private Manifests() {}

  /** {@code setWeight: weight}. */
  static Map<String, Object> setWeight(int weight) {
    return Map.of("setWeight", weight);
  }

  /** {@code pause: {}}. */
  static Map<String, Object> pause() {
    return Map.of("pause", Map.of());
  }

  /** {@code pause: {duration: duration}}, e.g. {@code "10s"}. */
  static Map<String, Object> pause(String duration) {
    return Map.of("pause", Map.of("duration", duration));
  }

  /** A canary Rollout of {@code app=name} pods running {@code image}. */
  static RolloutResource canary(
      String namespace, String name, int replicas, String image, Map<String, Object> canary) {
    return rollout(namespace, name, replicas, image, Map.of("canary", canary));
  }

  /** A blue-green Rollout of {@code app=name} pods running {@code image}. */
  static RolloutResource blueGreen(
      String namespace, String name, int replicas, String image, Map<String, Object> blueGreen) {
    return rollout(namespace, name, replicas, image, Map.of("blueGreen", blueGreen));
  }

  static RolloutResource rollout(
      String namespace, String name, int replicas, String image, Map<String, Object> strategy) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", replicas);
    spec.put("revisionHistoryLimit", 2);
    spec.put("selector", Map.of("matchLabels", Map.of("app", name)));
    spec.put(
        "template",
        Map.of(
            "metadata", Map.of("labels", Map.of("app", name)),
            "spec",
                Map.of(
                    "containers",
                    List.of(
                        Map.of(
                            "name",
                            "app",
                            "image",
                            image,
                            "ports",
                            List.of(Map.of("containerPort", 8080)))))));
    spec.put("strategy", strategy);
    return RolloutResource.of(
        new ObjectMetaBuilder().withNamespace(namespace).withName(name).build(), spec);
  }

  /** A Service selecting {@code app=app}. */
  static Service service(String namespace, String name, String app) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", app)
        .addNewPort()
        .withPort(80)
        .withNewTargetPort(8080)
        .endPort()
        .endSpec()
        .build();
  }

  /** An Ingress routing {@code host} to {@code service}. */
  static Ingress ingress(String namespace, String name, String host, String service) {
    return new IngressBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToAnnotations("kubernetes.io/ingress.class", "nginx")
        .endMetadata()
        .withNewSpec()
        .withIngressClassName("nginx")
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(service)
        .withNewPort()
        .withNumber(80)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
