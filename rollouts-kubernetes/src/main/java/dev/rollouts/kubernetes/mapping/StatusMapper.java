package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.CanaryStatus;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.status.WeightDestination;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The core's {@link RolloutStatus} to and from {@code status} of an Argo Rollout, field for field
 * as Argo Rollouts writes it.
 *
 * <p>{@link #toMap} writes Argo's field names in the order of Argo's Go type and leaves out what
 * Go's {@code omitempty} leaves out: false, 0, empty strings and empty lists, absent optionals.
 * {@code currentStepIndex} is written even when 0; {@code canary} and {@code blueGreen} are always
 * written, {@code {}} when empty; {@code observedGeneration} is a string; times are RFC 3339 in UTC
 * to the second ({@code 2026-01-01T00:00:00Z}). {@code HPAReplicas}, which the scale subresource
 * reads, is written as {@code replicas}. Fields the core does not model ({@code collisionCount},
 * analysis-run statuses, {@code alb}) are not written; {@link #fromMap} ignores them.
 *
 * <p>{@code fromMap(toMap(s))} equals {@code s} for every status whose times are whole seconds and
 * whose optional strings are not empty.
 */
public final class StatusMapper {

  private static final Map<PauseReason, String> PAUSE_REASONS =
      Map.of(
          PauseReason.CanaryPauseStep, "CanaryPauseStep",
          PauseReason.BlueGreenPause, "BlueGreenPause",
          PauseReason.InconclusiveAnalysisRun, "InconclusiveAnalysisRun",
          PauseReason.InconclusiveExperiment, "InconclusiveExperiment");

  private StatusMapper() {}

  /** {@code status} as Argo Rollouts writes it, ready to serialise as JSON. */
  public static Map<String, Object> toMap(RolloutStatus status) {
    Map<String, Object> out = new LinkedHashMap<>();
    putTrue(out, "abort", status.abort());
    if (!status.pauseConditions().isEmpty()) {
      out.put(
          "pauseConditions",
          status.pauseConditions().stream().map(StatusMapper::pauseCondition).toList());
    }
    putTrue(out, "controllerPause", status.controllerPause());
    status.abortedAt().ifPresent(t -> out.put("abortedAt", time(t)));
    putString(out, "currentPodHash", status.currentPodHash());
    putString(out, "currentStepHash", status.currentStepHash());
    putNonZero(out, "replicas", status.replicas());
    putNonZero(out, "updatedReplicas", status.updatedReplicas());
    putNonZero(out, "readyReplicas", status.readyReplicas());
    putNonZero(out, "availableReplicas", status.availableReplicas());
    status.currentStepIndex().ifPresent(i -> out.put("currentStepIndex", i));
    putString(out, "observedGeneration", status.observedGeneration());
    if (!status.conditions().isEmpty()) {
      out.put("conditions", status.conditions().stream().map(StatusMapper::condition).toList());
    }
    out.put("canary", canary(status.canary()));
    out.put("blueGreen", blueGreen(status.blueGreen()));
    putNonZero(out, "HPAReplicas", status.replicas());
    putString(out, "selector", status.selector());
    putString(out, "stableRS", status.stableRS());
    status.restartedAt().ifPresent(t -> out.put("restartedAt", time(t)));
    putTrue(out, "promoteFull", status.promoteFull());
    status.phase().ifPresent(p -> out.put("phase", p.name()));
    putString(out, "message", status.message());
    return out;
  }

  /**
   * {@code status} of an Argo Rollout as the core's type; an empty status for an empty map.
   *
   * @throws ManifestException naming the field ({@code status.conditions[0].lastUpdateTime}) whose
   *     value has the wrong type or is missing
   */
  public static RolloutStatus fromMap(Map<String, ?> status) {
    return read(Node.of("Rollout", "status", status));
  }

  /** Reads the status at {@code status}, naming its object and path in errors. */
  static RolloutStatus read(Node status) {
    RolloutStatus.Builder b = RolloutStatus.builder();
    status.get("abort").bool().ifPresent(b::abort);
    status.get("pauseConditions").items().forEach(c -> b.addPauseCondition(pauseCondition(c)));
    status.get("controllerPause").bool().ifPresent(b::controllerPause);
    status.get("abortedAt").time().ifPresent(b::abortedAt);
    nonEmpty(status.get("currentPodHash")).ifPresent(b::currentPodHash);
    nonEmpty(status.get("currentStepHash")).ifPresent(b::currentStepHash);
    status.get("replicas").integer().ifPresent(b::replicas);
    status.get("updatedReplicas").integer().ifPresent(b::updatedReplicas);
    status.get("readyReplicas").integer().ifPresent(b::readyReplicas);
    status.get("availableReplicas").integer().ifPresent(b::availableReplicas);
    status.get("currentStepIndex").integer().ifPresent(b::currentStepIndex);
    nonEmpty(status.get("observedGeneration")).ifPresent(b::observedGeneration);
    status.get("conditions").items().forEach(c -> b.addCondition(condition(c)));
    b.canary(canary(status.get("canary")));
    b.blueGreen(blueGreen(status.get("blueGreen")));
    nonEmpty(status.get("selector")).ifPresent(b::selector);
    nonEmpty(status.get("stableRS")).ifPresent(b::stableRS);
    status.get("restartedAt").time().ifPresent(b::restartedAt);
    status.get("promoteFull").bool().ifPresent(b::promoteFull);
    nonEmpty(status.get("phase"))
        .map(p -> constant(status.get("phase"), Phase.class, p))
        .ifPresent(b::phase);
    nonEmpty(status.get("message")).ifPresent(b::message);
    return b.build();
  }

  /** {@code t} as Argo writes a time: RFC 3339, UTC, whole seconds. */
  public static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  private static Map<String, Object> pauseCondition(PauseCondition c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reason", PAUSE_REASONS.get(c.reason()));
    out.put("startTime", time(c.startTime()));
    return out;
  }

  private static PauseCondition pauseCondition(Node c) {
    Node reason = c.get("reason");
    String wire = required(reason.string(), reason);
    PauseReason parsed =
        PAUSE_REASONS.entrySet().stream()
            .filter(e -> e.getValue().equals(wire))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(
                () ->
                    reason.error(
                        "must be one of "
                            + String.join(", ", PAUSE_REASONS.values().stream().sorted().toList())
                            + ", was "
                            + Node.describe(wire)));
    return new PauseCondition(parsed, required(c.get("startTime").time(), c.get("startTime")));
  }

  private static Map<String, Object> condition(Condition c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", c.type().name());
    out.put("status", c.status());
    out.put("lastUpdateTime", time(c.lastUpdateTime()));
    out.put("lastTransitionTime", time(c.lastTransitionTime()));
    out.put("reason", c.reason());
    out.put("message", c.message());
    return out;
  }

  private static Condition condition(Node c) {
    Node type = c.get("type");
    return Condition.builder()
        .type(constant(type, ConditionType.class, required(type.string(), type)))
        .status(required(c.get("status").string(), c.get("status")))
        .reason(c.get("reason").string().orElse(""))
        .message(c.get("message").string().orElse(""))
        .lastUpdateTime(required(c.get("lastUpdateTime").time(), c.get("lastUpdateTime")))
        .lastTransitionTime(
            required(c.get("lastTransitionTime").time(), c.get("lastTransitionTime")))
        .build();
  }

  private static Map<String, Object> canary(CanaryStatus canary) {
    Map<String, Object> out = new LinkedHashMap<>();
    canary.weights().ifPresent(w -> out.put("weights", weights(w)));
    return out;
  }

  private static CanaryStatus canary(Node canary) {
    Node weights = canary.get("weights");
    if (!weights.map().isPresent()) {
      return CanaryStatus.empty();
    }
    return new CanaryStatus(
        Optional.of(
            new TrafficWeights(
                destination(weights.get("canary")),
                destination(weights.get("stable")),
                weights.get("verified").bool())));
  }

  private static Map<String, Object> weights(TrafficWeights w) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("canary", destination(w.canary()));
    out.put("stable", destination(w.stable()));
    w.verified().ifPresent(v -> out.put("verified", v));
    return out;
  }

  private static Map<String, Object> destination(WeightDestination d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("weight", d.weight());
    putString(out, "serviceName", d.serviceName());
    putString(out, "podTemplateHash", d.podTemplateHash());
    return out;
  }

  private static WeightDestination destination(Node d) {
    d.mapOrEmpty();
    return new WeightDestination(
        d.get("weight").integer().orElse(0),
        nonEmpty(d.get("serviceName")),
        nonEmpty(d.get("podTemplateHash")));
  }

  private static Map<String, Object> blueGreen(BlueGreenStatus blueGreen) {
    Map<String, Object> out = new LinkedHashMap<>();
    putString(out, "previewSelector", blueGreen.previewSelector());
    putString(out, "activeSelector", blueGreen.activeSelector());
    putTrue(out, "scaleUpPreviewCheckPoint", blueGreen.scaleUpPreviewCheckPoint());
    return out;
  }

  private static BlueGreenStatus blueGreen(Node blueGreen) {
    blueGreen.mapOrEmpty();
    return new BlueGreenStatus(
        nonEmpty(blueGreen.get("activeSelector")),
        nonEmpty(blueGreen.get("previewSelector")),
        blueGreen.get("scaleUpPreviewCheckPoint").bool().orElse(false));
  }

  private static <E extends Enum<E>> E constant(Node node, Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                node.error(
                    "must be one of "
                        + String.join(
                            ", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                        + ", was "
                        + Node.describe(value)));
  }

  private static <T> T required(Optional<T> value, Node node) {
    return value.orElseThrow(() -> node.error("is required"));
  }

  private static Optional<String> nonEmpty(Node node) {
    return node.string().filter(s -> !s.isEmpty());
  }

  private static void putString(Map<String, Object> out, String key, Optional<String> value) {
    value.filter(s -> !s.isEmpty()).ifPresent(s -> out.put(key, s));
  }

  private static void putNonZero(Map<String, Object> out, String key, int value) {
    if (value != 0) {
      out.put(key, value);
    }
  }

  private static void putTrue(Map<String, Object> out, String key, boolean value) {
    if (value) {
      out.put(key, true);
    }
  }
}
