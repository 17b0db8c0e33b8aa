package dev.rollouts.traffic.nginx;

import dev.rollouts.core.Trees;
import dev.rollouts.core.traffic.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who controls a canary Ingress, and the owner references that make it the Rollout's.
 *
 * <p>A canary Ingress is the Rollout's when its controller reference (the owner reference with
 * {@code controller: true}) names the Rollout: kind {@code Rollout} in group {@code argoproj.io},
 * its name, and its uid when both sides have one. An existing Ingress with any other controller, or
 * none, is someone else's and is never changed (Argo's rule too: it adopts nothing).
 */
final class Ownership {

  static final String ROLLOUT_API_VERSION = "argoproj.io/v1alpha1";
  static final String ROLLOUT_KIND = "Rollout";

  private Ownership() {}

  /**
   * Why {@code ingress} is not the Rollout's to change, as a sentence; empty when it is.
   *
   * <p>Example: controlled by {@code Deployment web} → {@code "is controlled by Deployment web, not
   * by Rollout app, so the Rollout leaves it as it is and shifts no traffic"}.
   */
  static Optional<String> notOurs(
      Manifest ingress, String rolloutName, Optional<String> rolloutUid) {
    Optional<Map<String, Object>> controller =
        references(ingress).stream()
            .filter(r -> Boolean.TRUE.equals(r.get("controller")))
            .findFirst();
    if (controller.isEmpty()) {
      return Optional.of(
          "exists but has no controller, so Rollout "
              + rolloutName
              + " leaves it as it is; delete it, or rename the stable Ingress, to let the Rollout"
              + " create its canary Ingress");
    }
    Map<String, Object> ref = controller.get();
    if (isRollout(ref, rolloutName) && sameUid(ref, rolloutUid)) {
      return Optional.empty();
    }
    String owner =
        Trees.string(ref, "kind").orElse("an object")
            + " "
            + Trees.string(ref, "name").orElse("")
            + (isRollout(ref, rolloutName)
                ? " (uid " + Trees.string(ref, "uid").orElse("") + ")"
                : "");
    return Optional.of(
        "is controlled by "
            + owner.strip()
            + ", not by Rollout "
            + rolloutName
            + ", so the Rollout leaves it as it is and shifts no traffic");
  }

  /**
   * The owner references of the canary Ingress: the Rollout as controller (blocking deletion, so
   * the Ingress goes when the Rollout does), then every other owner {@code observed} already had
   * that is not a controller.
   */
  static List<Object> ownerReferences(
      Optional<Manifest> observed, String rolloutName, Optional<String> rolloutUid) {
    Map<String, Object> ours = new LinkedHashMap<>();
    ours.put("apiVersion", ROLLOUT_API_VERSION);
    ours.put("kind", ROLLOUT_KIND);
    ours.put("name", rolloutName);
    rolloutUid.ifPresent(uid -> ours.put("uid", uid));
    ours.put("controller", true);
    ours.put("blockOwnerDeletion", true);
    List<Object> references = new ArrayList<>();
    references.add(ours);
    observed.map(Ownership::references).orElse(List.of()).stream()
        .filter(r -> !Boolean.TRUE.equals(r.get("controller")) && !isRollout(r, rolloutName))
        .forEach(references::add);
    return references;
  }

  private static boolean isRollout(Map<String, Object> ref, String rolloutName) {
    return Trees.string(ref, "kind").filter(ROLLOUT_KIND::equals).isPresent()
        && Trees.string(ref, "apiVersion").filter(v -> v.startsWith("argoproj.io/")).isPresent()
        && Trees.string(ref, "name").filter(rolloutName::equals).isPresent();
  }

  private static boolean sameUid(Map<String, Object> ref, Optional<String> rolloutUid) {
    Optional<String> uid = Trees.string(ref, "uid");
    return uid.isEmpty() || rolloutUid.isEmpty() || uid.equals(rolloutUid);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> references(Manifest ingress) {
    List<Map<String, Object>> references = new ArrayList<>();
    for (Object ref : Trees.list(ingress.metadata(), "ownerReferences")) {
      if (ref instanceof Map<?, ?> map) {
        references.add((Map<String, Object>) map);
      }
    }
    return references;
  }
}
