package dev.rollouts.notifications.template;

/**
 * A template that does not parse, or fails while it runs, with Go's message: {@code template:
 * NAME:LINE: …} for parse errors and {@code template: NAME:LINE:COL: executing "NAME" at <…>: …}
 * for execution errors.
 */
public class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with Go's message text. */
  public TemplateException(String message) {
    super(message);
  }
}
