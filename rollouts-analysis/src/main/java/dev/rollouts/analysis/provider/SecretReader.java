package dev.rollouts.analysis.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads a Secret's data when a measurement is taken, and only then. The adapter reads from the
 * cluster; tests give a map.
 */
@FunctionalInterface
public interface SecretReader {

  /**
   * The decoded {@code data} of the Secret {@code name} in {@code namespace}; empty if there is no
   * such Secret.
   */
  CompletionStage<Optional<Map<String, String>>> read(String namespace, String name);
}
