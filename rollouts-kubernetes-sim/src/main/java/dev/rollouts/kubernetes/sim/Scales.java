package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1} Scale read from and written to the
 * object's replica paths.
 */
final class Scales {

  private Scales() {}

  static ObjectNode of(ResourceType type, ObjectNode o) {
    ResourceType.Scale s = type.scale().orElseThrow();
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    for (String f :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (o.path("metadata").has(f)) {
        meta.set(f, o.path("metadata").get(f));
      }
    }
    scale.putObject("spec").put("replicas", Tables.path(o, s.specReplicasPath()).asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", Tables.path(o, s.statusReplicasPath()).asInt(0));
    JsonNode selector =
        s.labelSelectorPath().isEmpty() ? null : Tables.path(o, s.labelSelectorPath());
    if (selector != null && selector.isTextual()) {
      status.put("selector", selector.asText());
    } else if (o.path("spec").path("selector").path("matchLabels").size() > 0) {
      status.put("selector", Cells.pairs(o.path("spec").path("selector").path("matchLabels")));
    }
    return scale;
  }

  /** The object with its desired replicas set from {@code scale}. */
  static ObjectNode apply(ResourceType type, ObjectNode current, ObjectNode scale) {
    String[] path = type.scale().orElseThrow().specReplicasPath().substring(1).split("\\.");
    ObjectNode at = current;
    for (int i = 0; i < path.length - 1; i++) {
      at = (ObjectNode) at.with(path[i]);
    }
    at.put(path[path.length - 1], scale.path("spec").path("replicas").asInt());
    JsonNode rv = scale.path("metadata").path("resourceVersion");
    if (rv.isTextual()) {
      Resources.metadata(current).put("resourceVersion", rv.asText());
    }
    return current;
  }
}
