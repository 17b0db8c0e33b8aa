package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * API discovery as kubectl reads it: {@code /api}, {@code /apis}, {@code /apis/GROUP} and each
 * group version's resource list with verbs, short names, categories and subresources.
 */
final class Discovery {

  private final Registry registry;

  Discovery(Registry registry) {
    this.registry = registry;
  }

  ObjectNode coreVersions(String serverAddress) {
    ObjectNode o = obj();
    o.put("kind", "APIVersions");
    o.putArray("versions").add("v1");
    ObjectNode cidr = o.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return o;
  }

  ObjectNode groups() {
    ObjectNode o = obj();
    o.put("kind", "APIGroupList");
    o.put("apiVersion", "v1");
    ArrayNode groups = o.putArray("groups");
    for (Map.Entry<String, Set<String>> g : registry.groups().entrySet()) {
      if (!g.getKey().isEmpty()) {
        groups.add(group(g.getKey(), g.getValue()));
      }
    }
    return o;
  }

  /** One group, or empty when it is not served. */
  java.util.Optional<ObjectNode> group(String name) {
    Set<String> versions = registry.groups().get(name);
    return versions == null || name.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(group(name, versions));
  }

  private static ObjectNode group(String name, Set<String> versions) {
    ObjectNode g = obj();
    g.put("kind", "APIGroup");
    g.put("apiVersion", "v1");
    g.put("name", name);
    ArrayNode vs = g.putArray("versions");
    for (String v : versions) {
      ObjectNode gv = vs.addObject();
      gv.put("groupVersion", name + "/" + v);
      gv.put("version", v);
    }
    ObjectNode preferred = g.putObject("preferredVersion");
    String first = versions.iterator().next();
    preferred.put("groupVersion", name + "/" + first);
    preferred.put("version", first);
    return g;
  }

  /** The resource list of a group version, or empty when it is not served. */
  java.util.Optional<ObjectNode> resources(String apiVersion) {
    var types = registry.inGroupVersion(apiVersion);
    if (types.isEmpty()) {
      return java.util.Optional.empty();
    }
    ObjectNode o = obj();
    o.put("kind", "APIResourceList");
    o.put("apiVersion", "v1");
    o.put("groupVersion", apiVersion);
    ArrayNode list = o.putArray("resources");
    for (ResourceType t : types) {
      ObjectNode r = list.addObject();
      r.put("name", t.plural());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      ArrayNode verbs = r.putArray("verbs");
      ResourceType.VERBS.forEach(verbs::add);
      if (!t.shortNames().isEmpty()) {
        ArrayNode s = r.putArray("shortNames");
        t.shortNames().forEach(s::add);
      }
      if (!t.categories().isEmpty()) {
        ArrayNode c = r.putArray("categories");
        t.categories().forEach(c::add);
      }
      r.put("storageVersionHash", Integer.toHexString(t.qualifiedName().hashCode()));
      if (t.status()) {
        subresource(list, t, "status", t.kind());
      }
      if (t.scale().isPresent()) {
        subresource(list, t, "scale", "Scale");
      }
    }
    return java.util.Optional.of(o);
  }

  private static void subresource(ArrayNode list, ResourceType t, String sub, String kind) {
    ObjectNode r = list.addObject();
    r.put("name", t.plural() + "/" + sub);
    r.put("singularName", "");
    r.put("namespaced", t.namespaced());
    r.put("kind", kind);
    if (sub.equals("scale")) {
      r.put("group", "autoscaling");
      r.put("version", "v1");
    }
    r.putArray("verbs").add("get").add("patch").add("update");
  }

  ObjectNode version() {
    ObjectNode v = obj();
    v.put("major", "1");
    v.put("minor", "32");
    v.put("gitVersion", "v1.32.0-rollouts-sim");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "java" + System.getProperty("java.version"));
    v.put("compiler", "javac");
    v.put("platform", "linux/amd64");
    return v;
  }

  private static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }
}
