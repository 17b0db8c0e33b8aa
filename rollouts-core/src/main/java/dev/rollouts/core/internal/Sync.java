package dev.rollouts.core.internal;

import dev.rollouts.core.decision.AntiAffinityRule;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.ReplicaSetCreation;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.traffic.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working state of one sync: what was observed, and the desired state being built. Strategies
 * read the snapshot and write desired replicas, deadlines, selectors, routing objects, events and
 * requeue times here; {@link #toDecision} freezes it into a {@link Decision}.
 *
 * <p>Mutable, confined to one call of {@code decide}.
 */
public final class Sync {

  private final Rollout rollout;
  private final Observed observed;
  private final Instant now;
  private final Conditions conditions;
  private final PauseState pause;
  private ReplicaSetSnapshot snapshot;
  private Optional<ObservedReplicaSet> created = Optional.empty();
  private Optional<AntiAffinityRule> antiAffinity = Optional.empty();
  private final Map<String, Integer> replicas = new LinkedHashMap<>();
  private final Map<String, Optional<Instant>> deadlines = new LinkedHashMap<>();
  private final Map<String, Long> revisions = new LinkedHashMap<>();
  private final Map<String, PodMetadata> podMetadata = new LinkedHashMap<>();
  private final List<String> deletes = new ArrayList<>();
  private final Map<String, Map<String, String>> selectors = new LinkedHashMap<>();
  private final List<Manifest> routingObjects = new ArrayList<>();
  private final List<RolloutEvent> events = new ArrayList<>();
  private Optional<Duration> requeueAfter = Optional.empty();
  private Optional<Blocker> blocker = Optional.empty();

  public Sync(Rollout rollout, Observed observed, Instant now) {
    this.rollout = rollout;
    this.observed = observed;
    this.now = now;
    this.conditions = new Conditions(rollout.status().conditions(), now);
    this.pause = new PauseState(rollout.status());
    this.snapshot = ReplicaSetSnapshot.of(rollout, observed);
    for (ObservedReplicaSet rs : observed.replicaSets()) {
      replicas.put(rs.name(), rs.specReplicas());
      deadlines.put(rs.name(), rs.scaleDownDeadline());
      revisions.put(rs.name(), rs.revision());
    }
  }

  public Rollout rollout() {
    return rollout;
  }

  public Observed observed() {
    return observed;
  }

  public Instant now() {
    return now;
  }

  public Conditions conditions() {
    return conditions;
  }

  public PauseState pause() {
    return pause;
  }

  public ReplicaSetSnapshot snapshot() {
    return snapshot;
  }

  /**
   * The new ReplicaSet, created (at zero replicas, revision one above the highest) if it does not
   * exist yet. An existing one that is not above every other revision (an undo back to an older
   * template) gets the revision one above the highest, as Argo's syncReplicaSetRevision does.
   */
  public ObservedReplicaSet ensureNewReplicaSet() {
    if (snapshot.newRS().isPresent()) {
      ObservedReplicaSet existing = snapshot.newRS().get();
      long highestOther =
          snapshot.all().stream()
              .filter(rs -> !rs.name().equals(existing.name()))
              .mapToLong(ObservedReplicaSet::revision)
              .max()
              .orElse(0);
      if (existing.revision() <= highestOther) {
        revisions.put(existing.name(), highestOther + 1);
        event(
            RolloutEvent.normal(
                EventReason.RolloutUpdated, "Rollout updated to revision " + (highestOther + 1)));
      }
      return existing;
    }
    String hash = rollout.spec().template().hash();
    long revision = snapshot.maxRevision() + 1;
    ObservedReplicaSet rs =
        ObservedReplicaSet.builder()
            .name(rollout.name() + "-" + hash)
            .podTemplateHash(hash)
            .templateHash(hash)
            .revision(revision)
            .specReplicas(0)
            .creationTime(now)
            .build();
    created = Optional.of(rs);
    replicas.put(rs.name(), 0);
    revisions.put(rs.name(), revision);
    snapshot = new ReplicaSetSnapshot(Optional.of(rs), snapshot.stableRS(), snapshot.others());
    event(
        RolloutEvent.normal(
            EventReason.NewReplicaSetCreated,
            "Created ReplicaSet " + rs.name() + " (revision " + revision + ")"));
    event(
        RolloutEvent.normal(EventReason.RolloutUpdated, "Rollout updated to revision " + revision));
    return rs;
  }

  public boolean isCreated(ObservedReplicaSet rs) {
    return created.map(c -> c.name().equals(rs.name())).orElse(false);
  }

  /** The anti-affinity term the new ReplicaSet is created with. */
  public void antiAffinity(AntiAffinityRule rule) {
    antiAffinity = Optional.of(rule);
  }

  /** The replicas this sync wants for {@code rs} so far. */
  public int replicas(ObservedReplicaSet rs) {
    return replicas.getOrDefault(rs.name(), rs.specReplicas());
  }

  /** Asks for {@code count} replicas of {@code rs}; returns whether that changes its size. */
  public boolean scale(ObservedReplicaSet rs, int count) {
    int before = replicas(rs);
    if (before == count) {
      return false;
    }
    replicas.put(rs.name(), count);
    if (count == 0) {
      deadlines.put(rs.name(), Optional.empty());
    }
    if (!isCreated(rs) || count > 0) {
      event(
          RolloutEvent.normal(
              EventReason.ScalingReplicaSet,
              String.format(
                  "Scaled %s ReplicaSet %s (revision %d) from %d to %d",
                  count > before ? "up" : "down",
                  rs.name(),
                  revisions.get(rs.name()),
                  before,
                  count)));
    }
    return true;
  }

  /** The {@code scale-down-deadline} this sync wants for {@code rs}. */
  public Optional<Instant> deadline(ObservedReplicaSet rs) {
    return deadlines.getOrDefault(rs.name(), Optional.empty());
  }

  public void deadline(ObservedReplicaSet rs, Optional<Instant> deadline) {
    deadlines.put(rs.name(), deadline);
  }

  /**
   * Sets the {@code rollout.argoproj.io/revision} of an existing ReplicaSet (reused by an undo).
   */
  public void revision(ObservedReplicaSet rs, long revision) {
    revisions.put(rs.name(), revision);
  }

  public long revision(ObservedReplicaSet rs) {
    return revisions.getOrDefault(rs.name(), rs.revision());
  }

  /**
   * The ephemeral pod metadata ({@code activeMetadata}, {@code previewMetadata} …) {@code rs} and
   * its pods should carry; empty maps to remove what was injected before.
   */
  public void podMetadata(ObservedReplicaSet rs, PodMetadata metadata) {
    podMetadata.put(rs.name(), metadata);
  }

  public void delete(ObservedReplicaSet rs) {
    deletes.add(rs.name());
  }

  public void selector(String service, Map<String, String> selector) {
    selectors.put(service, Map.copyOf(selector));
  }

  public void routingObjects(List<Manifest> objects) {
    routingObjects.clear();
    routingObjects.addAll(objects);
  }

  public void event(RolloutEvent event) {
    events.add(event);
  }

  /** Asks to be called again after {@code delay}; the earliest such request wins. */
  public void requeueAfter(Duration delay) {
    Duration positive = delay.isNegative() ? Duration.ZERO : delay;
    if (requeueAfter.isEmpty() || positive.compareTo(requeueAfter.get()) < 0) {
      requeueAfter = Optional.of(positive);
    }
  }

  /**
   * Records that something outside the spec stops the Rollout from progressing (a routing object
   * controlled by someone else, an unsupported step); the Progressing condition says so.
   */
  public void blockedBy(String reason, String message) {
    if (blocker.isEmpty()) {
      blocker = Optional.of(new Blocker(reason, message));
    }
  }

  public Optional<Blocker> blocker() {
    return blocker;
  }

  /**
   * Why the Rollout cannot progress.
   *
   * @param reason the Progressing condition's reason
   * @param message the Progressing condition's message
   */
  public record Blocker(String reason, String message) {}

  /** Freezes this sync into a Decision with {@code status}. */
  public Decision toDecision(RolloutStatus status) {
    Decision.Builder decision =
        Decision.builder()
            .status(status)
            .deleteReplicaSets(deletes)
            .serviceSelectors(selectors)
            .routingObjects(routingObjects)
            .events(events)
            .requeueAfter(requeueAfter);
    created.ifPresent(
        rs ->
            decision.createReplicaSet(
                ReplicaSetCreation.builder()
                    .name(rs.name())
                    .podTemplateHash(rs.podTemplateHash())
                    .replicas(replicas(rs))
                    .revision(revision(rs))
                    .antiAffinity(antiAffinity)
                    .podMetadata(Optional.ofNullable(podMetadata.get(rs.name())))
                    .build()));
    for (ObservedReplicaSet rs : observed.replicaSets()) {
      if (!deletes.contains(rs.name())) {
        decision.addReplicaSet(
            ReplicaSetUpdate.builder()
                .name(rs.name())
                .replicas(replicas(rs))
                .scaleDownDeadline(deadline(rs))
                .revision(revision(rs))
                .podMetadata(Optional.ofNullable(podMetadata.get(rs.name())))
                .build());
      }
    }
    return decision.build();
  }
}
