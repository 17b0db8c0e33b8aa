package dev.rollouts.kubernetes.apply;

import java.util.Optional;

/**
 * One write the applier made, with the {@code resourceVersion}s around it, so that a controller can
 * tell when its cache has caught up with its own writes.
 *
 * @param kind the object's kind
 * @param namespace its namespace
 * @param name its name
 * @param operation what was done
 * @param before the {@code resourceVersion} the write was based on; empty for a create
 * @param after the {@code resourceVersion} the API server answered; empty for a delete
 */
public record ObjectWrite(
    String kind,
    String namespace,
    String name,
    Operation operation,
    Optional<String> before,
    Optional<String> after) {

  /** What a write did. */
  public enum Operation {
    /** Created the object. */
    CREATE,
    /** Changed the object (or its status). */
    UPDATE,
    /** Deleted the object. */
    DELETE
  }

  /** {@code namespace/name}, as caches key objects. */
  public String key() {
    return namespace + "/" + name;
  }
}
