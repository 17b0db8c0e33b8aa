package dev.rollouts.kubernetes.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code rate} times as fast as real time from the moment it is made: the
 * controller's accelerated clock in the tests, so that a Rollout's timed pauses (and scale-down
 * delays) pass in a fraction of their real length. Shared by every controller of one test, as one
 * cluster has one time.
 */
public final class FastClock extends Clock {

  private final Instant start = Instant.now();
  private final long startNanos = System.nanoTime();
  private final double rate;

  /** A clock {@code rate} times as fast as real time. */
  public FastClock(double rate) {
    this.rate = rate;
  }

  /** How many times faster than real time it runs. */
  public double rate() {
    return rate;
  }

  @Override
  public Instant instant() {
    return start.plus(Duration.ofNanos((long) ((System.nanoTime() - startNanos) * rate)));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a FastClock is UTC only");
  }
}
