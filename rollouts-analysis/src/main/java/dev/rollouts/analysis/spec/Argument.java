package dev.rollouts.analysis.spec;

import java.util.Optional;

/**
 * An argument ({@code spec.args[]}) of a template or run: {@code {name, value}} or {@code {name,
 * valueFrom}}. A template argument with neither is required: whoever starts a run must give it.
 *
 * @param name the name, used as {@code {{args.<name>}}}
 * @param value the value, if given
 * @param valueFrom where the value comes from, if not given
 */
public record Argument(String name, Optional<String> value, Optional<ValueFrom> valueFrom) {

  /** An argument with a value. */
  public static Argument of(String name, String value) {
    return new Argument(name, Optional.of(value), Optional.empty());
  }

  /** A required argument: no value yet. */
  public static Argument required(String name) {
    return new Argument(name, Optional.empty(), Optional.empty());
  }

  /** An argument read from a Secret in the run's namespace when a measurement is taken. */
  public static Argument fromSecret(String name, String secretName, String key) {
    return new Argument(
        name,
        Optional.empty(),
        Optional.of(
            new ValueFrom(
                Optional.of(new SecretKeyRef(secretName, key)),
                Optional.empty(),
                Optional.empty())));
  }

  /** The secret this argument is read from, if it is. */
  public Optional<SecretKeyRef> secretKeyRef() {
    return valueFrom.flatMap(ValueFrom::secretKeyRef);
  }

  /**
   * {@code valueFrom}: a {@code secretKeyRef} (templates and runs), or on the Rollout side a {@code
   * fieldRef} or {@code podTemplateHashValue}.
   *
   * @param secretKeyRef {@code secretKeyRef{name,key}}
   * @param fieldPath {@code fieldRef.fieldPath}
   * @param podTemplateHashValue {@code Stable} or {@code Latest}
   */
  public record ValueFrom(
      Optional<SecretKeyRef> secretKeyRef,
      Optional<String> fieldPath,
      Optional<String> podTemplateHashValue) {}

  /**
   * {@code secretKeyRef}: a key of a Secret in the run's namespace.
   *
   * @param name the Secret's name
   * @param key the key in its {@code data}
   */
  public record SecretKeyRef(String name, String key) {}
}
