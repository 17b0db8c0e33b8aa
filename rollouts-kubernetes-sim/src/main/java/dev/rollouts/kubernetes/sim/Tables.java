package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollouts.kubernetes.sim.ResourceType.Column;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side {@code Table} responses ({@code Accept: application/json;as=Table;g=meta.k8s.io}), as
 * {@code kubectl get} asks for them: the name, then the kind's printer columns (a CRD's {@code
 * additionalPrinterColumns}, the built-in kinds' columns as kube-apiserver prints them), with each
 * row's object as {@code PartialObjectMetadata} unless {@code includeObject=Object}.
 */
final class Tables {

  private Tables() {}

  static ObjectNode table(
      ResourceType type, List<? extends JsonNode> objects, String includeObject, Instant now) {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("kind", "Table");
    t.put("apiVersion", "meta.k8s.io/v1");
    t.putObject("metadata");
    ArrayNode defs = t.putArray("columnDefinitions");
    definition(defs, "Name", "string", "name", 0);
    for (Column c : type.columns()) {
      definition(defs, c.name(), c.type().equals("date") ? "string" : c.type(), "", c.priority());
    }
    ArrayNode rows = t.putArray("rows");
    for (JsonNode o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(o.path("metadata").path("name").asText());
      for (Column c : type.columns()) {
        cells.add(cell(o, c, now));
      }
      if (!"None".equals(includeObject)) {
        row.set("object", "Object".equals(includeObject) ? o : partial(o));
      }
    }
    return t;
  }

  private static void definition(
      ArrayNode defs, String name, String type, String format, int priority) {
    ObjectNode d = defs.addObject();
    d.put("name", name);
    d.put("type", type);
    d.put("format", format);
    d.put("description", "");
    d.put("priority", priority);
  }

  private static ObjectNode partial(JsonNode o) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("kind", "PartialObjectMetadata");
    p.put("apiVersion", "meta.k8s.io/v1");
    p.set("metadata", o.path("metadata"));
    return p;
  }

  private static JsonNode cell(JsonNode o, Column c, Instant now) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (c.jsonPath().startsWith("#")) {
      return Cells.computed(o, c.jsonPath().substring(1), now);
    }
    JsonNode v = path(o, c.jsonPath());
    if (v.isMissingNode() || v.isNull()) {
      return c.type().equals("integer") ? f.nullNode() : f.textNode("<none>");
    }
    if (c.type().equals("date")) {
      try {
        return f.textNode(age(Instant.parse(v.asText()), now));
      } catch (RuntimeException e) {
        return f.textNode(v.asText());
      }
    }
    return v.isContainerNode() ? f.textNode(v.toString()) : v;
  }

  /** A simple {@code .a.b} JSON path (what printer columns use), or {@code .a[0].b}. */
  static JsonNode path(JsonNode o, String jsonPath) {
    JsonNode n = o;
    String p = jsonPath.startsWith("{") ? jsonPath.substring(1, jsonPath.length() - 1) : jsonPath;
    for (String part : p.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        n = n.path(part.substring(0, bracket));
        n = n.path(Integer.parseInt(part.substring(bracket + 1, part.indexOf(']'))));
      } else {
        n = n.path(part);
      }
    }
    return n;
  }

  /**
   * kubectl's age: {@code 45s}, {@code 3m20s}, {@code 12m}, {@code 5h3m}, {@code 9h}, {@code 3d} …
   */
  static String age(Instant since, Instant now) {
    long seconds = Duration.between(since, now).getSeconds();
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 192) {
      return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
    }
    return hours / 24 + "d";
  }

  static List<String> strings(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.path(field).asText()));
    return out;
  }
}
