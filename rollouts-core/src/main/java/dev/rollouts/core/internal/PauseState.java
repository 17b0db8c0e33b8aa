package dev.rollouts.core.internal;

import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pause and abort changes gathered during one sync, applied to the new status at the end
 * (Argo's pause context).
 */
public final class PauseState {

  private final RolloutStatus previous;
  private final Set<PauseReason> add = new LinkedHashSet<>();
  private final Set<PauseReason> remove = new LinkedHashSet<>();
  private boolean clear;
  private boolean addAbort;
  private boolean removeAbort;
  private String abortMessage = "";

  PauseState(RolloutStatus previous) {
    this.previous = previous;
  }

  public void addPause(PauseReason reason) {
    add.add(reason);
  }

  public void removePause(PauseReason reason) {
    remove.add(reason);
  }

  public void clearPauseConditions() {
    clear = true;
  }

  public void addAbort(String message) {
    addAbort = true;
    abortMessage = message;
  }

  public void removeAbort() {
    removeAbort = true;
  }

  public String abortMessage() {
    return abortMessage;
  }

  public boolean isAborted() {
    return !removeAbort && (addAbort || previous.abort());
  }

  public boolean hasAddedPause() {
    return !add.isEmpty();
  }

  /** The previous status's pause condition of this reason, if any. */
  public Optional<PauseCondition> previousCondition(PauseReason reason) {
    return previous.pauseConditions().stream().filter(c -> c.reason() == reason).findFirst();
  }

  /**
   * What the new status says of pausing and aborting: {@code abort}, {@code abortedAt}, {@code
   * pauseConditions} and {@code controllerPause}.
   *
   * @param abort whether the Rollout is aborted
   * @param abortedAt when the abort was first acted on
   * @param pauseConditions the pause conditions
   * @param controllerPause whether the controller paused the Rollout
   */
  public record Outcome(
      boolean abort,
      Optional<Instant> abortedAt,
      List<PauseCondition> pauseConditions,
      boolean controllerPause) {

    /** Writes the four fields into {@code status}. */
    void applyTo(RolloutStatus.Builder status) {
      status
          .abort(abort)
          .abortedAt(abortedAt)
          .pauseConditions(pauseConditions)
          .controllerPause(controllerPause);
    }
  }

  /** The pause and abort fields of the new status, from the changes gathered in this sync. */
  public Outcome outcome(Instant now) {
    if (isAborted()) {
      return new Outcome(true, Optional.of(previous.abortedAt().orElse(now)), List.of(), false);
    }
    if (clear) {
      return new Outcome(false, Optional.empty(), List.of(), false);
    }
    boolean controllerPause = previous.controllerPause();
    List<PauseCondition> conditions = new ArrayList<>();
    for (PauseCondition c : previous.pauseConditions()) {
      if (!remove.contains(c.reason())) {
        conditions.add(c);
      }
    }
    for (PauseReason reason : add) {
      if (previousCondition(reason).isEmpty()) {
        conditions.add(new PauseCondition(reason, now));
        controllerPause = true;
      }
    }
    if (conditions.isEmpty()) {
      return new Outcome(false, Optional.empty(), List.of(), false);
    }
    return new Outcome(false, Optional.empty(), List.copyOf(conditions), controllerPause);
  }
}
