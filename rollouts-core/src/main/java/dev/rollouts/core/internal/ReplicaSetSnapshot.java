package dev.rollouts.core.internal;

import com.google.common.collect.ImmutableList;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.Rollout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The observe phase: the Rollout's ReplicaSets sorted into the new one (running the current
 * template), the stable one ({@code status.stableRS}) and the others.
 *
 * <p>The new ReplicaSet is the one labelled with the template's hash; failing that, the oldest
 * whose template fingerprint equals the Rollout's, so a ReplicaSet another controller created for
 * the same template is adopted. The stable ReplicaSet is the one labelled with {@code
 * status.stableRS}; it may be the new one (a fully promoted Rollout).
 */
public final class ReplicaSetSnapshot {

  private final Optional<ObservedReplicaSet> newRS;
  private final Optional<ObservedReplicaSet> stableRS;
  private final List<ObservedReplicaSet> others;
  private final List<ObservedReplicaSet> all;
  private final long maxRevision;

  /** A snapshot of these ReplicaSets; {@link #all} and {@link #maxRevision} are derived once. */
  public ReplicaSetSnapshot(
      Optional<ObservedReplicaSet> newRS,
      Optional<ObservedReplicaSet> stableRS,
      List<ObservedReplicaSet> others) {
    this.newRS = newRS;
    this.stableRS = stableRS;
    this.others = others;
    ImmutableList.Builder<ObservedReplicaSet> builder = ImmutableList.builder();
    newRS.ifPresent(builder::add);
    if (stableRS.isPresent()
        && (newRS.isEmpty() || !newRS.get().name().equals(stableRS.get().name()))) {
      builder.add(stableRS.get());
    }
    this.all = builder.addAll(others).build();
    long max = 0;
    for (ObservedReplicaSet rs : all) {
      max = Math.max(max, rs.revision());
    }
    this.maxRevision = max;
  }

  /** The ReplicaSet of the current template, if one exists. */
  public Optional<ObservedReplicaSet> newRS() {
    return newRS;
  }

  /** The ReplicaSet of {@code status.stableRS}, if set and observed. */
  public Optional<ObservedReplicaSet> stableRS() {
    return stableRS;
  }

  /** Every ReplicaSet that is neither new nor stable. */
  public List<ObservedReplicaSet> others() {
    return others;
  }

  /** Sorts {@code observed}'s ReplicaSets for {@code rollout}. */
  public static ReplicaSetSnapshot of(Rollout rollout, Observed observed) {
    List<ObservedReplicaSet> all = observed.replicaSets();
    String hash = rollout.spec().template().hash();
    ObservedReplicaSet byLabel = null;
    ObservedReplicaSet byFingerprint = null;
    for (ObservedReplicaSet rs : all) {
      if (byLabel == null && rs.podTemplateHash().equals(hash)) {
        byLabel = rs;
      }
      if (rs.templateHash().equals(hash)
          && (byFingerprint == null || OLDEST_FIRST.compare(rs, byFingerprint) < 0)) {
        byFingerprint = rs;
      }
    }
    Optional<ObservedReplicaSet> newRS =
        Optional.ofNullable(byLabel != null ? byLabel : byFingerprint);
    Optional<ObservedReplicaSet> stableRS = Optional.empty();
    Optional<String> stable = rollout.status().stableRS();
    if (stable.isPresent()) {
      if (newRS.isPresent() && newRS.get().podTemplateHash().equals(stable.get())) {
        stableRS = newRS;
      } else {
        for (ObservedReplicaSet rs : all) {
          if (rs.podTemplateHash().equals(stable.get())) {
            stableRS = Optional.of(rs);
            break;
          }
        }
      }
    }
    ImmutableList.Builder<ObservedReplicaSet> others = ImmutableList.builder();
    for (ObservedReplicaSet rs : all) {
      if (!isSame(rs, newRS) && !isSame(rs, stableRS)) {
        others.add(rs);
      }
    }
    return new ReplicaSetSnapshot(newRS, stableRS, others.build());
  }

  private static final Comparator<ObservedReplicaSet> OLDEST_FIRST =
      Comparator.comparing(ObservedReplicaSet::creationTime)
          .thenComparing(ObservedReplicaSet::name);

  private static boolean isSame(ObservedReplicaSet rs, Optional<ObservedReplicaSet> other) {
    return other.isPresent() && other.get().name().equals(rs.name());
  }

  /** Whether a stable ReplicaSet exists that is not the new one (Argo's CheckStableRSExists). */
  public boolean hasDistinctStable() {
    return stableRS.isPresent()
        && (newRS.isEmpty() || !newRS.get().name().equals(stableRS.get().name()));
  }

  /** Every ReplicaSet: new, stable (if distinct) and the others. */
  public List<ObservedReplicaSet> all() {
    return all;
  }

  /** The highest revision among these ReplicaSets, 0 when there are none. */
  public long maxRevision() {
    return maxRevision;
  }
}
