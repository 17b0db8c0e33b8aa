package dev.rollouts.kubernetes.apply;

/**
 * Asked before every write: may this process still write? A controller under leader election
 * answers no as soon as it loses the lease, so that it stops acting at once, even part-way through
 * a Decision.
 */
@FunctionalInterface
public interface WriteGuard {

  /** Always allows writes: for a controller that runs without leader election. */
  WriteGuard ALWAYS = () -> {};

  /**
   * Returns if writes are allowed.
   *
   * @throws WriteRefusedException if they are not
   */
  void check();

  /** Thrown by a {@link WriteGuard} that refuses a write. */
  final class WriteRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Refuses a write, saying why. */
    public WriteRefusedException(String message) {
      super(message);
    }
  }
}
