package dev.rollouts.core.traffic;

import com.google.common.collect.ImmutableList;
import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import java.util.List;

/**
 * A header route in force: requests whose headers all match go to the canary.
 *
 * @param name the managed route's name
 * @param matches the header matches, all of which must hold
 */
public record HeaderRoute(String name, List<HeaderMatch> matches) {

  /** Copies the matches. */
  public HeaderRoute {
    matches = ImmutableList.copyOf(matches);
  }
}
