package dev.rollouts.core.traffic;

import dev.rollouts.core.Trees;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes object as a deeply immutable tree (see {@link Trees}): how routing objects cross the
 * traffic SPI without Kubernetes types.
 *
 * @param content the whole object: {@code apiVersion}, {@code kind}, {@code metadata}, and the rest
 */
public record Manifest(Map<String, Object> content) {

  /**
   * Copies {@code content} deeply.
   *
   * @throws IllegalArgumentException if {@code apiVersion}, {@code kind} or {@code metadata.name}
   *     is missing
   */
  public Manifest {
    content = Trees.copyOf(content);
    if (Trees.string(content, "apiVersion").isEmpty() || Trees.string(content, "kind").isEmpty()) {
      throw new IllegalArgumentException("a manifest needs apiVersion and kind: " + content);
    }
    if (Trees.map(content, "metadata").flatMap(m -> Trees.string(m, "name")).isEmpty()) {
      throw new IllegalArgumentException("a manifest needs metadata.name: " + content);
    }
  }

  /** {@code apiVersion}. */
  public String apiVersion() {
    return (String) content.get("apiVersion");
  }

  /** {@code kind}. */
  public String kind() {
    return (String) content.get("kind");
  }

  /** {@code metadata}. */
  public Map<String, Object> metadata() {
    return Trees.map(content, "metadata").orElseThrow();
  }

  /** {@code metadata.name}. */
  public String name() {
    return Trees.string(metadata(), "name").orElseThrow();
  }

  /** {@code metadata.namespace}, if set. */
  public Optional<String> namespace() {
    return Trees.string(metadata(), "namespace");
  }

  /** {@code metadata.annotations}, or an empty map. */
  @SuppressWarnings("unchecked")
  public Map<String, String> annotations() {
    return Trees.map(metadata(), "annotations")
        .map(m -> (Map<String, String>) (Map<?, ?>) m)
        .orElse(Map.of());
  }

  /** Whether this is the object of that kind and name. */
  public boolean is(String kind, String name) {
    return kind().equals(kind) && name().equals(name);
  }
}
