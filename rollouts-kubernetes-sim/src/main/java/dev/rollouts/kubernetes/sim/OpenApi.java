package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The OpenAPI documents kubectl reads.
 *
 * <ul>
 *   <li>{@code /openapi/v3}: the index of group versions, and for each ({@code
 *       /openapi/v3/apis/GROUP/VERSION}) a document whose PATCH operations carry the {@code
 *       fieldValidation} parameter and the {@code x-kubernetes-group-version-kind} of their kind
 *       (so {@code kubectl apply} validates on the server rather than asking for a schema), and the
 *       schemas of custom resources from their CRD (so {@code kubectl explain rollout.spec} works).
 *       Built-in kinds have no schema here: {@code kubectl explain pod} does not work.
 *   <li>{@code /openapi/v2}: a JSON Swagger document with the same custom resource schemas (kubectl
 *       asks for protobuf, gets JSON, and falls back to its built-in knowledge).
 * </ul>
 */
final class OpenApi {

  private final Registry registry;

  OpenApi(Registry registry) {
    this.registry = registry;
  }

  void serve(Request r, ObjectMapper json) throws IOException {
    List<String> s = r.segments();
    JsonNode doc;
    if (s.size() == 2 && s.get(1).equals("v2")) {
      doc = v2();
    } else if (s.size() == 2 && s.get(1).equals("v3")) {
      doc = v3Index();
    } else if (s.size() >= 4 && s.get(1).equals("v3")) {
      String apiVersion =
          s.get(2).equals("api") ? s.get(3) : String.join("/", s.subList(3, s.size()));
      doc = v3(apiVersion);
    } else {
      throw new ApiException(404, "NotFound", "the server could not find the requested resource");
    }
    r.respond(200, "application/json", json.writeValueAsBytes(doc));
  }

  private JsonNode v3Index() {
    ObjectNode root = obj();
    ObjectNode paths = root.putObject("paths");
    for (var group : registry.groups().entrySet()) {
      for (String version : group.getValue()) {
        String key =
            group.getKey().isEmpty() ? "api/" + version : "apis/" + group.getKey() + "/" + version;
        String apiVersion = group.getKey().isEmpty() ? version : group.getKey() + "/" + version;
        paths
            .putObject(key)
            .put(
                "serverRelativeURL",
                "/openapi/v3/" + key + "?hash=" + Integer.toHexString(v3(apiVersion).hashCode()));
      }
    }
    return root;
  }

  private ObjectNode v3(String apiVersion) {
    List<ResourceType> types = registry.inGroupVersion(apiVersion);
    if (types.isEmpty()) {
      throw new ApiException(404, "NotFound", "the server could not find the requested resource");
    }
    ObjectNode doc = obj();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    for (ResourceType t : types) {
      String path =
          t.prefix() + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural() + "/{name}";
      ObjectNode item = paths.putObject(path);
      for (String verb : List.of("get", "put", "patch", "delete")) {
        ObjectNode op = item.putObject(verb);
        op.put("operationId", verb + t.kind());
        gvk(op.putObject("x-kubernetes-group-version-kind"), t);
        if (verb.equals("patch") || verb.equals("put")) {
          ObjectNode p = op.putArray("parameters").addObject();
          p.put("name", "fieldValidation");
          p.put("in", "query");
          p.putObject("schema").put("type", "string").put("uniqueItems", true);
        }
        op.putObject("responses").putObject("200").put("description", "OK");
      }
      t.schema().ifPresent(schema -> schemas.set(schemaName(t), withGvk(schema, t)));
    }
    return doc;
  }

  private JsonNode v2() {
    ObjectNode doc = obj();
    doc.put("swagger", "2.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    doc.putObject("paths");
    ObjectNode definitions = doc.putObject("definitions");
    for (ResourceType t : registry.all()) {
      t.schema().ifPresent(schema -> definitions.set(schemaName(t), withGvk(schema, t)));
    }
    return doc;
  }

  private static ObjectNode withGvk(JsonNode schema, ResourceType t) {
    ObjectNode s = ((ObjectNode) schema).deepCopy();
    ObjectNode props = (ObjectNode) s.with("properties");
    props
        .putObject("apiVersion")
        .put("type", "string")
        .put(
            "description",
            "APIVersion defines the versioned schema of this representation of an object.");
    props
        .putObject("kind")
        .put("type", "string")
        .put(
            "description",
            "Kind is a string value representing the REST resource this object represents.");
    props
        .putObject("metadata")
        .put("type", "object")
        .put("description", "Standard object's metadata.");
    gvk(s.putArray("x-kubernetes-group-version-kind").addObject(), t);
    return s;
  }

  private static void gvk(ObjectNode o, ResourceType t) {
    o.put("group", t.group());
    o.put("version", t.version());
    o.put("kind", t.kind());
  }

  /** {@code io.argoproj.v1alpha1.Rollout}: the group reversed, as Kubernetes names CRD schemas. */
  private static String schemaName(ResourceType t) {
    List<String> parts = new java.util.ArrayList<>(List.of(t.group().split("\\.")));
    java.util.Collections.reverse(parts);
    return String.join(".", parts) + "." + t.version() + "." + t.kind();
  }

  private static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }
}
