package dev.rollouts.kubernetes.sim;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.controller.ControllerMetrics;
import dev.rollouts.kubernetes.controller.RolloutInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A controller's syncs, as its metrics report them: how many each Rollout had, and when the latest
 * one began. The positive signal a test waits for instead of sleeping: "the controller has synced
 * this Rollout after my change, and still did nothing".
 */
public final class SyncCounter implements ControllerMetrics {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, Long> latestStart = new ConcurrentHashMap<>();

  @Override
  public void reconciled(String namespace, String name, Duration took, Outcome outcome) {
    String key = namespace + "/" + name;
    long began = System.nanoTime() - took.toNanos();
    latestStart.merge(key, began, Math::max);
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  /** Syncs of {@code namespace/name} so far. */
  public long count(String key) {
    AtomicLong n = counts.get(key);
    return n == null ? 0 : n.get();
  }

  /** Every key synced so far. */
  public java.util.Set<String> keys() {
    return java.util.Set.copyOf(counts.keySet());
  }

  /**
   * Waits until a sync of {@code key} began after {@code sinceNanos} ({@link System#nanoTime()})
   * and ended: it saw everything written before then.
   */
  public void awaitSyncAfter(String key, long sinceNanos) {
    Poll.until(
        "a sync of " + key + " began after the change",
        () -> latestStart.getOrDefault(key, Long.MIN_VALUE) > sinceNanos,
        () -> "syncs of " + key + ": " + count(key));
  }

  @Override
  public void rolloutInfo(RolloutInfo info) {}

  @Override
  public void rolloutRemoved(String namespace, String name) {}

  @Override
  public void eventRecorded(String namespace, String name, RolloutEvent event) {}
}
