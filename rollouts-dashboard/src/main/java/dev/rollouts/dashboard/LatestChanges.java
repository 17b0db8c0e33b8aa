package dev.rollouts.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The changes one stream has yet to send, coalesced: at most one entry per Rollout (changed or
 * deleted, whichever came last), so a slow reader costs at most one entry per Rollout of the
 * namespace and then reads the Rollout's latest state, never a backlog of old ones. Other streams
 * are not held up: listeners only record a name and return.
 */
final class LatestChanges implements NamespaceCache.Listener {

  private final Predicate<String> wanted;
  private final LinkedHashMap<String, Boolean> pending = new LinkedHashMap<>();
  private boolean closed;

  /** Records the changes of the Rollouts {@code wanted} accepts. */
  LatestChanges(Predicate<String> wanted) {
    this.wanted = wanted;
  }

  @Override
  public void changed(String rollout) {
    record(rollout, false);
  }

  @Override
  public void deleted(String rollout) {
    record(rollout, true);
  }

  private synchronized void record(String rollout, boolean deleted) {
    if (!wanted.test(rollout) || closed) {
      return;
    }
    pending.remove(rollout);
    pending.put(rollout, deleted);
    notifyAll();
  }

  /**
   * Waits up to {@code timeoutMillis} for changes and takes them all: Rollout name to {@code true}
   * if it was deleted, in the order of their last change; empty when none came or the stream was
   * closed.
   */
  synchronized Map<String, Boolean> take(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (pending.isEmpty() && !closed) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    Map<String, Boolean> taken = new LinkedHashMap<>(pending);
    pending.clear();
    return taken;
  }

  /** How many Rollouts have changes waiting. */
  synchronized int size() {
    return pending.size();
  }

  /** Ends {@link #take}: the stream is over. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized boolean isClosed() {
    return closed;
  }
}
