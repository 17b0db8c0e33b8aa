package dev.rollouts.traffic.nginx;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which annotations on a canary Ingress are this router's, so that ours that are no longer wanted
 * are removed while those other controllers added are kept.
 *
 * <p>The router records the keys it set in the annotation {@value #KEY}: a comma-separated, sorted
 * list ({@code kubernetes.io/ingress.class,nginx.ingress.kubernetes.io/canary,…}). Annotation keys
 * cannot contain commas. On the next plan, an observed annotation is kept when its key is not in
 * that list; ours are then set anew.
 *
 * <p>A canary Ingress the Rollout controls but without the list was made by Argo Rollouts: every
 * annotation Argo sets is under the annotation prefix or is {@code kubernetes.io/ingress.class}, so
 * those are taken to be ours, once; from then on the list says.
 */
final class ManagedAnnotations {

  /** The annotation listing the keys this router set. */
  static final String KEY = "rollouts.dev/managed-annotations";

  private ManagedAnnotations() {}

  /**
   * The annotations a canary Ingress should carry: the {@code observed} ones that are not ours,
   * then {@code ours}, then {@value #KEY} listing the keys of {@code ours}.
   *
   * <p>Example: observed {@code {a: 1, p/x: 2, KEY: "p/x"}}, ours {@code {p/canary: "true"}} →
   * {@code {a: 1, p/canary: "true", KEY: "p/canary"}}.
   */
  static Map<String, String> merge(
      Map<String, String> observed, Map<String, String> ours, String prefix) {
    Set<String> previous = previouslyOurs(observed, prefix);
    Map<String, String> merged = new TreeMap<>();
    observed.forEach(
        (key, value) -> {
          if (!key.equals(KEY) && !previous.contains(key)) {
            merged.put(key, value);
          }
        });
    merged.putAll(ours);
    merged.put(KEY, new TreeMap<>(ours).keySet().stream().collect(Collectors.joining(",")));
    return merged;
  }

  /** The keys of {@code observed} this router set last time. */
  static Set<String> previouslyOurs(Map<String, String> observed, String prefix) {
    String recorded = observed.get(KEY);
    if (recorded != null) {
      return Arrays.stream(recorded.split(","))
          .map(String::trim)
          .filter(k -> !k.isEmpty())
          .collect(Collectors.toSet());
    }
    return observed.keySet().stream()
        .filter(k -> k.startsWith(prefix + "/") || k.equals(CanaryAnnotations.INGRESS_CLASS))
        .collect(Collectors.toSet());
  }
}
