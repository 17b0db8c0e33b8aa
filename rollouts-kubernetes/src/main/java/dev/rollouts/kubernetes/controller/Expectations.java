package dev.rollouts.kubernetes.controller;

import dev.rollouts.kubernetes.apply.ObjectWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes of a Rollout's last sync that the informer caches have not shown yet (client-go's
 * "expectations"). Deciding from a cache that lags behind the controller's own writes would undo
 * them (scale a canary back to the weight of the previous step), so a sync waits until the caches
 * have caught up, or until the expectations expire (a lost watch event must not stall a Rollout).
 *
 * <p>A write is seen once the cache shows: for a create, the object; for an update, a {@code
 * resourceVersion} other than the one the write was based on (the write's own or a later one, as
 * each kind's watch delivers changes in order); for a delete, no object or another one.
 *
 * <p>Thread-safe.
 */
final class Expectations {

  /** Looks up the {@code resourceVersion} the cache holds for an object, empty if none. */
  @FunctionalInterface
  interface CacheView {
    Optional<String> resourceVersion(String kind, String key);
  }

  private record Pending(List<ObjectWrite> writes, Instant expires) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Duration timeout;

  Expectations(Duration timeout) {
    this.timeout = timeout;
  }

  /** Remembers the writes a sync of {@code rollout} made, replacing earlier ones. */
  void expect(String rollout, List<ObjectWrite> writes, Instant now) {
    List<ObjectWrite> tracked = writes.stream().filter(Expectations::trackable).toList();
    if (tracked.isEmpty()) {
      pending.remove(rollout);
    } else {
      pending.put(rollout, new Pending(tracked, now.plus(timeout)));
    }
  }

  /** Whether every write of the last sync of {@code rollout} is in the caches (or expired). */
  boolean satisfied(String rollout, CacheView cache, Instant now) {
    Pending p = pending.get(rollout);
    if (p == null) {
      return true;
    }
    if (now.isAfter(p.expires()) || p.writes().stream().allMatch(w -> seen(w, cache))) {
      pending.remove(rollout, p);
      return true;
    }
    return false;
  }

  /** Forgets {@code rollout}: it was deleted. */
  void forget(String rollout) {
    pending.remove(rollout);
  }

  private static boolean trackable(ObjectWrite w) {
    // An update the server answered with the version it was based on changed nothing to wait for.
    return !(w.operation() == ObjectWrite.Operation.UPDATE
        && w.after().isPresent()
        && w.after().equals(w.before()));
  }

  private static boolean seen(ObjectWrite write, CacheView cache) {
    Optional<String> cached = cache.resourceVersion(write.kind(), write.key());
    return switch (write.operation()) {
      case CREATE -> cached.isPresent();
      case UPDATE, DELETE -> cached.isEmpty() || !cached.equals(write.before());
    };
  }
}
