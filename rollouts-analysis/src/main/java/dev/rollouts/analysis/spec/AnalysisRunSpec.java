package dev.rollouts.analysis.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The {@code spec} of an {@code AnalysisRun}. */
@Value.Immutable
public interface AnalysisRunSpec {

  /** {@code metrics}; a run without any is an Error. */
  List<Metric> metrics();

  /** {@code args}, all resolved or read from a Secret. */
  List<Argument> args();

  /** {@code dryRun} rules. */
  List<DryRun> dryRun();

  /** {@code measurementRetention} rules. */
  List<MeasurementRetention> measurementRetention();

  /** {@code terminate}: stop the run; in-flight measurements are terminated. */
  @Value.Default
  default boolean terminate() {
    return false;
  }

  /** {@code ttlStrategy}: delete the run some time after it completes. */
  Optional<TtlStrategy> ttlStrategy();

  /** Fields this library does not know, kept as written. */
  Map<String, Object> extra();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AnalysisRunSpec}. */
  final class Builder extends ImmutableAnalysisRunSpec.Builder {}
}
