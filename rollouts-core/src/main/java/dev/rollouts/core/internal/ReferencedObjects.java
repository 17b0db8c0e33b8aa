package dev.rollouts.core.internal;

import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Argo's validation of referenced resources: every Service the strategy names must exist. Reported
 * as InvalidSpec, like a spec error, naming the field and the Service.
 */
final class ReferencedObjects {

  private ReferencedObjects() {}

  static Optional<String> missing(Rollout rollout, Observed observed) {
    List<String[]> named = new ArrayList<>();
    rollout
        .spec()
        .strategy()
        .canary()
        .ifPresent(
            c -> {
              c.canaryService()
                  .ifPresent(
                      s -> named.add(new String[] {"spec.strategy.canary.canaryService", s}));
              c.stableService()
                  .ifPresent(
                      s -> named.add(new String[] {"spec.strategy.canary.stableService", s}));
            });
    rollout
        .spec()
        .strategy()
        .blueGreen()
        .ifPresent(
            b -> {
              b.activeService()
                  .ifPresent(
                      s -> named.add(new String[] {"spec.strategy.blueGreen.activeService", s}));
              b.previewService()
                  .ifPresent(
                      s -> named.add(new String[] {"spec.strategy.blueGreen.previewService", s}));
            });
    return named.stream()
        .filter(ref -> !ref[1].isEmpty() && !observed.services().containsKey(ref[1]))
        .findFirst()
        .map(
            ref ->
                String.format(
                    "The Rollout \"%s\" is invalid: %s: Invalid value: \"%s\": service \"%s\" not found",
                    rollout.name(), ref[0], ref[1], ref[1]));
  }
}
