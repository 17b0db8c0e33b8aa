package dev.rollouts.notifications;

import dev.rollouts.expr.Expression;
import dev.rollouts.expr.ExpressionException;
import dev.rollouts.expr.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to send, without sending: the two paths of Argo Rollouts.
 *
 * <ul>
 *   <li>{@link #forEvent}: an event reason fires the trigger {@link Triggers#forReason} names; each
 *       subscribed destination gets each condition without {@code when}, and each whose {@code
 *       when} is true (Argo's {@code sendNotifications} in {@code utils/record/record.go}).
 *   <li>{@link #forState}: every subscribed trigger's {@code when} is evaluated on the Rollout as
 *       it is now; a condition that turned true is sent once, remembered in the annotation {@value
 *       #NOTIFIED_ANNOTATION} exactly as notifications-engine writes it ({@code
 *       {"<trigger>:[<i>].<base64url(sha1(when))>:<service>:<recipient>": <unix seconds>}}, at most
 *       100 entries), and forgotten when it turns false so it can fire again.
 * </ul>
 *
 * <p>A destination subscribed twice for one trigger is sent to once. A {@code when} that fails to
 * evaluate counts as false, and is logged.
 */
public final class Planner {

  /** notifications-engine's memory of what the state path sent. */
  public static final String NOTIFIED_ANNOTATION = "notified.notifications.argoproj.io";

  private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
  private static final int HISTORY = 100;
  private static final Map<String, Expression> COMPILED = new ConcurrentHashMap<>();

  private Planner() {}

  /** What the state path decided: the sends, and the annotation's new value (empty to remove). */
  public record StateOutcome(
      List<PlannedSend> sends, Optional<String> annotation, boolean changed) {
    /** Copies the sends. */
    public StateOutcome {
      sends = List.copyOf(sends);
    }
  }

  /** The sends for an event {@code reason} recorded on {@code rollout}. */
  public static List<PlannedSend> forEvent(
      NotificationConfig config,
      String reason,
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns) {
    String trigger = Triggers.forReason(reason);
    List<Destination> destinations = destinations(config, rollout).get(trigger);
    if (destinations == null || destinations.isEmpty()) {
      return List.of();
    }
    List<TriggerCondition> conditions = config.triggers().get(trigger);
    if (conditions == null) {
      LOG.debug("trigger '{}' is not configured", trigger);
      return List.of();
    }
    Map<String, Object> vars = conditionVars(config, rollout, analysisRuns, Instant::now);
    List<PlannedSend> sends = new ArrayList<>();
    for (TriggerCondition condition : conditions) {
      if (condition.when().isEmpty() || holds(trigger, condition.when().get(), vars)) {
        for (Destination destination : destinations) {
          sends.add(new PlannedSend(trigger, condition.send(), destination));
        }
      }
    }
    return List.copyOf(new LinkedHashSet<>(sends));
  }

  /**
   * The state path on {@code rollout} as it is now, with the annotation it carries ({@code
   * notified}, possibly empty). {@code selfServiceNamespace} is the configuration's namespace when
   * it is a Rollout namespace's own configuration (its keys are then prefixed with it).
   */
  public static StateOutcome forState(
      NotificationConfig config,
      Optional<String> selfServiceNamespace,
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns,
      String notified,
      Instant now) {
    Map<String, Long> state = readState(notified);
    Map<String, Long> before = new LinkedHashMap<>(state);
    Map<String, Object> vars = conditionVars(config, rollout, analysisRuns, () -> now);
    List<PlannedSend> sends = new ArrayList<>();
    for (Map.Entry<String, List<Destination>> e : destinations(config, rollout).entrySet()) {
      String trigger = e.getKey();
      List<TriggerCondition> conditions = config.triggers().get(trigger);
      if (conditions == null) {
        continue;
      }
      for (int i = 0; i < conditions.size(); i++) {
        TriggerCondition condition = conditions.get(i);
        String when = condition.when().orElse("");
        boolean triggered = !when.isEmpty() && holds(trigger, when, vars);
        String oncePer =
            triggered && condition.oncePer().isPresent()
                ? oncePer(condition.oncePer().get(), vars)
                : "";
        String conditionKey = "[" + i + "]." + hash(when);
        for (Destination to : e.getValue()) {
          String key =
              selfServiceNamespace.map(ns -> ns + ":").orElse("")
                  + trigger
                  + ":"
                  + conditionKey
                  + ":"
                  + to.service()
                  + ":"
                  + to.recipient();
          if (!oncePer.isEmpty()) {
            key = oncePer + ":" + key;
          }
          if (!triggered) {
            if (condition.oncePer().isEmpty()) {
              state.remove(key);
            }
          } else if (!state.containsKey(key)) {
            state.put(key, now.getEpochSecond());
            sends.add(new PlannedSend(trigger, condition.send(), to));
          }
        }
      }
    }
    truncate(state);
    boolean changed = !state.equals(before);
    Optional<String> annotation =
        state.isEmpty() ? Optional.empty() : Optional.of(writeState(state));
    return new StateOutcome(List.copyOf(new LinkedHashSet<>(sends)), annotation, changed);
  }

  /**
   * Whether {@code condition} holds for {@code rollout}, as {@code trigger run} shows it: a
   * condition without {@code when} is false (notifications-engine compiles it as {@code false}); an
   * evaluation error counts as false.
   */
  public static boolean conditionHolds(
      NotificationConfig config, TriggerCondition condition, Map<String, Object> rollout) {
    return condition.when().isPresent()
        && holds(
            "",
            condition.when().get(),
            conditionVars(config, rollout, Optional.empty(), Instant::now));
  }

  /** Whether {@code when} holds; an evaluation error is logged and counts as false. */
  static boolean holds(String trigger, String when, Map<String, Object> vars) {
    try {
      Object result = compile(when).evaluate(vars);
      return Boolean.TRUE.equals(result);
    } catch (ExpressionException ex) {
      LOG.error("failed to execute when condition of trigger {}: {}", trigger, ex.getMessage());
      return false;
    }
  }

  private static String oncePer(String expression, Map<String, Object> vars) {
    try {
      return Values.format(compile(expression).evaluate(vars));
    } catch (ExpressionException ex) {
      LOG.error("failed to execute oncePer condition: {}", ex.getMessage());
      return "";
    }
  }

  private static Expression compile(String source) {
    return COMPILED.computeIfAbsent(source, Expression::parse);
  }

  private static Map<String, Object> conditionVars(
      NotificationConfig config,
      Map<String, Object> rollout,
      Optional<List<Object>> runs,
      java.util.function.Supplier<Instant> clock) {
    Map<String, String> secrets = new LinkedHashMap<>();
    config.secrets().forEach((k, v) -> secrets.put(k, new String(v, StandardCharsets.UTF_8)));
    return TemplateVariables.conditionVariables(rollout, runs, secrets, clock);
  }

  static Map<String, List<Destination>> destinations(
      NotificationConfig config, Map<String, Object> rollout) {
    return config.destinations(metadataMap(rollout, "labels"), metadataMap(rollout, "annotations"));
  }

  static Map<String, String> metadataMap(Map<String, Object> object, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get(field) instanceof Map<?, ?> values) {
      values.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return out;
  }

  private static String hash(String input) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1").digest(input.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  private static Map<String, Long> readState(String notified) {
    Map<String, Long> state = new LinkedHashMap<>();
    if (notified == null || notified.isEmpty()) {
      return state;
    }
    try {
      Object parsed = dev.rollouts.notifications.template.Json.read(notified);
      if (parsed instanceof Map<?, ?> m) {
        m.forEach((k, v) -> state.put(String.valueOf(k), ((Number) v).longValue()));
      }
    } catch (RuntimeException e) {
      return new LinkedHashMap<>();
    }
    return state;
  }

  private static String writeState(Map<String, Long> state) {
    Map<String, Object> values = new LinkedHashMap<>(state);
    return dev.rollouts.notifications.template.Json.write(values);
  }

  private static void truncate(Map<String, Long> state) {
    int excess = state.size() - HISTORY;
    if (excess <= 0) {
      return;
    }
    state.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .limit(excess)
        .map(Map.Entry::getKey)
        .toList()
        .forEach(state::remove);
  }
}
