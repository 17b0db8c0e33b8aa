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
 *
 * @param newRS the ReplicaSet of the current template, if one exists
 * @param stableRS the ReplicaSet of {@code status.stableRS}, if set and observed
 * @param others every ReplicaSet that is neither new nor stable
 */
public record ReplicaSetSnapshot(
    Optional<ObservedReplicaSet> newRS,
    Optional<ObservedReplicaSet> stableRS,
    List<ObservedReplicaSet> others) {

  /** Sorts {@code observed}'s ReplicaSets for {@code rollout}. */
  public static ReplicaSetSnapshot of(Rollout rollout, Observed observed) {
    List<ObservedReplicaSet> all = observed.replicaSets();
    String hash = rollout.spec().template().hash();
    Optional<ObservedReplicaSet> newRS =
        all.stream()
            .filter(rs -> rs.podTemplateHash().equals(hash))
            .findFirst()
            .or(
                () ->
                    all.stream()
                        .filter(rs -> rs.templateHash().equals(hash))
                        .min(
                            Comparator.comparing(ObservedReplicaSet::creationTime)
                                .thenComparing(ObservedReplicaSet::name)));
    Optional<ObservedReplicaSet> stableRS =
        rollout
            .status()
            .stableRS()
            .flatMap(
                stable ->
                    newRS
                        .filter(rs -> rs.podTemplateHash().equals(stable))
                        .or(
                            () ->
                                all.stream()
                                    .filter(rs -> rs.podTemplateHash().equals(stable))
                                    .findFirst()));
    List<ObservedReplicaSet> others =
        all.stream()
            .filter(rs -> !isSame(rs, newRS) && !isSame(rs, stableRS))
            .collect(ImmutableList.toImmutableList());
    return new ReplicaSetSnapshot(newRS, stableRS, others);
  }

  private static boolean isSame(ObservedReplicaSet rs, Optional<ObservedReplicaSet> other) {
    return other.map(o -> o.name().equals(rs.name())).orElse(false);
  }

  /** Whether a stable ReplicaSet exists that is not the new one (Argo's CheckStableRSExists). */
  public boolean hasDistinctStable() {
    return stableRS.isPresent()
        && (newRS.isEmpty() || !newRS.get().name().equals(stableRS.get().name()));
  }

  /** Every ReplicaSet: new, stable (if distinct) and the others. */
  public List<ObservedReplicaSet> all() {
    ImmutableList.Builder<ObservedReplicaSet> all = ImmutableList.builder();
    newRS.ifPresent(all::add);
    if (hasDistinctStable()) {
      all.add(stableRS.get());
    }
    return all.addAll(others).build();
  }

  /** The highest revision among these ReplicaSets, 0 when there are none. */
  public long maxRevision() {
    return all().stream().mapToLong(ObservedReplicaSet::revision).max().orElse(0);
  }
}
