package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What kube-controller-manager's endpoints and endpointslice controllers do: every Service with a
 * selector has an {@code Endpoints} object and an {@code EndpointSlice} listing the IPs of the pods
 * it selects (ready ones as addresses, the others as not ready), with the Service's target ports.
 * Services are found for a pod through an index of their selectors' label pairs, and the work of
 * many changes is coalesced per Service.
 */
final class EndpointsController {

  private final Resources resources;

  /** Changes within this period are written as one update, as the real controllers batch them. */
  private static final long BATCH_MILLIS = 50;

  private final ScheduledExecutorService executor;
  private final Map<String, Set<String>> servicesByPair = new ConcurrentHashMap<>();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ResourceType services;
  private final ResourceType pods;
  private final ResourceType endpoints;
  private final ResourceType slices;

  EndpointsController(Resources resources, ScheduledExecutorService executor) {
    this.resources = resources;
    this.executor = executor;
    Registry r = resources.registry();
    services = r.find("v1", "services").orElseThrow();
    pods = r.find("v1", "pods").orElseThrow();
    endpoints = r.find("v1", "endpoints").orElseThrow();
    slices = r.find("discovery.k8s.io/v1", "endpointslices").orElseThrow();
    resources.store().listen(this::changed);
  }

  private void changed(Store.Change c) {
    if (c.type().equals(services)) {
      String ns = c.object().path("metadata").path("namespace").asText();
      String name = c.object().path("metadata").path("name").asText();
      if (c.before() != null) {
        pairs(c.before().path("spec").path("selector"), ns)
            .forEach(p -> servicesByPair.getOrDefault(p, Set.of()).remove(name));
      }
      if (c.after() != null) {
        pairs(c.after().path("spec").path("selector"), ns)
            .forEach(
                p ->
                    servicesByPair
                        .computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet())
                        .add(name));
      }
      mark(ns + "/" + name);
    } else if (c.type().equals(pods)) {
      String ns = c.object().path("metadata").path("namespace").asText();
      for (JsonNode pod : new JsonNode[] {c.before(), c.after()}) {
        if (pod != null) {
          for (String p : pairs(pod.path("metadata").path("labels"), ns)) {
            servicesByPair.getOrDefault(p, Set.of()).forEach(s -> mark(ns + "/" + s));
          }
        }
      }
    }
  }

  private static List<String> pairs(JsonNode map, String ns) {
    List<String> out = new ArrayList<>();
    map.fields()
        .forEachRemaining(e -> out.add(ns + "/" + e.getKey() + "=" + e.getValue().asText()));
    return out;
  }

  private void mark(String serviceKey) {
    dirty.add(serviceKey);
    if (scheduled.compareAndSet(false, true)) {
      executor.schedule(this::drain, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void drain() {
    scheduled.set(false);
    for (String key : List.copyOf(dirty)) {
      dirty.remove(key);
      try {
        sync(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1));
      } catch (ApiException e) {
        // the namespace or the service went meanwhile
      }
    }
  }

  private void sync(String ns, String name) {
    ObjectNode svc = resources.store().get(services, ns, name);
    if (svc == null || svc.path("spec").path("selector").isEmpty()) {
      if (svc == null && resources.store().get(endpoints, ns, name) != null) {
        resources.delete(endpoints, ns, name, 0);
      }
      return;
    }
    Map<String, String> selector = new HashMap<>();
    svc.path("spec")
        .path("selector")
        .fields()
        .forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
    String first = selector.entrySet().iterator().next().toString();
    List<ObjectNode> selected = new ArrayList<>();
    for (ObjectNode pod :
        resources.store().list(pods, ns, Selector.labels(first), Selector.EVERYTHING)) {
      boolean all = true;
      for (Map.Entry<String, String> e : selector.entrySet()) {
        all &=
            e.getValue().equals(pod.path("metadata").path("labels").path(e.getKey()).asText(null));
      }
      if (all && !pod.path("status").path("podIP").asText("").isEmpty()) {
        selected.add(pod);
      }
    }
    write(endpoints, ns, name, endpointsOf(svc, selected));
    write(
        slices,
        ns,
        name + "-" + Integer.toHexString(name.hashCode() & 0xfffff),
        sliceOf(svc, selected));
  }

  private void write(ResourceType type, String ns, String name, ObjectNode desired) {
    Resources.metadata(desired).put("name", name);
    if (resources.store().get(type, ns, name) == null) {
      resources.create(type, ns, desired);
    } else {
      resources.update(
          type,
          ns,
          name,
          false,
          cur -> {
            cur.setAll(desired);
            Resources.metadata(cur).setAll((ObjectNode) desired.get("metadata"));
            return cur;
          });
    }
  }

  private static boolean ready(JsonNode pod) {
    if (pod.path("metadata").has("deletionTimestamp")) {
      return false;
    }
    for (JsonNode c : pod.path("status").path("conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        return c.path("status").asText().equals("True");
      }
    }
    return false;
  }

  private static ObjectNode endpointsOf(JsonNode svc, List<ObjectNode> selected) {
    ObjectNode ep = JsonNodeFactory.instance.objectNode();
    ep.put("apiVersion", "v1");
    ep.put("kind", "Endpoints");
    ep.putObject("metadata").set("labels", svc.path("metadata").path("labels").deepCopy());
    if (selected.isEmpty()) {
      ep.putArray("subsets");
      return ep;
    }
    ObjectNode subset = ep.putArray("subsets").addObject();
    ArrayNode ready = JsonNodeFactory.instance.arrayNode();
    ArrayNode notReady = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode pod : selected) {
      ObjectNode a = (ready(pod) ? ready : notReady).addObject();
      a.put("ip", pod.path("status").path("podIP").asText());
      if (pod.path("spec").has("nodeName")) {
        a.set("nodeName", pod.path("spec").path("nodeName"));
      }
      ObjectNode ref = a.putObject("targetRef");
      ref.put("kind", "Pod");
      ref.set("namespace", pod.path("metadata").path("namespace"));
      ref.set("name", pod.path("metadata").path("name"));
      ref.set("uid", pod.path("metadata").path("uid"));
    }
    if (!ready.isEmpty()) {
      subset.set("addresses", ready);
    }
    if (!notReady.isEmpty()) {
      subset.set("notReadyAddresses", notReady);
    }
    subset.set("ports", ports(svc, selected.get(0), "name"));
    return ep;
  }

  private static ObjectNode sliceOf(JsonNode svc, List<ObjectNode> selected) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("apiVersion", "discovery.k8s.io/v1");
    s.put("kind", "EndpointSlice");
    ObjectNode meta = s.putObject("metadata");
    ObjectNode labels = meta.putObject("labels");
    labels.put("kubernetes.io/service-name", svc.path("metadata").path("name").asText());
    labels.put("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
    ObjectNode owner = meta.putArray("ownerReferences").addObject();
    owner.put("apiVersion", "v1");
    owner.put("kind", "Service");
    owner.set("name", svc.path("metadata").path("name"));
    owner.set("uid", svc.path("metadata").path("uid"));
    owner.put("controller", true);
    owner.put("blockOwnerDeletion", true);
    s.put("addressType", "IPv4");
    ArrayNode eps = s.putArray("endpoints");
    for (ObjectNode pod : selected) {
      ObjectNode e = eps.addObject();
      e.putArray("addresses").add(pod.path("status").path("podIP").asText());
      ObjectNode cond = e.putObject("conditions");
      boolean r = ready(pod);
      cond.put("ready", r);
      cond.put("serving", r);
      cond.put("terminating", pod.path("metadata").has("deletionTimestamp"));
      if (pod.path("spec").has("nodeName")) {
        e.set("nodeName", pod.path("spec").path("nodeName"));
      }
      ObjectNode ref = e.putObject("targetRef");
      ref.put("kind", "Pod");
      ref.set("namespace", pod.path("metadata").path("namespace"));
      ref.set("name", pod.path("metadata").path("name"));
      ref.set("uid", pod.path("metadata").path("uid"));
    }
    s.set(
        "ports",
        selected.isEmpty()
            ? JsonNodeFactory.instance.arrayNode()
            : ports(svc, selected.get(0), "name"));
    return s;
  }

  /** The Service's ports with their target ports resolved against a pod's named container ports. */
  private static ArrayNode ports(JsonNode svc, JsonNode pod, String nameField) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode p : svc.path("spec").path("ports")) {
      JsonNode target = p.path("targetPort");
      int port = target.isInt() ? target.asInt() : p.path("port").asInt();
      if (target.isTextual()) {
        for (JsonNode c : pod.path("spec").path("containers")) {
          for (JsonNode cp : c.path("ports")) {
            if (cp.path("name").asText().equals(target.asText())) {
              port = cp.path("containerPort").asInt();
            }
          }
        }
      }
      ObjectNode o = out.addObject();
      if (p.has("name")) {
        o.set(nameField, p.get("name"));
      }
      o.put("port", port);
      o.put("protocol", p.path("protocol").asText("TCP"));
    }
    return out;
  }
}
