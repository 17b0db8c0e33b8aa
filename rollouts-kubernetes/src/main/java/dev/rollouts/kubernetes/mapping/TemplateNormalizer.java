package dev.rollouts.kubernetes.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a pod template to the form in which a template as written in a Rollout and the same
 * template as the API server stores it in a ReplicaSet are equal. See {@link PodTemplateHash} for
 * the rules.
 */
final class TemplateNormalizer {

  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");
  private static final Set<String> PROBES =
      Set.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final Map<String, Object> POD_SPEC_DEFAULTS =
      Map.of(
          "restartPolicy", "Always",
          "dnsPolicy", "ClusterFirst",
          "terminationGracePeriodSeconds", 30,
          "schedulerName", "default-scheduler");
  private static final Map<String, Object> CONTAINER_DEFAULTS =
      Map.of(
          "terminationMessagePath", "/dev/termination-log",
          "terminationMessagePolicy", "File");
  private static final Map<String, Object> PROBE_DEFAULTS =
      Map.of(
          "timeoutSeconds", 1, "periodSeconds", 10, "successThreshold", 1, "failureThreshold", 3);
  private static final int DEFAULT_FILE_MODE = 420; // 0644
  private static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

  private TemplateNormalizer() {}

  /** A normalised deep copy of {@code template}. */
  static Map<String, Object> normalize(Map<String, ?> template) {
    Map<String, Object> copy = copy(template);
    map(copy, "metadata").ifPresent(TemplateNormalizer::normalizeMetadata);
    map(copy, "spec").ifPresent(TemplateNormalizer::normalizePodSpec);
    return pruneEmpty(copy, false);
  }

  private static void normalizeMetadata(Map<String, Object> metadata) {
    map(metadata, "labels").ifPresent(labels -> labels.remove(Annotations.POD_TEMPLATE_HASH_LABEL));
  }

  private static void normalizePodSpec(Map<String, Object> spec) {
    removeDefaults(spec, POD_SPEC_DEFAULTS);
    Object deprecated = spec.remove("serviceAccount");
    if (deprecated != null && !spec.containsKey("serviceAccountName")) {
      spec.put("serviceAccountName", deprecated);
    }
    for (String list : CONTAINER_LISTS) {
      maps(spec, list).forEach(TemplateNormalizer::normalizeContainer);
    }
    maps(spec, "volumes").forEach(TemplateNormalizer::normalizeVolume);
    map(spec, "affinity")
        .flatMap(a -> map(a, "podAntiAffinity"))
        .ifPresent(TemplateNormalizer::removeInjectedAntiAffinity);
  }

  private static void normalizeContainer(Map<String, Object> container) {
    removeDefaults(container, CONTAINER_DEFAULTS);
    if (container.get("image") instanceof String image
        && defaultPullPolicy(image).equals(container.get("imagePullPolicy"))) {
      container.remove("imagePullPolicy");
    }
    maps(container, "ports").forEach(port -> removeDefault(port, "protocol", "TCP"));
    for (String probe : PROBES) {
      map(container, probe).ifPresent(TemplateNormalizer::normalizeHandlerAndProbe);
    }
    map(container, "lifecycle")
        .ifPresent(
            lifecycle -> {
              map(lifecycle, "postStart").ifPresent(TemplateNormalizer::normalizeHandlerAndProbe);
              map(lifecycle, "preStop").ifPresent(TemplateNormalizer::normalizeHandlerAndProbe);
            });
    maps(container, "env")
        .forEach(
            env ->
                map(env, "valueFrom")
                    .flatMap(v -> map(v, "fieldRef"))
                    .ifPresent(TemplateNormalizer::normalizeFieldRef));
    map(container, "resources")
        .ifPresent(
            resources -> {
              map(resources, "limits").ifPresent(TemplateNormalizer::normalizeQuantities);
              map(resources, "requests").ifPresent(TemplateNormalizer::normalizeQuantities);
            });
  }

  private static void normalizeHandlerAndProbe(Map<String, Object> probe) {
    removeDefaults(probe, PROBE_DEFAULTS);
    map(probe, "httpGet").ifPresent(get -> removeDefault(get, "scheme", "HTTP"));
  }

  private static void normalizeVolume(Map<String, Object> volume) {
    for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
      map(volume, source).ifPresent(s -> removeDefault(s, "defaultMode", DEFAULT_FILE_MODE));
    }
    map(volume, "downwardAPI").ifPresent(TemplateNormalizer::normalizeDownwardApiItems);
    map(volume, "projected")
        .ifPresent(
            projected ->
                maps(projected, "sources")
                    .forEach(
                        source -> {
                          map(source, "downwardAPI")
                              .ifPresent(TemplateNormalizer::normalizeDownwardApiItems);
                          map(source, "serviceAccountToken")
                              .ifPresent(t -> removeDefault(t, "expirationSeconds", 3600));
                        }));
    map(volume, "hostPath").ifPresent(hostPath -> removeDefault(hostPath, "type", ""));
    map(volume, "emptyDir").ifPresent(emptyDir -> normalizeQuantity(emptyDir, "sizeLimit"));
  }

  private static void normalizeDownwardApiItems(Map<String, Object> downwardApi) {
    maps(downwardApi, "items")
        .forEach(item -> map(item, "fieldRef").ifPresent(TemplateNormalizer::normalizeFieldRef));
  }

  private static void normalizeFieldRef(Map<String, Object> fieldRef) {
    removeDefault(fieldRef, "apiVersion", "v1");
  }

  private static void normalizeQuantities(Map<String, Object> resources) {
    for (String name : List.copyOf(resources.keySet())) {
      normalizeQuantity(resources, name);
    }
  }

  private static void normalizeQuantity(Map<String, Object> owner, String key) {
    Object value = owner.get(key);
    if (value != null) {
      Quantities.canonical(value).ifPresent(canonical -> owner.put(key, canonical));
    }
  }

  /**
   * Removes the anti-affinity terms Argo Rollouts (and this library) add to a new ReplicaSet to
   * keep it off the stable pods' nodes: terms that select pods by {@value
   * Annotations#POD_TEMPLATE_HASH_LABEL}.
   */
  private static void removeInjectedAntiAffinity(Map<String, Object> podAntiAffinity) {
    if (podAntiAffinity.get("requiredDuringSchedulingIgnoredDuringExecution")
        instanceof List<?> required) {
      required.removeIf(TemplateNormalizer::selectsByPodTemplateHash);
    }
    if (podAntiAffinity.get("preferredDuringSchedulingIgnoredDuringExecution")
        instanceof List<?> preferred) {
      preferred.removeIf(
          term ->
              term instanceof Map<?, ?> weighted
                  && selectsByPodTemplateHash(weighted.get("podAffinityTerm")));
    }
  }

  private static boolean selectsByPodTemplateHash(Object term) {
    if (!(term instanceof Map<?, ?> affinityTerm)
        || !HOSTNAME_TOPOLOGY.equals(affinityTerm.get("topologyKey"))
        || !(affinityTerm.get("labelSelector") instanceof Map<?, ?> selector)
        || !(selector.get("matchExpressions") instanceof List<?> expressions)) {
      return false;
    }
    return expressions.stream()
        .anyMatch(
            e ->
                e instanceof Map<?, ?> r
                    && Annotations.POD_TEMPLATE_HASH_LABEL.equals(r.get("key")));
  }

  /** The pull policy the API server gives a container that names none. */
  static String defaultPullPolicy(String image) {
    if (image.contains("@")) {
      return "IfNotPresent";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    boolean tagged = colon > slash;
    return !tagged || image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
  }

  /**
   * Drops nulls, empty lists and empty objects, innermost first; an empty object that is a volume
   * source ({@code emptyDir: {}}) is kept, because there it means something.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> pruneEmpty(Map<String, Object> map, boolean volume) {
    Map<String, Object> pruned = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          Object kept = prune(value, "volumes".equals(key));
          boolean emptyMap = kept instanceof Map<?, ?> m && m.isEmpty();
          boolean emptyList = kept instanceof List<?> l && l.isEmpty();
          if (kept != null && !emptyList && (!emptyMap || volume)) {
            pruned.put(key, kept);
          }
        });
    return pruned;
  }

  @SuppressWarnings("unchecked")
  private static Object prune(Object value, boolean volumes) {
    if (value instanceof Map<?, ?> map) {
      return pruneEmpty((Map<String, Object>) map, false);
    }
    if (value instanceof List<?> list) {
      List<Object> pruned = new ArrayList<>(list.size());
      for (Object item : list) {
        Object kept =
            item instanceof Map<?, ?> m
                ? pruneEmpty((Map<String, Object>) m, volumes)
                : prune(item, false);
        if (kept != null) {
          pruned.add(kept);
        }
      }
      return pruned;
    }
    return value;
  }

  private static void removeDefaults(Map<String, Object> owner, Map<String, Object> defaults) {
    defaults.forEach((key, value) -> removeDefault(owner, key, value));
  }

  private static void removeDefault(Map<String, Object> owner, String key, Object defaultValue) {
    Object value = owner.get(key);
    if (value instanceof Number n && defaultValue instanceof Number d) {
      if (n.doubleValue() == d.doubleValue()) {
        owner.remove(key);
      }
    } else if (Objects.equals(value, defaultValue)) {
      owner.remove(key);
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> map(Map<String, Object> owner, String key) {
    return owner.get(key) instanceof Map<?, ?> m
        ? Optional.of((Map<String, Object>) m)
        : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Map<String, Object> owner, String key) {
    if (!(owner.get(key) instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, copyValue(v)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return copy((Map<String, ?>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(copyValue(v)));
      return copy;
    }
    return value;
  }
}
