package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * What a real API server does on every write, whatever the kind: names and {@code generateName},
 * required namespaces, {@code uid}, {@code creationTimestamp}, {@code resourceVersion} and its 409
 * on a stale one, {@code generation} counting spec changes, status kept out of main-resource writes
 * (and the rest out of status writes) for kinds with a status subresource, writes that change
 * nothing changing nothing, finalizers holding a deletion until they are removed, and the defaults
 * a few kinds get ({@link Defaults}).
 */
final class Resources {

  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Store store;
  private final Registry registry;
  private final Defaults defaults;

  Resources(Store store, Registry registry) {
    this.store = store;
    this.registry = registry;
    this.defaults = new Defaults(registry);
  }

  Store store() {
    return store;
  }

  Registry registry() {
    return registry;
  }

  ObjectNode get(ResourceType type, String namespace, String name) {
    ObjectNode o = store.get(type, namespace, name);
    if (o == null) {
      throw ApiException.notFound(type, name);
    }
    return o;
  }

  /** Creates {@code body} in {@code namespace}. */
  ObjectNode create(ResourceType type, String namespace, ObjectNode body) {
    ObjectNode obj = body.deepCopy();
    ObjectNode meta = metadata(obj);
    String ns =
        type.namespaced() ? firstNonEmpty(namespace, meta.path("namespace").asText("")) : null;
    if (type.namespaced() && (ns == null || ns.isEmpty())) {
      ns = "default";
    }
    store.lock().lock();
    try {
      if (meta.path("name").asText("").isEmpty()) {
        String prefix = meta.path("generateName").asText("");
        if (prefix.isEmpty()) {
          throw ApiException.invalid(
              type, "", "metadata.name: Required value: name or generateName is required");
        }
        meta.put("name", prefix + suffix());
      }
      String name = meta.path("name").asText();
      if (ns != null) {
        ObjectNode namespaceObject = store.get(namespaces(), null, ns);
        if (namespaceObject == null) {
          throw ApiException.namespaceNotFound(ns);
        }
        if (namespaceObject.path("metadata").has("deletionTimestamp")) {
          throw new ApiException(
              403,
              "Forbidden",
              type.qualifiedName()
                  + " \""
                  + name
                  + "\" is forbidden: unable to create new content in namespace "
                  + ns
                  + " because it is being terminated");
        }
        meta.put("namespace", ns);
      } else {
        meta.remove("namespace");
      }
      if (store.get(type, ns, name) != null) {
        throw ApiException.alreadyExists(type, name);
      }
      obj.put("apiVersion", type.apiVersion());
      obj.put("kind", type.kind());
      meta.put("uid", UUID.randomUUID().toString());
      meta.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      meta.remove("deletionTimestamp");
      meta.remove("managedFields");
      if (type.hasGeneration()) {
        meta.put("generation", 1);
      } else {
        meta.remove("generation");
      }
      if (type.status() && !type.kind().equals("Pod") && !type.kind().equals("Namespace")) {
        obj.remove("status");
      }
      defaults.onCreate(type, obj);
      long rev = store.nextRevision();
      meta.put("resourceVersion", Long.toString(rev));
      store.put(type, Store.key(ns, name), null, obj, rev);
      return obj;
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Writes what {@code change} makes of the current object: the main resource (status kept as it
   * is, for kinds with a status subresource) or, when {@code statusOnly}, the status alone.
   */
  ObjectNode update(
      ResourceType type,
      String namespace,
      String name,
      boolean statusOnly,
      UnaryOperator<ObjectNode> change) {
    store.lock().lock();
    try {
      ObjectNode before = get(type, namespace, name);
      ObjectNode proposed = change.apply(before.deepCopy());
      return commit(type, before, proposed, statusOnly);
    } finally {
      store.lock().unlock();
    }
  }

  private ObjectNode commit(
      ResourceType type, ObjectNode before, ObjectNode proposed, boolean statusOnly) {
    String name = before.path("metadata").path("name").asText();
    JsonNode rv = proposed.path("metadata").path("resourceVersion");
    if (!rv.isMissingNode()
        && !rv.isNull()
        && !rv.asText().isEmpty()
        && !rv.asText().equals(before.path("metadata").path("resourceVersion").asText())) {
      throw ApiException.conflict(type, name);
    }
    ObjectNode next;
    if (statusOnly) {
      next = before.deepCopy();
      if (proposed.has("status")) {
        next.set("status", proposed.get("status"));
      } else {
        next.remove("status");
      }
    } else {
      next = proposed;
      next.put("apiVersion", type.apiVersion());
      next.put("kind", type.kind());
      if (type.status() && !type.kind().equals("Namespace")) {
        if (before.has("status")) {
          next.set("status", before.get("status"));
        } else {
          next.remove("status");
        }
      }
      ObjectNode meta = metadata(next);
      JsonNode oldMeta = before.get("metadata");
      for (String kept :
          List.of(
              "uid",
              "creationTimestamp",
              "namespace",
              "name",
              "deletionTimestamp",
              "deletionGracePeriodSeconds",
              "generation")) {
        if (oldMeta.has(kept)) {
          meta.set(kept, oldMeta.get(kept));
        } else {
          meta.remove(kept);
        }
      }
      meta.remove("managedFields");
      if (type.hasGeneration() && specChanged(before, next)) {
        meta.put("generation", oldMeta.path("generation").asLong(0) + 1);
      }
    }
    defaults.onUpdate(type, before, next);
    metadata(next).put("resourceVersion", before.path("metadata").path("resourceVersion").asText());
    if (next.equals(before)) {
      return before;
    }
    String key = Store.key(before.path("metadata").path("namespace").asText(null), name);
    long revision = store.nextRevision();
    metadata(next).put("resourceVersion", Long.toString(revision));
    if (next.path("metadata").has("deletionTimestamp")
        && next.path("metadata").path("finalizers").isEmpty()) {
      store.put(type, key, before, null, revision);
      return next;
    }
    store.put(type, key, before, next, revision);
    return next;
  }

  /** Whether anything but metadata and status differs. */
  private static boolean specChanged(JsonNode before, JsonNode after) {
    ObjectNode a = ((ObjectNode) before).deepCopy();
    ObjectNode b = ((ObjectNode) after).deepCopy();
    a.remove(List.of("metadata", "status"));
    b.remove(List.of("metadata", "status"));
    return !a.equals(b);
  }

  /**
   * Deletes an object: at once when it has no finalizers, otherwise marks it with a {@code
   * deletionTimestamp} and leaves it to whoever owns the finalizers. A pod with a grace period is
   * marked in the same way and removed by its kubelet.
   *
   * @return the object as it was last (deleted) or as it is now (being deleted)
   */
  ObjectNode delete(ResourceType type, String namespace, String name, long gracePeriodSeconds) {
    store.lock().lock();
    try {
      ObjectNode before = get(type, namespace, name);
      boolean finalizers = !before.path("metadata").path("finalizers").isEmpty();
      boolean pod = type.kind().equals("Pod") && type.group().isEmpty();
      boolean graceful =
          pod
              && gracePeriodSeconds > 0
              && !before.path("spec").path("nodeName").asText("").isEmpty();
      boolean namespaceObject = type.kind().equals("Namespace") && type.group().isEmpty();
      if (before.path("metadata").has("deletionTimestamp")) {
        if (!(pod && gracePeriodSeconds == 0 && !finalizers)) {
          return before;
        }
      } else if (finalizers || graceful || namespaceObject) {
        ObjectNode next = before.deepCopy();
        metadata(next)
            .put("deletionTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (graceful) {
          metadata(next).put("deletionGracePeriodSeconds", gracePeriodSeconds);
        }
        if (namespaceObject) {
          ((ObjectNode) next.with("status")).put("phase", "Terminating");
        }
        long revision = store.nextRevision();
        metadata(next).put("resourceVersion", Long.toString(revision));
        store.put(type, Store.key(namespace, name), before, next, revision);
        return next;
      }
      long revision = store.nextRevision();
      store.put(
          type, Store.key(type.namespaced() ? namespace : null, name), before, null, revision);
      ObjectNode last = before.deepCopy();
      metadata(last).put("resourceVersion", Long.toString(revision));
      return last;
    } finally {
      store.lock().unlock();
    }
  }

  /** Removes a namespace whose contents are gone: what the namespace controller does last. */
  void finishNamespace(String name) {
    store.lock().lock();
    try {
      ObjectNode before = store.get(namespaces(), null, name);
      if (before != null && before.path("metadata").has("deletionTimestamp")) {
        store.put(namespaces(), Store.key(null, name), before, null, store.nextRevision());
      }
    } finally {
      store.lock().unlock();
    }
  }

  ResourceType namespaces() {
    return registry.find("v1", "namespaces").orElseThrow();
  }

  static ObjectNode metadata(ObjectNode obj) {
    JsonNode m = obj.get("metadata");
    if (m == null || !m.isObject()) {
      return obj.putObject("metadata");
    }
    return (ObjectNode) m;
  }

  private static String firstNonEmpty(String a, String b) {
    return a != null && !a.isEmpty() ? a : b;
  }

  static String suffix() {
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(
          SUFFIX_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(SUFFIX_ALPHABET.length())));
    }
    return s.toString();
  }

  static ObjectNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }
}
