package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The computed cells of the built-in kinds' tables, as kube-apiserver's printers compute them. */
final class Cells {

  private Cells() {}

  static JsonNode computed(JsonNode o, String name, Instant now) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode spec = o.path("spec");
    JsonNode status = o.path("status");
    return switch (name) {
      case "podReady" -> {
        int total = spec.path("containers").size();
        int ready = 0;
        for (JsonNode c : status.path("containerStatuses")) {
          ready += c.path("ready").asBoolean() ? 1 : 0;
        }
        yield f.textNode(ready + "/" + total);
      }
      case "podStatus" -> f.textNode(podStatus(o));
      case "podRestarts" -> {
        int restarts = 0;
        for (JsonNode c : status.path("containerStatuses")) {
          restarts += c.path("restartCount").asInt();
        }
        yield f.textNode(Integer.toString(restarts));
      }
      case "externalIP" ->
          f.textNode(spec.path("type").asText().equals("LoadBalancer") ? "<pending>" : "<none>");
      case "servicePorts" -> {
        List<String> ports = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
          String node = p.has("nodePort") ? ":" + p.path("nodePort").asText() : "";
          ports.add(p.path("port").asText() + node + "/" + p.path("protocol").asText("TCP"));
        }
        yield f.textNode(ports.isEmpty() ? "<none>" : String.join(",", ports));
      }
      case "selector" -> f.textNode(pairs(spec.path("selector")));
      case "labelSelector" -> f.textNode(pairs(spec.path("selector").path("matchLabels")));
      case "endpoints" -> f.textNode(endpoints(o));
      case "containers" ->
          f.textNode(
              String.join(
                  ",",
                  Tables.strings(spec.path("template").path("spec").path("containers"), "name")));
      case "images" ->
          f.textNode(
              String.join(
                  ",",
                  Tables.strings(spec.path("template").path("spec").path("containers"), "image")));
      case "deploymentReady" ->
          f.textNode(status.path("readyReplicas").asInt() + "/" + spec.path("replicas").asInt());
      case "dataCount" -> f.numberNode(o.path("data").size() + o.path("binaryData").size());
      case "involvedObject" ->
          f.textNode(
              o.path("involvedObject").path("kind").asText().toLowerCase()
                  + "/"
                  + o.path("involvedObject").path("name").asText());
      case "nodeStatus" -> f.textNode("Ready");
      case "jobStatus" -> f.textNode(jobStatus(status));
      case "jobCompletions" ->
          f.textNode(status.path("succeeded").asInt() + "/" + spec.path("completions").asInt(1));
      case "jobDuration" -> {
        if (!status.has("startTime")) {
          yield f.textNode("");
        }
        Instant end =
            status.has("completionTime")
                ? Instant.parse(status.path("completionTime").asText())
                : now;
        yield f.textNode(Tables.age(Instant.parse(status.path("startTime").asText()), end));
      }
      case "slicePorts" -> f.textNode(String.join(",", Tables.strings(o.path("ports"), "port")));
      case "sliceEndpoints" -> {
        List<String> ips = new ArrayList<>();
        o.path("endpoints").forEach(e -> e.path("addresses").forEach(a -> ips.add(a.asText())));
        yield f.textNode(ips.isEmpty() ? "<unset>" : truncated(ips));
      }
      case "ingressHosts" -> {
        List<String> hosts = Tables.strings(spec.path("rules"), "host");
        yield f.textNode(hosts.isEmpty() ? "*" : String.join(",", hosts));
      }
      default -> f.textNode("<none>");
    };
  }

  private static String podStatus(JsonNode pod) {
    if (pod.path("metadata").has("deletionTimestamp")) {
      return "Terminating";
    }
    String reason = pod.path("status").path("phase").asText("Pending");
    for (JsonNode c : pod.path("status").path("containerStatuses")) {
      JsonNode waiting = c.path("state").path("waiting");
      JsonNode terminated = c.path("state").path("terminated");
      if (waiting.has("reason")) {
        reason = waiting.path("reason").asText();
      } else if (terminated.has("reason")) {
        reason = terminated.path("reason").asText();
      }
    }
    return reason;
  }

  private static String jobStatus(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("status").asText().equals("True")) {
        String type = c.path("type").asText();
        if (type.equals("Complete")) {
          return "Complete";
        }
        if (type.equals("Failed")) {
          return "Failed";
        }
      }
    }
    return "Running";
  }

  static String pairs(JsonNode map) {
    List<String> out = new ArrayList<>();
    map.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }

  private static String endpoints(JsonNode ep) {
    List<String> out = new ArrayList<>();
    for (JsonNode subset : ep.path("subsets")) {
      for (JsonNode a : subset.path("addresses")) {
        if (subset.path("ports").isEmpty()) {
          out.add(a.path("ip").asText());
        }
        for (JsonNode p : subset.path("ports")) {
          out.add(a.path("ip").asText() + ":" + p.path("port").asText());
        }
      }
    }
    return out.isEmpty() ? "<none>" : truncated(out);
  }

  private static String truncated(List<String> items) {
    if (items.size() <= 3) {
      return String.join(",", items);
    }
    return String.join(",", items.subList(0, 3)) + " + " + (items.size() - 3) + " more...";
  }
}
