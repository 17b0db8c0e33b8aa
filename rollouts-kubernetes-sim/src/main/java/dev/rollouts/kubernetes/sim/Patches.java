package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The three patch formats of {@code PATCH}, and the merge server-side apply uses.
 *
 * <ul>
 *   <li>JSON patch (RFC 6902, {@code application/json-patch+json});
 *   <li>JSON merge patch (RFC 7386, {@code application/merge-patch+json}): maps merge, {@code null}
 *       removes a key, anything else replaces;
 *   <li>strategic merge patch ({@code application/strategic-merge-patch+json}), built-in kinds
 *       only: as a merge patch, except that lists of objects with a merge key (containers and
 *       volumes by {@code name}, container ports by {@code containerPort}, Service ports by {@code
 *       port}, conditions by {@code type} …) merge element by element, {@code $patch: delete}
 *       removes an element, {@code $patch: replace} replaces a map, and the {@code
 *       $setElementOrder/…}, {@code $retainKeys} and {@code $deleteFromPrimitiveList/…} directives
 *       kubectl sends are honoured or dropped.
 * </ul>
 */
final class Patches {

  private Patches() {}

  /** The merge key of a list field, by the field's name, as the Kubernetes types declare it. */
  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("env", "name"),
          Map.entry("volumes", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("conditions", "type"),
          Map.entry("ownerReferences", "uid"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"),
          Map.entry("resourceClaims", "name"));

  /** Container ports merge by containerPort, Service ports by port; other lists by name. */
  private static String mergeKey(String field, JsonNode patch) {
    if (field.equals("ports")) {
      return patch.size() > 0 && patch.get(0).has("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  static JsonNode json(JsonNode target, JsonNode patch) {
    try {
      return JsonPatch.apply(patch, target);
    } catch (JsonPatchException e) {
      throw new ApiException(422, "Invalid", "the JSON patch cannot be applied: " + e.getMessage());
    }
  }

  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode out =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    patch
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                out.remove(e.getKey());
              } else {
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
              }
            });
    return out;
  }

  static JsonNode strategic(JsonNode target, JsonNode patch) {
    return strategicMap(target, patch);
  }

  private static JsonNode strategicMap(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    if ("replace".equals(patch.path("$patch").asText())) {
      ObjectNode copy = ((ObjectNode) patch).deepCopy();
      copy.remove("$patch");
      return stripDirectives(copy);
    }
    ObjectNode out =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("$setElementOrder/")
          || key.equals("$retainKeys")
          || key.equals("$patch")) {
        continue;
      }
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        String field = key.substring(key.indexOf('/') + 1);
        JsonNode existing = out.get(field);
        if (existing != null && existing.isArray()) {
          ArrayNode kept = JsonNodeFactory.instance.arrayNode();
          existing.forEach(
              x -> {
                boolean drop = false;
                for (JsonNode d : value) {
                  drop |= d.equals(x);
                }
                if (!drop) {
                  kept.add(x);
                }
              });
          out.set(field, kept);
        }
        continue;
      }
      if (value.isNull()) {
        out.remove(key);
      } else if (value.isArray() && mergeKey(key, value) != null && out.path(key).isArray()) {
        out.set(key, mergeList((ArrayNode) out.get(key), (ArrayNode) value, mergeKey(key, value)));
      } else if (value.isObject()) {
        out.set(key, strategicMap(out.get(key), value));
      } else {
        out.set(key, stripDirectives(value.deepCopy()));
      }
    }
    return out;
  }

  private static ArrayNode mergeList(ArrayNode target, ArrayNode patch, String mergeKey) {
    List<JsonNode> out = new ArrayList<>();
    target.forEach(out::add);
    for (JsonNode p : patch) {
      if (!p.isObject() || !p.has(mergeKey)) {
        out.add(stripDirectives(p.deepCopy()));
        continue;
      }
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (p.get(mergeKey).equals(out.get(i).get(mergeKey))) {
          at = i;
        }
      }
      boolean delete = "delete".equals(p.path("$patch").asText());
      if (delete) {
        if (at >= 0) {
          out.remove(at);
        }
      } else if (at >= 0) {
        out.set(at, strategicMap(out.get(at), p));
      } else {
        out.add(strategicMap(null, p));
      }
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    out.forEach(array::add);
    return array;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> drop = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              n -> {
                if (n.startsWith("$")) {
                  drop.add(n);
                }
              });
      o.remove(drop);
      o.forEach(Patches::stripDirectives);
    } else if (node.isArray()) {
      node.forEach(Patches::stripDirectives);
    }
    return node;
  }
}
