package dev.rollouts.notifications;

import dev.rollouts.notifications.template.TimeVariable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a notification template sees, as Argo Rollouts' {@code InitGetVars} and
 * notifications-engine's {@code Send} provide it: {@code .rollout} (the Rollout as a JSON map,
 * numbers as Doubles, as it was when the event was recorded), {@code .analysisRuns} (newest first,
 * nil when there are none), {@code .time} ({@code {{call .time.Now}}}, {@code {{call .time.Parse
 * "…"}}}), {@code .secrets} (the Secret's data as bytes: use {@code {{.secrets.key | toString}}}),
 * {@code .serviceType} (the service's name) and {@code .recipient}.
 */
public final class TemplateVariables {

  private TemplateVariables() {}

  /** The variables for one destination. */
  public static Map<String, Object> of(
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns,
      Map<String, byte[]> secrets,
      Supplier<Instant> clock,
      Destination destination) {
    Map<String, Object> vars = conditionVariables(rollout, analysisRuns, Map.of());
    vars.put("time", TimeVariable.of(clock));
    vars.put("secrets", Map.copyOf(secrets));
    vars.put("serviceType", destination.service());
    vars.put("recipient", destination.recipient());
    return vars;
  }

  /**
   * What a trigger's {@code when} sees: {@code rollout}, {@code analysisRuns} and {@code secrets}
   * (as strings; the expression language has no bytes). Go's {@code time} object is not offered:
   * the expression language has no time values.
   */
  static Map<String, Object> conditionVariables(
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns,
      Map<String, String> secrets) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("rollout", rollout);
    vars.put("analysisRuns", analysisRuns.orElse(null));
    if (!secrets.isEmpty()) {
      vars.put("secrets", secrets);
    }
    return vars;
  }
}
