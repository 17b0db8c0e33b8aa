package dev.rollouts.kubernetes.mapping;

import java.util.Optional;

/**
 * A cluster object, or a file of them, cannot be read: a field has the wrong type, or required
 * structure is missing. The message names the object and the field:
 *
 * <pre>
 * Rollout default/web: spec.strategy.canary.steps[2].setWeight: must be an integer, was "abc"
 * </pre>
 *
 * <p>Values that read but are invalid (a negative weight) are not reported here; they reach the
 * engine, which reports them in the {@code InvalidSpec} condition.
 */
public final class ManifestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String object;
  private final String field;
  private final String problem;

  /**
   * A problem with one field.
   *
   * @param object the object, as {@code Kind namespace/name}; empty for a problem with a whole file
   *     (not YAML, no Rollout)
   * @param field the field path, as {@code spec.strategy.canary.steps[2].setWeight}; empty for the
   *     object as a whole
   * @param problem what is wrong, as {@code must be an integer, was "abc"}
   */
  public ManifestException(String object, String field, String problem) {
    super(format(object, field, problem));
    this.object = object;
    this.field = field;
    this.problem = problem;
  }

  /** As {@link #ManifestException(String, String, String)}, with the exception that caused it. */
  public ManifestException(String object, String field, String problem, Throwable cause) {
    this(object, field, problem);
    initCause(cause);
  }

  /** The object, as {@code Kind namespace/name}, if the problem is with one object. */
  public Optional<String> object() {
    return object.isEmpty() ? Optional.empty() : Optional.of(object);
  }

  /** The field path, if the problem is with one field. */
  public Optional<String> field() {
    return field.isEmpty() ? Optional.empty() : Optional.of(field);
  }

  /** What is wrong, without the object and the field. */
  public String problem() {
    return problem;
  }

  private static String format(String object, String field, String problem) {
    StringBuilder message = new StringBuilder();
    for (String part : new String[] {object, field}) {
      if (!part.isEmpty()) {
        message.append(part).append(": ");
      }
    }
    return message.append(problem).toString();
  }
}
