package dev.rollouts.cli;

/**
 * A command could not do what was asked, for a reason the user can act on. The message is one line,
 * printed as {@code error: <message>}; the exit code is 1.
 *
 * <pre>{@code
 * throw new CommandFailure("rollout \"web\" not found in namespace \"shop\"");
 * }</pre>
 */
public class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with this message. */
  public CommandFailure(String message) {
    super(message);
  }

  /** A failure with this message, caused by {@code cause}. */
  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
