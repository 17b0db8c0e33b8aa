package dev.rollouts.kubernetes.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Argo Rollouts' ephemeral pod metadata ({@code activeMetadata}/{@code previewMetadata}, {@code
 * canaryMetadata}/{@code stableMetadata}): labels and annotations injected into a ReplicaSet's pod
 * template and its running pods while the ReplicaSet has a role, and recorded in the ReplicaSet's
 * {@value Annotations#EPHEMERAL_METADATA} annotation as JSON {@code
 * {"labels":{…},"annotations":{…}}} (keys sorted, empty maps left out, as Go's {@code json.Marshal}
 * writes Argo's {@code PodTemplateMetadata}), so that the next change removes exactly what was
 * injected.
 *
 * <p>The rule, for one ReplicaSet whose annotation records {@code R} and whose Decision asks for
 * {@code D}:
 *
 * <ol>
 *   <li>The template's own metadata is its labels and annotations without the entries of {@code R}
 *       (an entry counts when key and value match), as the template fingerprint ({@code
 *       PodTemplateHash.ofReplicaSet}) sees it.
 *   <li>What is injected, {@code I}, is {@code D} without the keys the template's own metadata
 *       sets: the pod template wins. (Argo overwrites such a key; here that would change the
 *       fingerprint, and the engine would take the ReplicaSet for another template.)
 *   <li>The template and each pod get: their metadata, minus the entries of {@code R}, plus {@code
 *       I}; the annotation records {@code I}, and is removed when {@code I} is empty.
 * </ol>
 *
 * <p>So the fingerprint of a ReplicaSet never changes through ephemeral metadata, and a label
 * somebody else set on a pod (an entry not in {@code R}) stays.
 *
 * <p>Example: template labels {@code {app: web, role: preview}}, annotation {@code
 * {"labels":{"role":"preview"}}}, {@code D} = labels {@code {role: active}} → template labels
 * {@code {app: web, role: active}}, annotation {@code {"labels":{"role":"active"}}}; the pods
 * labelled {@code role: preview} are relabelled {@code role: active}.
 */
final class EphemeralPodMetadata {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PodMetadata NONE = new PodMetadata(Map.of(), Map.of());

  private EphemeralPodMetadata() {}

  /**
   * What the {@value Annotations#EPHEMERAL_METADATA} annotation among {@code annotations} records:
   * the string entries of its {@code labels} and {@code annotations} objects; nothing when the
   * annotation is absent or not a JSON object.
   */
  static PodMetadata recorded(Map<String, String> annotations) {
    String json = annotations == null ? null : annotations.get(Annotations.EPHEMERAL_METADATA);
    if (json == null) {
      return NONE;
    }
    try {
      Object tree = JSON.readValue(json, Object.class);
      if (!(tree instanceof Map<?, ?> object)) {
        return NONE;
      }
      return new PodMetadata(strings(object.get("labels")), strings(object.get("annotations")));
    } catch (JsonProcessingException e) {
      return NONE;
    }
  }

  /** The value of the annotation that records {@code injected}; empty when nothing is injected. */
  static Optional<String> annotation(PodMetadata injected) {
    if (isEmpty(injected)) {
      return Optional.empty();
    }
    Map<String, Object> object = new LinkedHashMap<>();
    if (!injected.labels().isEmpty()) {
      object.put("labels", new TreeMap<>(injected.labels()));
    }
    if (!injected.annotations().isEmpty()) {
      object.put("annotations", new TreeMap<>(injected.annotations()));
    }
    try {
      return Optional.of(JSON.writeValueAsString(object));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("string maps always serialise", e);
    }
  }

  /**
   * {@code desired} without the keys the template's own metadata sets (its metadata without the
   * {@code recorded} entries): what is injected into a template whose annotation records {@code
   * recorded}.
   */
  static PodMetadata injectable(ObjectMeta template, PodMetadata recorded, PodMetadata desired) {
    Map<String, String> ownLabels = without(labels(template), recorded.labels());
    Map<String, String> ownAnnotations = without(annotations(template), recorded.annotations());
    return new PodMetadata(
        withoutKeys(desired.labels(), ownLabels),
        withoutKeys(desired.annotations(), ownAnnotations));
  }

  /**
   * Makes {@code metadata} (a template's or a pod's, changed in place) carry {@code injected}
   * instead of {@code recorded}: removes the entries of {@code recorded}, then adds {@code
   * injected}. Returns whether its labels or annotations changed.
   */
  static boolean replace(ObjectMeta metadata, PodMetadata recorded, PodMetadata injected) {
    Map<String, String> labels = without(labels(metadata), recorded.labels());
    labels.putAll(injected.labels());
    Map<String, String> annotations = without(annotations(metadata), recorded.annotations());
    annotations.putAll(injected.annotations());
    boolean labelsChanged = !labels.equals(labels(metadata));
    boolean annotationsChanged = !annotations.equals(annotations(metadata));
    if (labelsChanged) {
      metadata.setLabels(labels);
    }
    if (annotationsChanged) {
      metadata.setAnnotations(annotations);
    }
    return labelsChanged || annotationsChanged;
  }

  static boolean isEmpty(PodMetadata metadata) {
    return metadata.labels().isEmpty() && metadata.annotations().isEmpty();
  }

  private static Map<String, String> labels(ObjectMeta metadata) {
    return metadata.getLabels() == null ? Map.of() : metadata.getLabels();
  }

  private static Map<String, String> annotations(ObjectMeta metadata) {
    return metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
  }

  /** A copy of {@code map} without the entries of {@code entries} (same key, same value). */
  private static Map<String, String> without(Map<String, String> map, Map<String, String> entries) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    entries.forEach(copy::remove);
    return copy;
  }

  private static Map<String, String> withoutKeys(
      Map<String, String> map, Map<String, String> keys) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.keySet().removeAll(keys.keySet());
    return copy;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (k instanceof String key && v instanceof String string) {
              strings.put(key, string);
            }
          });
    }
    return strings;
  }
}
