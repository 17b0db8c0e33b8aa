package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * What kube-controller-manager's garbage collector and namespace controller do: when an object is
 * deleted, its dependents (objects whose {@code ownerReferences} name its uid) are deleted too, in
 * the background, unless another owner of theirs still exists (then only the dangling reference
 * goes); a deletion with {@code propagationPolicy: Orphan} removes the references first. A
 * namespace being deleted loses its contents, then goes itself.
 */
final class Garbage {

  private final Resources resources;
  private final ExecutorService executor;
  private final Map<String, Boolean> live = new ConcurrentHashMap<>();

  Garbage(Resources resources, ExecutorService executor) {
    this.resources = resources;
    this.executor = executor;
    resources.store().listen(this::changed);
  }

  private void changed(Store.Change c) {
    JsonNode obj = c.object();
    String uid = obj.path("metadata").path("uid").asText();
    if (c.after() != null) {
      live.put(uid, Boolean.TRUE);
    } else {
      live.remove(uid);
      executor.execute(() -> collect(uid));
    }
    if (c.type().kind().equals("Namespace")
        && c.after() != null
        && c.after().path("metadata").has("deletionTimestamp")) {
      String name = obj.path("metadata").path("name").asText();
      executor.execute(() -> emptyNamespace(name));
    }
  }

  private void collect(String ownerUid) {
    for (Store.Ref ref : resources.store().dependentsOf(ownerUid)) {
      String[] key = ref.key().split("/", 2);
      String ns = key[0].isEmpty() ? null : key[0];
      ObjectNode dependent = resources.store().get(ref.type(), ns, key[1]);
      if (dependent == null) {
        continue;
      }
      boolean otherOwner = false;
      for (JsonNode o : dependent.path("metadata").path("ownerReferences")) {
        otherOwner |= live.containsKey(o.path("uid").asText());
      }
      try {
        if (otherOwner) {
          resources.update(ref.type(), ns, key[1], false, cur -> withoutOwner(cur, ownerUid));
        } else {
          resources.delete(ref.type(), ns, key[1], 30);
        }
      } catch (ApiException gone) {
        // deleted meanwhile
      }
    }
  }

  private void emptyNamespace(String name) {
    for (ResourceType type : resources.registry().all()) {
      if (!type.namespaced()) {
        continue;
      }
      for (ObjectNode o :
          resources.store().list(type, name, Selector.EVERYTHING, Selector.EVERYTHING)) {
        try {
          ObjectNode meta = (ObjectNode) o.path("metadata");
          if (!meta.path("finalizers").isEmpty()) {
            resources.update(
                type,
                name,
                meta.path("name").asText(),
                false,
                cur -> {
                  Resources.metadata(cur).remove("finalizers");
                  return cur;
                });
          }
          resources.delete(type, name, meta.path("name").asText(), 0);
        } catch (ApiException gone) {
          // deleted meanwhile
        }
      }
    }
    resources.finishNamespace(name);
  }

  /** Removes the owner references to {@code owner} from its dependents, before it is deleted. */
  static void orphanDependents(Resources resources, ObjectNode owner) {
    String uid = owner.path("metadata").path("uid").asText();
    for (Store.Ref ref : resources.store().dependentsOf(uid)) {
      String[] key = ref.key().split("/", 2);
      try {
        resources.update(
            ref.type(),
            key[0].isEmpty() ? null : key[0],
            key[1],
            false,
            cur -> withoutOwner(cur, uid));
      } catch (ApiException gone) {
        // deleted meanwhile
      }
    }
  }

  private static ObjectNode withoutOwner(ObjectNode cur, String uid) {
    ArrayNode kept = cur.arrayNode();
    cur.path("metadata")
        .path("ownerReferences")
        .forEach(
            o -> {
              if (!o.path("uid").asText().equals(uid)) {
                kept.add(o);
              }
            });
    if (kept.isEmpty()) {
      Resources.metadata(cur).remove("ownerReferences");
    } else {
      Resources.metadata(cur).set("ownerReferences", kept);
    }
    return cur;
  }
}
