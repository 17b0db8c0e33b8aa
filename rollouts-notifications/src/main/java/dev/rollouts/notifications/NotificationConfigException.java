package dev.rollouts.notifications;

/**
 * A notification ConfigMap or Secret that cannot be used, or a send that cannot be prepared (an
 * unknown trigger, template or service), with a message naming the key, as notifications-engine
 * words it.
 */
public class NotificationConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with its message. */
  public NotificationConfigException(String message) {
    super(message);
  }

  /** An error with its message and cause. */
  public NotificationConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
