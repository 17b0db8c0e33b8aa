package dev.rollouts.core.internal.validation;

/**
 * One validation error, printed as Kubernetes prints a field error: {@code <path>: <body>}.
 *
 * @param path the field path, {@code spec.strategy.steps[0].setWeight}
 * @param body {@code Invalid value: 101: SetWeight needs to be between 0 and 100}
 */
public record FieldError(String path, String body) {

  static FieldError invalid(String path, Object value, String detail) {
    String printed = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    return new FieldError(path, "Invalid value: " + printed + ": " + detail);
  }

  static FieldError required(String path, String detail) {
    return new FieldError(path, "Required value: " + detail);
  }

  @Override
  public String toString() {
    return path + ": " + body;
  }
}
