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
    Map<String, Object> vars = conditionVariables(rollout, analysisRuns, Map.of(), clock);
    vars.put("time", TimeVariable.of(clock));
    vars.put("secrets", Map.copyOf(secrets));
    vars.put("serviceType", destination.service());
    vars.put("recipient", destination.recipient());
    return vars;
  }

  /**
   * What a trigger's {@code when} sees: {@code rollout}, {@code analysisRuns}, {@code secrets} (as
   * strings; the expression language has no bytes) and {@code time} with {@code time.Now()} and
   * {@code time.Parse(rfc3339)} (Go times, so {@code time.Now().Sub(time.Parse(
   * rollout.spec.restartAt)).Minutes() > 4} works as in Argo's documentation).
   */
  static Map<String, Object> conditionVariables(
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns,
      Map<String, String> secrets,
      Supplier<Instant> clock) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("rollout", rollout);
    vars.put("analysisRuns", analysisRuns.orElse(null));
    vars.put("secrets", Map.copyOf(secrets));
    java.util.function.Function<List<Object>, Object> now = args -> clock.get();
    java.util.function.Function<List<Object>, Object> parse =
        args -> java.time.OffsetDateTime.parse(String.valueOf(args.get(0))).toInstant();
    vars.put("time", Map.of("Now", now, "Parse", parse));
    return vars;
  }
}
