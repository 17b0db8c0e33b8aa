package dev.rollouts.notifications.service;

import java.time.Duration;
import java.util.Optional;

/**
 * A notification that was not delivered. {@link #retryable()} tells a transient failure (a
 * connection error, HTTP 429, a 5xx other than 501) from a permanent one (Slack's {@code ok:false},
 * a 4xx); {@link #retryAfter()} is the wait the server asked for ({@code Retry-After}). Messages
 * never contain tokens or passwords.
 */
public class SendException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  /** A failure. */
  public SendException(String message, boolean retryable, Optional<Duration> retryAfter) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** A permanent failure. */
  public static SendException permanent(String message) {
    return new SendException(message, false, Optional.empty());
  }

  /** A transient failure, worth retrying. */
  public static SendException transientFailure(String message, Optional<Duration> retryAfter) {
    return new SendException(message, true, retryAfter);
  }

  /** Whether sending again may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** The wait the server asked for before trying again. */
  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }
}
