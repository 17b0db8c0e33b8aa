package dev.rollouts.core.internal;

import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionReason;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The status rules common to both strategies, as Argo's {@code calculateRolloutConditions}, {@code
 * checkPausedConditions}, {@code persistRolloutStatus} and {@code CalculateRolloutPhase} apply
 * them.
 */
public final class StatusCalculator {

  private final Sync sync;
  private final StatusRules rules;

  public StatusCalculator(Sync sync, StatusRules rules) {
    this.sync = sync;
    this.rules = rules;
  }

  /** Argo's checkPausedConditions: reflect a pause, a resume or a retry in the conditions. */
  public static void checkPausedConditions(Sync sync) {
    RolloutStatus previous = sync.rollout().status();
    Conditions conditions = sync.conditions();
    Optional<Condition> progressing = conditions.get(ConditionType.Progressing);
    boolean pausedCondition =
        progressing
            .map(c -> c.reason().equals(ConditionReason.RolloutPaused.value()))
            .orElse(false);
    boolean isPaused = !previous.pauseConditions().isEmpty() || sync.rollout().spec().paused();
    boolean abortCondition =
        progressing
            .map(c -> c.reason().equals(ConditionReason.RolloutAborted.value()))
            .orElse(false);
    if (isPaused != pausedCondition && !abortCondition) {
      if (isPaused) {
        conditions.set(
            ConditionType.Progressing,
            Conditions.UNKNOWN,
            ConditionReason.RolloutPaused.value(),
            "Rollout is paused");
      } else {
        conditions.set(
            ConditionType.Progressing,
            Conditions.UNKNOWN,
            ConditionReason.RolloutResumed.value(),
            "Rollout is resumed");
      }
    }
    if (!previous.abort() && abortCondition) {
      conditions.set(
          ConditionType.Progressing,
          Conditions.UNKNOWN,
          ConditionReason.RolloutRetry.value(),
          "Retrying Rollout after abort");
    }
    boolean pausedTrue = conditions.get(ConditionType.Paused).map(Condition::isTrue).orElse(false);
    if (isPaused != pausedTrue && !abortCondition) {
      conditions.set(
          ConditionType.Paused,
          isPaused ? Conditions.TRUE : Conditions.FALSE,
          ConditionReason.RolloutPaused.value(),
          "Rollout is paused");
    }
  }

  /**
   * Completes {@code next}: conditions, pause and abort, observed generation, phase and message;
   * records pause events and when to look again for the progress deadline.
   */
  public RolloutStatus finish(RolloutStatus next, long revision) {
    calculateConditions(next, revision);
    List<Condition> conditions = sync.conditions().list();
    PauseState.Outcome pause = sync.pause().outcome(sync.now());
    PhaseAndMessage phase = phase(next, conditions, pause.pauseConditions());
    recordPauseEvents(pause);
    requeueForProgressDeadline(conditions, pause);
    RolloutStatus.Builder status = RolloutStatus.builder().from(next).conditions(conditions);
    pause.applyTo(status);
    return status
        .observedGeneration(Long.toString(sync.rollout().generation()))
        .phase(phase.phase())
        .message(phase.message().isEmpty() ? Optional.empty() : Optional.of(phase.message()))
        .build();
  }

  private void calculateConditions(RolloutStatus next, long revision) {
    RolloutStatus previous = sync.rollout().status();
    Conditions conditions = sync.conditions();
    boolean isPaused = !previous.pauseConditions().isEmpty() || sync.rollout().spec().paused();
    boolean aborted = sync.pause().isAborted();
    boolean healthy = healthy(next);
    boolean becameUnhealthy = false;
    if (!isPaused && healthy) {
      conditions.set(
          ConditionType.Healthy,
          Conditions.TRUE,
          ConditionReason.RolloutHealthy.value(),
          "Rollout is healthy");
    } else if (conditions.get(ConditionType.Healthy).isPresent()) {
      becameUnhealthy =
          conditions.set(
              ConditionType.Healthy,
              Conditions.FALSE,
              ConditionReason.RolloutHealthy.value(),
              "Rollout is not healthy");
    }
    if (aborted) {
      String message = "Rollout aborted update to revision " + revision;
      if (!sync.pause().abortMessage().isEmpty()) {
        message += ": " + sync.pause().abortMessage();
      }
      if (conditions.set(
          ConditionType.Progressing,
          Conditions.FALSE,
          ConditionReason.RolloutAborted.value(),
          message)) {
        sync.event(RolloutEvent.warning(EventReason.RolloutAborted, message));
      }
    } else {
      progressingCondition(previous, next, healthy, becameUnhealthy);
    }
    sync.blocker()
        .ifPresent(
            b ->
                conditions.set(
                    ConditionType.Progressing, Conditions.FALSE, b.reason(), b.message()));
    if (rules.available(next)) {
      conditions.set(
          ConditionType.Available,
          Conditions.TRUE,
          ConditionReason.AvailableReason.value(),
          "Rollout has minimum availability");
    } else {
      conditions.set(
          ConditionType.Available,
          Conditions.FALSE,
          ConditionReason.AvailableReason.value(),
          "Rollout does not have minimum availability");
    }
    String completed = ConditionReason.RolloutCompleted.value();
    if (isFullyPromoted(next)) {
      conditions.set(ConditionType.Completed, Conditions.TRUE, completed, completed);
    } else if (conditions.set(ConditionType.Completed, Conditions.FALSE, completed, completed)) {
      sync.event(
          RolloutEvent.normal(
              EventReason.RolloutNotCompleted,
              String.format(
                  "Rollout not completed, started update to revision %d (%s)",
                  revision, next.currentPodHash().orElse(""))));
    }
  }

  private void progressingCondition(
      RolloutStatus previous, RolloutStatus next, boolean healthy, boolean becameUnhealthy) {
    Conditions conditions = sync.conditions();
    Optional<String> newRS = sync.snapshot().newRS().map(rs -> rs.name());
    if (healthy) {
      conditions.set(
          ConditionType.Progressing,
          Conditions.TRUE,
          ConditionReason.NewReplicaSetAvailable.value(),
          String.format("ReplicaSet \"%s\" has successfully progressed.", newRS.orElse("")));
    } else if (progressed(previous, next) || becameUnhealthy) {
      String message =
          newRS
              .map(name -> String.format("ReplicaSet \"%s\" is progressing.", name))
              .orElse(String.format("Rollout \"%s\" is progressing.", sync.rollout().name()));
      String reason = ConditionReason.ReplicaSetUpdated.value();
      if (isFullyPromoted(next) && becameUnhealthy) {
        reason = ConditionReason.ReplicaSetNotAvailable.value();
        message = "Rollout does not have minimum availability";
      }
      Optional<Condition> current = conditions.get(ConditionType.Progressing);
      conditions.replace(
          ConditionType.Progressing,
          Conditions.TRUE,
          reason,
          message,
          current.filter(Condition::isTrue).map(Condition::lastTransitionTime).orElse(sync.now()));
    } else if (!rules.indefiniteStep() && timedOut()) {
      String message =
          newRS
              .map(name -> String.format("ReplicaSet \"%s\" has timed out progressing.", name))
              .orElse(
                  String.format(
                      "Rollout \"%s\" has timed out progressing.", sync.rollout().name()));
      boolean changed =
          conditions.set(
              ConditionType.Progressing,
              Conditions.FALSE,
              ConditionReason.ProgressDeadlineExceeded.value(),
              message);
      if (sync.rollout().spec().progressDeadlineAbort() && (changed || !sync.pause().isAborted())) {
        sync.pause().addAbort(message);
        sync.event(RolloutEvent.warning(EventReason.RolloutAborted, message));
      }
    }
  }

  private boolean healthy(RolloutStatus next) {
    int replicas = sync.rollout().spec().replicas();
    return next.updatedReplicas() == replicas
        && next.availableReplicas() == replicas
        && sync.rollout()
            .status()
            .observedGeneration()
            .equals(Optional.of(Long.toString(sync.rollout().generation())))
        && rules.strategyHealthy(next);
  }

  private boolean progressed(RolloutStatus previous, RolloutStatus next) {
    return next.updatedReplicas() != previous.updatedReplicas()
        || next.replicas() - next.updatedReplicas()
            < previous.replicas() - previous.updatedReplicas()
        || next.readyReplicas() > previous.readyReplicas()
        || next.availableReplicas() > previous.availableReplicas()
        || rules.strategyProgressed(previous, next);
  }

  private boolean timedOut() {
    Optional<Condition> progressing = sync.conditions().get(ConditionType.Progressing);
    if (progressing.isEmpty()
        || progressing.get().reason().equals(ConditionReason.RolloutAborted.value())) {
      return false;
    }
    if (progressing.get().reason().equals(ConditionReason.ProgressDeadlineExceeded.value())) {
      return true;
    }
    return progressing
        .get()
        .lastUpdateTime()
        .plusSeconds(sync.rollout().spec().progressDeadlineSeconds())
        .isBefore(sync.now());
  }

  public static boolean isFullyPromoted(RolloutStatus status) {
    return status.stableRS().isPresent() && status.stableRS().equals(status.currentPodHash());
  }

  private void recordPauseEvents(PauseState.Outcome next) {
    boolean wasPaused = !sync.rollout().status().pauseConditions().isEmpty();
    boolean isPaused = !next.pauseConditions().isEmpty();
    if (!wasPaused && isPaused) {
      sync.event(
          RolloutEvent.normal(
              EventReason.RolloutPaused,
              "Rollout is paused (" + next.pauseConditions().get(0).reason() + ")"));
    } else if (wasPaused && !isPaused && !next.abort()) {
      sync.event(RolloutEvent.normal(EventReason.RolloutResumed, "Rollout is resumed"));
    }
  }

  private void requeueForProgressDeadline(List<Condition> conditions, PauseState.Outcome pause) {
    Optional<Condition> progressing = find(conditions, ConditionType.Progressing);
    if (progressing.isEmpty()
        || !progressing.get().reason().equals(ConditionReason.ReplicaSetUpdated.value())
        || !pause.pauseConditions().isEmpty()
        || pause.abort()
        || sync.rollout().spec().paused()
        || rules.indefiniteStep()) {
      return;
    }
    Duration left =
        Duration.between(
            sync.now(),
            progressing
                .get()
                .lastUpdateTime()
                .plusSeconds(sync.rollout().spec().progressDeadlineSeconds() + 1L));
    sync.requeueAfter(left);
  }

  private static Optional<Condition> find(List<Condition> conditions, ConditionType type) {
    for (Condition c : conditions) {
      if (c.type() == type) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A phase and its message. */
  record PhaseAndMessage(Phase phase, String message) {}

  private PhaseAndMessage phase(
      RolloutStatus next, List<Condition> conditions, List<PauseCondition> pauseConditions) {
    for (Condition c : conditions) {
      if (c.type() == ConditionType.InvalidSpec) {
        return new PhaseAndMessage(Phase.Degraded, "InvalidSpec: " + c.message());
      }
      if (c.reason().equals(ConditionReason.RolloutAborted.value())
          || c.reason().equals(ConditionReason.ProgressDeadlineExceeded.value())) {
        return new PhaseAndMessage(Phase.Degraded, c.reason() + ": " + c.message());
      }
    }
    if (sync.rollout().spec().paused()) {
      return new PhaseAndMessage(Phase.Paused, "manually paused");
    }
    if (!pauseConditions.isEmpty()) {
      return new PhaseAndMessage(Phase.Paused, pauseConditions.get(0).reason().name());
    }
    if (sync.rollout().spec().restartAt().isPresent()
        && !sync.rollout().spec().restartAt().equals(next.restartedAt())) {
      return new PhaseAndMessage(Phase.Progressing, "rollout is restarting");
    }
    if (next.updatedReplicas() < sync.rollout().spec().replicas()) {
      return new PhaseAndMessage(Phase.Progressing, "more replicas need to be updated");
    }
    if (next.availableReplicas() < next.updatedReplicas()) {
      return new PhaseAndMessage(
          Phase.Progressing, "updated replicas are still becoming available");
    }
    return rules
        .progressingMessage(next)
        .map(message -> new PhaseAndMessage(Phase.Progressing, message))
        .orElse(new PhaseAndMessage(Phase.Healthy, ""));
  }
}
