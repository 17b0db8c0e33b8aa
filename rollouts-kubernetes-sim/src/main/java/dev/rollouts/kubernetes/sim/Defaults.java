package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaults and allocations a real API server adds to a few kinds: a Service's {@code type},
 * {@code clusterIP}, {@code sessionAffinity} and its ports' {@code protocol} and {@code
 * targetPort}; a Namespace's {@code Active} phase; a ReplicaSet's or Deployment's one replica; a
 * Pod's {@code Pending} phase; and a CustomResourceDefinition's {@code Established} condition (its
 * kinds are served from then on).
 */
final class Defaults {

  private final Registry registry;
  private final AtomicInteger clusterIps = new AtomicInteger();

  Defaults(Registry registry) {
    this.registry = registry;
  }

  void onCreate(ResourceType type, ObjectNode obj) {
    String kind = type.group().isEmpty() ? type.kind() : type.group() + "/" + type.kind();
    switch (kind) {
      case "Service" -> service(obj, true);
      case "Namespace" -> ((ObjectNode) obj.with("status")).put("phase", "Active");
      case "Pod" -> {
        if (!obj.path("status").has("phase")) {
          ((ObjectNode) obj.with("status")).put("phase", "Pending");
        }
      }
      case "apps/ReplicaSet", "apps/Deployment" -> {
        if (!obj.path("spec").has("replicas")) {
          ((ObjectNode) obj.with("spec")).put("replicas", 1);
        }
      }
      case "apiextensions.k8s.io/CustomResourceDefinition" -> crd(obj);
      default -> {}
    }
  }

  void onUpdate(ResourceType type, JsonNode before, ObjectNode next) {
    if (type.group().isEmpty() && type.kind().equals("Service")) {
      JsonNode ip = before.path("spec").path("clusterIP");
      if (!ip.isMissingNode() && !next.path("spec").has("clusterIP")) {
        ((ObjectNode) next.with("spec")).set("clusterIP", ip);
        ((ObjectNode) next.with("spec")).set("clusterIPs", before.path("spec").path("clusterIPs"));
      }
      service(next, false);
    } else if (type.kind().equals("CustomResourceDefinition")) {
      registry.register(next);
    }
  }

  private void service(ObjectNode svc, boolean allocate) {
    ObjectNode spec = (ObjectNode) svc.with("spec");
    if (!spec.has("type")) {
      spec.put("type", "ClusterIP");
    }
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
    if (allocate && !spec.has("clusterIP") && !spec.path("type").asText().equals("ExternalName")) {
      int n = clusterIps.incrementAndGet();
      String ip = "10.96." + (n / 250) + "." + (n % 250 + 1);
      spec.put("clusterIP", ip);
      spec.putArray("clusterIPs").add(ip);
    }
    for (JsonNode port : spec.path("ports")) {
      ObjectNode p = (ObjectNode) port;
      if (!p.has("protocol")) {
        p.put("protocol", "TCP");
      }
      if (!p.has("targetPort") && p.has("port")) {
        p.set("targetPort", p.get("port"));
      }
    }
  }

  private void crd(ObjectNode crd) {
    ObjectNode status = (ObjectNode) crd.with("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (String c : new String[] {"NamesAccepted", "Established"}) {
      ObjectNode cond = conditions.addObject();
      cond.put("type", c);
      cond.put("status", "True");
      cond.put("lastTransitionTime", now);
      cond.put("reason", c.equals("Established") ? "InitialNamesAccepted" : "NoConflicts");
      cond.put(
          "message",
          c.equals("Established") ? "the initial names have been accepted" : "no conflicts found");
    }
    ArrayNode stored = status.putArray("storedVersions");
    crd.path("spec")
        .path("versions")
        .forEach(
            v -> {
              if (v.path("storage").asBoolean()) {
                stored.add(v.path("name").asText());
              }
            });
    registry.register(crd);
  }
}
