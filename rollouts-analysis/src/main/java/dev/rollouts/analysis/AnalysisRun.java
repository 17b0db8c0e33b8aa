package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import java.util.Optional;
import org.immutables.value.Value;

/** An {@code AnalysisRun}: the identity the engine needs, its spec and its status. */
@Value.Immutable
public interface AnalysisRun {

  /** {@code metadata.name}. */
  String name();

  /** {@code metadata.namespace}. */
  String namespace();

  /** {@code metadata.uid}, once the run exists in a cluster (the Job provider names Jobs by it). */
  Optional<String> uid();

  /** {@code spec}. */
  AnalysisRunSpec spec();

  /** {@code status}. */
  @Value.Default
  default AnalysisRunStatus status() {
    return AnalysisRunStatus.initial();
  }

  /** A copy with {@code status}. */
  default AnalysisRun withStatus(AnalysisRunStatus status) {
    return builder().from(this).status(status).build();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AnalysisRun}. */
  final class Builder extends ImmutableAnalysisRun.Builder {}
}
