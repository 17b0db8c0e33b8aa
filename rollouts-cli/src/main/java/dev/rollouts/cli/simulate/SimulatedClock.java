package dev.rollouts.cli.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at the wall-clock time of its creation and runs {@code speed} times faster:
 * at speed 10, a 2-second pause ends 0.2 s later. The controller of a simulation decides with it;
 * the simulated pods take {@link #real} of their delays.
 */
public final class SimulatedClock extends Clock {

  private final Instant start;
  private final long startNanos;
  private final double speed;

  private SimulatedClock(Instant start, long startNanos, double speed) {
    this.start = start;
    this.startNanos = startNanos;
    this.speed = speed;
  }

  /**
   * A clock starting now.
   *
   * @throws IllegalArgumentException if {@code speed} is not positive
   */
  public static SimulatedClock startingNow(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, was " + speed);
    }
    return new SimulatedClock(Instant.now(), System.nanoTime(), speed);
  }

  @Override
  public Instant instant() {
    return start.plus(elapsed());
  }

  /** Simulated time since the start. */
  public Duration elapsed() {
    return Duration.ofNanos((long) ((System.nanoTime() - startNanos) * speed));
  }

  /** The real time a simulated {@code duration} takes. */
  public Duration real(Duration duration) {
    return Duration.ofNanos((long) (duration.toNanos() / speed));
  }

  /** How many times faster than the wall clock this clock runs. */
  public double speed() {
    return speed;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a simulated clock is in UTC");
  }
}
