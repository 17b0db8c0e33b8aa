package dev.rollouts.dashboard;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@link NamespaceCache} per namespace for all viewers, counted: the first viewer of a
 * namespace starts its informers, and they stop {@code linger} after the last one leaves (so that
 * moving from the list to a Rollout's page does not list everything again). A server nobody views
 * makes no API calls.
 */
final class Informers implements AutoCloseable {

  /** A viewer's hold on a namespace's cache; closing it lets go. */
  interface Lease extends AutoCloseable {
    NamespaceCache cache();

    @Override
    void close();
  }

  private final KubernetesClient client;
  private final Duration linger;
  private final Duration syncTimeout;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Entry> entries = new HashMap<>();

  private static final class Entry {
    final NamespaceCache cache;
    int holders;
    ScheduledFuture<?> stop;

    Entry(NamespaceCache cache) {
      this.cache = cache;
    }
  }

  Informers(
      KubernetesClient client,
      Duration linger,
      Duration syncTimeout,
      ScheduledExecutorService scheduler) {
    this.client = client;
    this.linger = linger;
    this.syncTimeout = syncTimeout;
    this.scheduler = scheduler;
  }

  /** Holds the cache of {@code namespace}, starting it if nobody holds it. */
  synchronized Lease acquire(String namespace) {
    Entry entry = entries.get(namespace);
    if (entry == null) {
      entry = new Entry(NamespaceCache.start(client, namespace, syncTimeout));
      entries.put(namespace, entry);
    }
    if (entry.stop != null) {
      entry.stop.cancel(false);
      entry.stop = null;
    }
    entry.holders++;
    Entry held = entry;
    return new Lease() {
      private boolean closed;

      @Override
      public NamespaceCache cache() {
        return held.cache;
      }

      @Override
      public void close() {
        synchronized (Informers.this) {
          if (!closed) {
            closed = true;
            release(namespace, held);
          }
        }
      }
    };
  }

  private void release(String namespace, Entry entry) {
    if (--entry.holders > 0) {
      return;
    }
    if (linger.isZero()) {
      stop(namespace, entry);
    } else {
      entry.stop =
          scheduler.schedule(
              () -> {
                synchronized (this) {
                  if (entry.holders == 0 && entries.get(namespace) == entry) {
                    stop(namespace, entry);
                  }
                }
              },
              linger.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  private void stop(String namespace, Entry entry) {
    entries.remove(namespace);
    entry.cache.close();
  }

  /** The namespaces whose informers run now. */
  synchronized Set<String> running() {
    return Set.copyOf(entries.keySet());
  }

  @Override
  public synchronized void close() {
    entries.values().forEach(e -> e.cache.close());
    entries.clear();
  }
}
