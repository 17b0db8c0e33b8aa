package dev.rollouts.cli.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON Patch (RFC 6902) of a JSON tree, written against the tree as it was read so that every
 * operation applies: {@link #set} adds the missing parents of a field, {@link #remove} removes only
 * what is there.
 *
 * <pre>{@code
 * JsonPatch.of(Map.of("status", status))
 *     .remove("status", "pauseConditions")
 *     .set(3, "status", "currentStepIndex")
 *     .toJson("1234");
 * // [{"op":"replace","path":"/metadata/resourceVersion","value":"1234"},
 * //  {"op":"remove","path":"/status/pauseConditions"},
 * //  {"op":"add","path":"/status/currentStepIndex","value":3}]
 * }</pre>
 *
 * <p>The {@code resourceVersion} operation makes the API server refuse the patch with 409 Conflict
 * if the object changed since it was read (a {@code test} operation would do the same, but
 * fabric8's in-process server does not survive a failing one).
 */
final class JsonPatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> tree;
  private final List<Map<String, Object>> operations = new ArrayList<>();

  private JsonPatch(Map<String, Object> tree) {
    this.tree = tree;
  }

  /** A patch of {@code tree}, the object as read. */
  static JsonPatch of(Map<String, Object> tree) {
    return new JsonPatch(tree);
  }

  /**
   * Sets the field at {@code path} to {@code value}: {@code add} at the first missing step, with
   * the rest of the path as nested objects. Segments of lists are indexes.
   */
  JsonPatch set(Object value, String... path) {
    Object node = tree;
    for (int i = 0; i < path.length; i++) {
      Optional<Object> child = child(node, path[i]);
      if (child.isEmpty() || i == path.length - 1) {
        operations.add(operation("add", pointer(path, i + 1), nest(value, path, i + 1)));
        return this;
      }
      node = child.get();
    }
    return this;
  }

  /** Removes the field at {@code path}, if it is there. */
  JsonPatch remove(String... path) {
    Object node = tree;
    for (String segment : path) {
      Optional<Object> child = child(node, segment);
      if (child.isEmpty()) {
        return this;
      }
      node = child.get();
    }
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("op", "remove");
    op.put("path", pointer(path, path.length));
    operations.add(op);
    return this;
  }

  /** Whether there is nothing to do. */
  boolean isEmpty() {
    return operations.isEmpty();
  }

  /** The patch as JSON, guarded by {@code resourceVersion}. */
  String toJson(String resourceVersion) {
    List<Map<String, Object>> all = new ArrayList<>();
    all.add(operation("replace", "/metadata/resourceVersion", resourceVersion));
    all.addAll(operations);
    try {
      return JSON.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of maps of JSON values is always JSON", e);
    }
  }

  private static Optional<Object> child(Object node, String segment) {
    if (node instanceof Map<?, ?> map) {
      return Optional.ofNullable(map.get(segment));
    }
    if (node instanceof List<?> list) {
      try {
        int index = Integer.parseInt(segment);
        return index >= 0 && index < list.size()
            ? Optional.ofNullable(list.get(index))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Object nest(Object value, String[] path, int from) {
    Object nested = value;
    for (int i = path.length - 1; i >= from; i--) {
      Map<String, Object> parent = new LinkedHashMap<>();
      parent.put(path[i], nested);
      nested = parent;
    }
    return nested;
  }

  private static Map<String, Object> operation(String op, String path, Object value) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("op", op);
    operation.put("path", path);
    operation.put("value", value);
    return operation;
  }

  /** A JSON Pointer (RFC 6901) of the first {@code length} segments. */
  private static String pointer(String[] path, int length) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < length; i++) {
      pointer.append('/').append(path[i].replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }
}
