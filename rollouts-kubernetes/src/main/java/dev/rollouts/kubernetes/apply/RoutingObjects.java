package dev.rollouts.kubernetes.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** Routing objects a traffic router wants, compared with and written over what exists. */
final class RoutingObjects {

  private static final List<String> OWNED_METADATA =
      List.of("labels", "annotations", "ownerReferences");

  private RoutingObjects() {}

  /**
   * Whether {@code current} differs from {@code desired} in what the router owns: every top-level
   * field the desired object has (except {@code metadata} and {@code status}), and its labels,
   * annotations and owner references.
   */
  static boolean differs(
      KubernetesSerialization serialization, HasMetadata current, HasMetadata desired) {
    JsonNode have = serialization.unmarshal(serialization.asJson(current), JsonNode.class);
    JsonNode want = serialization.unmarshal(serialization.asJson(desired), JsonNode.class);
    for (Iterator<String> fields = want.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (field.equals("metadata") || field.equals("status")) {
        continue;
      }
      if (!Objects.equals(want.get(field), have.get(field))) {
        return true;
      }
    }
    for (String field : OWNED_METADATA) {
      if (!Objects.equals(
          emptyToNull(want.path("metadata").get(field)),
          emptyToNull(have.path("metadata").get(field)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code desired}, to be written in place of {@code current}: with its {@code resourceVersion}
   * (so a concurrent change fails with 409) and the finalizers others put on it.
   */
  static HasMetadata replacementOf(HasMetadata current, HasMetadata desired) {
    desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
    if (desired.getMetadata().getFinalizers().isEmpty()) {
      desired.getMetadata().setFinalizers(current.getMetadata().getFinalizers());
    }
    return desired;
  }

  private static JsonNode emptyToNull(JsonNode node) {
    if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
      return null;
    }
    return node;
  }
}
