package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The verbs on one resource path: get, list (paged, by label and field selector, as a Table when
 * asked), watch, create, update, patch (JSON, merge, strategic merge, server-side apply), delete
 * and deletecollection, on the main resource and its {@code status} and {@code scale} subresources.
 */
final class ResourceHandler {

  private final Resources resources;
  private final WatchStream watches;
  private final ObjectMapper json;
  private final YAMLMapper yaml = new YAMLMapper();

  ResourceHandler(Resources resources, WatchStream watches, ObjectMapper json) {
    this.resources = resources;
    this.watches = watches;
    this.json = json;
  }

  void handle(Request r, ResourceType type, String namespace, String name, String sub)
      throws IOException {
    if (sub != null
        && !(sub.equals("status") && type.status())
        && !(sub.equals("scale") && type.scale().isPresent())) {
      throw new ApiException(404, "NotFound", "the server could not find the requested resource");
    }
    boolean status = "status".equals(sub);
    boolean scale = "scale".equals(sub);
    switch (r.method()) {
      case "GET", "HEAD" -> {
        if (name != null) {
          ObjectNode o = resources.get(type, namespace, name);
          send(r, 200, scale ? Scales.of(type, o) : o, type);
        } else if (r.flag("watch")) {
          watches.serve(r, type, namespace, labels(r), fields(r), revision(r), wantsTable(r));
        } else {
          list(r, type, namespace);
        }
      }
      case "POST" -> {
        if (name != null) {
          throw ApiException.badRequest("a POST names no object");
        }
        send(r, 201, resources.create(type, namespace, object(r)), type);
      }
      case "PUT" -> {
        ObjectNode body = object(r);
        ObjectNode written =
            scale
                ? resources.update(
                    type, namespace, name, false, cur -> Scales.apply(type, cur, body))
                : resources.update(type, namespace, name, status, cur -> body);
        send(r, 200, scale ? Scales.of(type, written) : written, type);
      }
      case "PATCH" -> patch(r, type, namespace, name, status, scale);
      case "DELETE" -> {
        long grace = gracePeriod(r);
        if (name == null) {
          ArrayNode items = JsonNodeFactory.instance.arrayNode();
          for (ObjectNode o : resources.store().list(type, namespace, labels(r), fields(r))) {
            JsonNode m = o.path("metadata");
            items.add(
                resources.delete(
                    type, m.path("namespace").asText(null), m.path("name").asText(), grace));
          }
          ObjectNode list = listOf(type, items, resources.store().revision());
          send(r, 200, list, type);
        } else {
          if (orphan(r)) {
            Garbage.orphanDependents(resources, resources.get(type, namespace, name));
          }
          send(r, 200, resources.delete(type, namespace, name, grace), type);
        }
      }
      default ->
          throw new ApiException(
              405, "MethodNotAllowed", "method " + r.method() + " is not supported");
    }
  }

  private void patch(
      Request r, ResourceType type, String namespace, String name, boolean status, boolean scale)
      throws IOException {
    String contentType = r.header("Content-Type");
    String body = new String(r.body(), StandardCharsets.UTF_8);
    boolean custom = type.schema().isPresent() || !isBuiltInGroup(type.group());
    if (contentType.startsWith("application/apply-patch")) {
      JsonNode applied = yaml.readTree(body);
      if (resources.store().get(type, namespace, name) == null) {
        send(r, 201, resources.create(type, namespace, (ObjectNode) applied), type);
        return;
      }
      ObjectNode written =
          resources.update(
              type,
              namespace,
              name,
              status,
              cur ->
                  (ObjectNode)
                      (custom ? Patches.merge(cur, applied) : Patches.strategic(cur, applied)));
      send(r, 200, written, type);
      return;
    }
    JsonNode patch = json.readTree(body);
    java.util.function.UnaryOperator<JsonNode> op;
    if (contentType.startsWith("application/json-patch+json")) {
      op = cur -> Patches.json(cur, patch);
    } else if (contentType.startsWith("application/merge-patch+json")) {
      op = cur -> Patches.merge(cur, patch);
    } else if (contentType.startsWith("application/strategic-merge-patch+json")) {
      if (custom) {
        throw new ApiException(
            415,
            "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
      }
      op = cur -> Patches.strategic(cur, patch);
    } else {
      throw new ApiException(415, "UnsupportedMediaType", "unsupported patch type " + contentType);
    }
    if (scale) {
      ObjectNode written =
          resources.update(
              type,
              namespace,
              name,
              false,
              cur -> Scales.apply(type, cur, (ObjectNode) op.apply(Scales.of(type, cur))));
      send(r, 200, Scales.of(type, written), type);
      return;
    }
    ObjectNode written =
        resources.update(
            type,
            namespace,
            name,
            status,
            cur -> {
              JsonNode next = op.apply(cur);
              if (!next.isObject()) {
                throw ApiException.badRequest("the patch does not leave an object");
              }
              return (ObjectNode) next;
            });
    send(r, 200, written, type);
  }

  private static boolean isBuiltInGroup(String group) {
    return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
  }

  private void list(Request r, ResourceType type, String namespace) throws IOException {
    long rev = resources.store().revision();
    List<ObjectNode> all = resources.store().list(type, namespace, labels(r), fields(r));
    int from = 0;
    String next = null;
    if (r.query("continue").isPresent()) {
      from =
          Integer.parseInt(
              new String(
                  Base64.getUrlDecoder().decode(r.query("continue").get()),
                  StandardCharsets.UTF_8));
    }
    int limit = r.query("limit").map(Integer::parseInt).orElse(0);
    List<ObjectNode> page = all.subList(Math.min(from, all.size()), all.size());
    if (limit > 0 && page.size() > limit) {
      page = page.subList(0, limit);
      next =
          Base64.getUrlEncoder()
              .encodeToString(Integer.toString(from + limit).getBytes(StandardCharsets.UTF_8));
    }
    ObjectNode out;
    if (wantsTable(r)) {
      out = Tables.table(type, page, r.query("includeObject").orElse("Metadata"), Instant.now());
    } else {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      page.forEach(items::add);
      out = listOf(type, items, rev);
    }
    ObjectNode meta = Resources.metadata(out);
    meta.put("resourceVersion", Long.toString(rev));
    if (next != null) {
      meta.put("continue", next);
      meta.put("remainingItemCount", all.size() - from - page.size());
    }
    send(r, 200, out, type);
  }

  private static ObjectNode listOf(ResourceType type, ArrayNode items, long rev) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("kind", type.kind() + "List");
    list.put("apiVersion", type.apiVersion());
    list.putObject("metadata").put("resourceVersion", Long.toString(rev));
    list.set("items", items);
    return list;
  }

  private ObjectNode object(Request r) throws IOException {
    byte[] body = r.body();
    String contentType = r.header("Content-Type");
    JsonNode n =
        contentType.contains("protobuf")
            ? Protobuf.decode(body)
            : contentType.contains("yaml") ? yaml.readTree(body) : json.readTree(body);
    if (n == null || !n.isObject()) {
      throw ApiException.badRequest("the request body is not an object");
    }
    return (ObjectNode) n;
  }

  private void send(Request r, int code, JsonNode body, ResourceType type) throws IOException {
    r.respond(code, "application/json", json.writeValueAsBytes(body));
  }

  private static Selector labels(Request r) {
    return Selector.labels(r.query("labelSelector").orElse(""));
  }

  private static Selector fields(Request r) {
    return Selector.fields(r.query("fieldSelector").orElse(""));
  }

  private static long revision(Request r) {
    String rv = r.query("resourceVersion").orElse("0");
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resourceVersion " + rv);
    }
  }

  private static boolean wantsTable(Request r) {
    return r.header("Accept").contains("as=Table");
  }

  private long gracePeriod(Request r) throws IOException {
    if (r.query("gracePeriodSeconds").isPresent()) {
      return Long.parseLong(r.query("gracePeriodSeconds").get());
    }
    JsonNode options = deleteOptions(r);
    return options.path("gracePeriodSeconds").asLong(30);
  }

  private boolean orphan(Request r) throws IOException {
    String policy =
        r.query("propagationPolicy").orElse(deleteOptions(r).path("propagationPolicy").asText(""));
    return policy.equals("Orphan") || deleteOptions(r).path("orphanDependents").asBoolean(false);
  }

  private JsonNode deleteOptions(Request r) throws IOException {
    byte[] body = r.body();
    if (body.length == 0 || r.header("Content-Type").contains("protobuf")) {
      return JsonNodeFactory.instance.objectNode();
    }
    return json.readTree(body);
  }
}
