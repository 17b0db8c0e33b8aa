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

  /** Writes abort, abortedAt, pauseConditions and controllerPause into {@code status}. */
  public void applyTo(RolloutStatus.Builder status, Instant now) {
    Instant abortedAt = previous.abortedAt().orElse(now);
    if (isAborted()) {
      status.abort(true).abortedAt(abortedAt).controllerPause(false).pauseConditions(List.of());
      return;
    }
    status.abort(false).abortedAt(Optional.empty());
    if (clear) {
      status.pauseConditions(List.of()).controllerPause(false);
      return;
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
      status.pauseConditions(List.of()).controllerPause(false);
    } else {
      status.pauseConditions(conditions).controllerPause(controllerPause);
    }
  }
}
