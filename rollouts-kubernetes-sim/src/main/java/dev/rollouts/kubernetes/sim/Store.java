package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The objects of the simulated cluster: one sorted map per resource type keyed {@code
 * namespace/name} (a namespace is a range of it), an index by label pair and one by owner uid, one
 * revision counter for every write, the recent history of changes for watches that resume, and the
 * open watches, each with a queue of its own so that a slow reader never holds up a write.
 *
 * <p>Stored objects are never modified: every write stores a new tree.
 */
final class Store {

  /** A change, as a watch reports it. */
  record Change(ResourceType type, String kind, JsonNode before, JsonNode after, long revision) {

    /** The object the change is about: the new state, or the last one when deleted. */
    JsonNode object() {
      return after != null ? after : before;
    }
  }

  /** One type's objects and indexes. */
  static final class Objects {
    final ConcurrentSkipListMap<String, ObjectNode> byKey = new ConcurrentSkipListMap<>();
    final Map<String, Set<String>> byLabel = new ConcurrentHashMap<>();
  }

  private static final int HISTORY = 20_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Objects> objects = new ConcurrentHashMap<>();
  private final Map<String, Set<Ref>> dependents = new ConcurrentHashMap<>();
  private final Deque<Change> history = new ArrayDeque<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, List<Consumer<Change>>> watchers = new ConcurrentHashMap<>();
  private volatile long revision = 1;
  private long compactedThrough = 0;

  /** An object, by type and key. */
  record Ref(ResourceType type, String key) {}

  ReentrantLock lock() {
    return lock;
  }

  long revision() {
    return revision;
  }

  /** The next revision; call with the lock held. */
  long nextRevision() {
    return ++revision;
  }

  static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  private Objects of(ResourceType type) {
    return objects.computeIfAbsent(type.qualifiedName(), k -> new Objects());
  }

  ObjectNode get(ResourceType type, String namespace, String name) {
    return of(type).byKey.get(key(namespace, name));
  }

  /**
   * The objects of {@code type} in {@code namespace} (every namespace when null) that match, in key
   * order, using the label index when the selector has an equality requirement.
   */
  List<ObjectNode> list(ResourceType type, String namespace, Selector labels, Selector fields) {
    Objects table = of(type);
    Collection<ObjectNode> candidates;
    var pair = labels.indexablePair();
    if (pair.isPresent()) {
      Set<String> keys = table.byLabel.getOrDefault(pair.get(), Set.of());
      List<String> sorted = new ArrayList<>(keys);
      java.util.Collections.sort(sorted);
      List<ObjectNode> found = new ArrayList<>(sorted.size());
      for (String k : sorted) {
        if (namespace == null || k.startsWith(namespace + "/")) {
          ObjectNode o = table.byKey.get(k);
          if (o != null) {
            found.add(o);
          }
        }
      }
      candidates = found;
    } else if (namespace != null) {
      candidates = table.byKey.subMap(namespace + "/", namespace + "/\uffff").values();
    } else {
      candidates = table.byKey.values();
    }
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode o : candidates) {
      if (labels.matches(o) && fields.matches(o)) {
        out.add(o);
      }
    }
    return out;
  }

  /** The objects whose owner references name {@code uid}. */
  Set<Ref> dependentsOf(String uid) {
    return Set.copyOf(dependents.getOrDefault(uid, Set.of()));
  }

  /**
   * Stores {@code after} (null to remove) in place of the object at its key, updates the indexes
   * and tells the watches; call with the lock held, with {@code after} already carrying its new
   * resourceVersion {@code rev}.
   */
  void put(ResourceType type, String key, ObjectNode before, ObjectNode after, long rev) {
    Objects table = of(type);
    if (before != null) {
      labelPairs(before).forEach(p -> removeFrom(table.byLabel, p, key));
      owners(before).forEach(uid -> removeFrom(dependents, uid, new Ref(type, key)));
    }
    if (after == null) {
      table.byKey.remove(key);
    } else {
      table.byKey.put(key, after);
      labelPairs(after)
          .forEach(
              p -> table.byLabel.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(key));
      owners(after)
          .forEach(
              uid ->
                  dependents
                      .computeIfAbsent(uid, k -> ConcurrentHashMap.newKeySet())
                      .add(new Ref(type, key)));
    }
    String kind = before == null ? "ADDED" : after == null ? "DELETED" : "MODIFIED";
    Change change = new Change(type, kind, before, after, rev);
    history.addLast(change);
    while (history.size() > HISTORY) {
      compactedThrough = history.removeFirst().revision();
    }
    for (Consumer<Change> w : watchers.getOrDefault(type.qualifiedName(), List.of())) {
      w.accept(change);
    }
    for (Consumer<Change> l : listeners) {
      l.accept(change);
    }
  }

  private static <K, V> void removeFrom(Map<K, Set<V>> index, K k, V v) {
    Set<V> set = index.get(k);
    if (set != null) {
      set.remove(v);
      if (set.isEmpty()) {
        index.remove(k);
      }
    }
  }

  private static List<String> labelPairs(JsonNode o) {
    List<String> pairs = new ArrayList<>();
    o.path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
    return pairs;
  }

  private static List<String> owners(JsonNode o) {
    List<String> uids = new ArrayList<>();
    o.path("metadata").path("ownerReferences").forEach(r -> uids.add(r.path("uid").asText()));
    return uids;
  }

  /** Calls {@code listener} with every change from now on, with the lock held: keep it short. */
  void listen(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /**
   * Opens a watch on {@code type}: under the lock, replays the changes after {@code fromRevision}
   * (or, when it is 0, reports the current objects as ADDED through {@code initial}) and registers
   * {@code sink} for the changes after them.
   *
   * @return false when {@code fromRevision} is older than the history kept (410 Gone)
   */
  boolean watch(ResourceType type, long fromRevision, Consumer<Change> sink, Runnable initial) {
    lock.lock();
    try {
      if (fromRevision > 0 && fromRevision < compactedThrough) {
        return false;
      }
      if (fromRevision == 0) {
        initial.run();
      } else {
        for (Change c : history) {
          if (c.revision() > fromRevision && c.type().equals(type)) {
            sink.accept(c);
          }
        }
      }
      watchers.computeIfAbsent(type.qualifiedName(), k -> new CopyOnWriteArrayList<>()).add(sink);
      return true;
    } finally {
      lock.unlock();
    }
  }

  void unwatch(ResourceType type, Consumer<Change> sink) {
    watchers.getOrDefault(type.qualifiedName(), List.of()).remove(sink);
  }

  /** How many objects of each type are stored. */
  Map<String, Integer> counts() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    objects.forEach((k, v) -> out.put(k, v.byKey.size()));
    return out;
  }
}
