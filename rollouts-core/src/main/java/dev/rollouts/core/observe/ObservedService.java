package dev.rollouts.core.observe;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A Service the strategy names, as observed.
 *
 * @param name {@code metadata.name}
 * @param selector {@code spec.selector}
 */
public record ObservedService(String name, Map<String, String> selector) {

  /** Copies the selector. */
  public ObservedService {
    selector = ImmutableMap.copyOf(selector);
  }
}
