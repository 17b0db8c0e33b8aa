package dev.rollouts.traffic.nginx;

import dev.rollouts.core.Trees;
import dev.rollouts.core.traffic.Manifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading Ingress manifests leniently: a malformed field reads as absent, never as an error. */
final class Ingresses {

  private Ingresses() {}

  /** {@code metadata.annotations}, every value as text. */
  static Map<String, String> annotations(Manifest ingress) {
    Map<String, String> annotations = new LinkedHashMap<>();
    Trees.map(ingress.metadata(), "annotations")
        .ifPresent(map -> map.forEach((key, value) -> annotations.put(key, String.valueOf(value))));
    return annotations;
  }

  /** The annotation {@code key} as a whole number, if it is one. */
  static Optional<Integer> intAnnotation(Manifest ingress, String key) {
    String value = annotations(ingress).get(key);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
