package dev.rollouts.kubernetes.sim;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for the cluster to reach a state, polling: the tests assert end states, never timings. The
 * timeout only bounds how long a broken build takes to fail.
 */
public final class Poll {

  /** Generous: the suite shares two cores with other builds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private Poll() {}

  /**
   * Returns once {@code condition} holds; fails with {@code description} and {@code diagnostics} if
   * it does not hold within {@link #DEFAULT_TIMEOUT}.
   */
  public static void until(String description, BooleanSupplier condition, Supplier<?> diagnostics) {
    until(description, DEFAULT_TIMEOUT, condition, diagnostics);
  }

  /** As {@link #until(String, BooleanSupplier, Supplier)}, with a timeout. */
  public static void until(
      String description, Duration timeout, BooleanSupplier condition, Supplier<?> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(20);
    }
    AssertionError error =
        new AssertionError(
            "timed out after "
                + timeout
                + " waiting until "
                + description
                + "; "
                + diagnostics.get());
    if (last != null) {
      error.initCause(last);
    }
    throw error;
  }

  /** Sleeps, restoring the interrupt flag if interrupted. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
