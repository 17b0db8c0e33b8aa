package dev.rollouts.kubernetes.controller;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A work queue of keys, as client-go's: a key waits at most once however often it is added, a key
 * being processed is handed to no other worker (it is queued again when processing ends, if it was
 * added meanwhile), keys can be added after a delay, and a key that keeps failing waits longer each
 * time (capped exponential backoff) until it succeeds.
 *
 * <p>Thread-safe.
 */
final class WorkQueue {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Set<String> dirty = new HashSet<>();
  private final Set<String> processing = new HashSet<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Long> scheduledAt = new HashMap<>();
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final ScheduledExecutorService timer;
  private boolean shutDown;

  /**
   * A queue whose failing keys wait {@code baseDelay}, twice that, four times … up to {@code
   * maxDelay}; {@code timer} runs the delayed adds.
   */
  WorkQueue(Duration baseDelay, Duration maxDelay, ScheduledExecutorService timer) {
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.timer = timer;
  }

  /** Queues {@code key} unless it is already waiting. */
  void add(String key) {
    lock.lock();
    try {
      if (shutDown || !dirty.add(key)) {
        return;
      }
      if (!processing.contains(key)) {
        queue.addLast(key);
        available.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code key} after {@code delay}, unless it is due sooner already. */
  void addAfter(String key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    long due = System.nanoTime() + delay.toNanos();
    lock.lock();
    try {
      Long earlier = scheduledAt.get(key);
      if (shutDown || (earlier != null && earlier - due <= 0)) {
        return;
      }
      scheduledAt.put(key, due);
    } finally {
      lock.unlock();
    }
    timer.schedule(() -> fire(key, due), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void fire(String key, long due) {
    lock.lock();
    try {
      if (!Long.valueOf(due).equals(scheduledAt.get(key))) {
        return;
      }
      scheduledAt.remove(key);
    } finally {
      lock.unlock();
    }
    add(key);
  }

  /** Queues {@code key} after its backoff, which doubles with each call until {@link #forget}. */
  Duration addRateLimited(String key) {
    Duration delay;
    lock.lock();
    try {
      int n = failures.merge(key, 1, Integer::sum);
      delay = backoff(n);
    } finally {
      lock.unlock();
    }
    addAfter(key, delay);
    return delay;
  }

  private Duration backoff(int failureCount) {
    int exponent = Math.min(failureCount - 1, 30);
    long nanos = baseDelay.toNanos() << exponent;
    return nanos <= 0 || nanos > maxDelay.toNanos() ? maxDelay : Duration.ofNanos(nanos);
  }

  /** Resets the backoff of {@code key}: it succeeded. */
  void forget(String key) {
    lock.lock();
    try {
      failures.remove(key);
    } finally {
      lock.unlock();
    }
  }

  /** How many times in a row {@code key} failed. */
  int failures(String key) {
    lock.lock();
    try {
      return failures.getOrDefault(key, 0);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next key to process, waiting for one; {@code null} once the queue is shut down. The caller
   * must call {@link #done} with it.
   */
  String take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !shutDown) {
        available.await();
      }
      if (shutDown) {
        return null;
      }
      String key = queue.pollFirst();
      dirty.remove(key);
      processing.add(key);
      return key;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the processing of {@code key}; queues it again if it was added meanwhile. */
  void done(String key) {
    lock.lock();
    try {
      processing.remove(key);
      if (dirty.contains(key) && !shutDown) {
        queue.addLast(key);
        available.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Drops every waiting key (leadership lost); keys being processed finish. */
  void clear() {
    lock.lock();
    try {
      queue.clear();
      dirty.clear();
      scheduledAt.clear();
      failures.clear();
    } finally {
      lock.unlock();
    }
  }

  /** Keys waiting now. */
  int length() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every worker with {@code null} and accepts no more keys. */
  void shutDown() {
    lock.lock();
    try {
      shutDown = true;
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
