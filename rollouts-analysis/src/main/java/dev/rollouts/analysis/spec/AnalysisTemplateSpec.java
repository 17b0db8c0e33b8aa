package dev.rollouts.analysis.spec;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** The {@code spec} of an {@code AnalysisTemplate} or {@code ClusterAnalysisTemplate}. */
@Value.Immutable
public interface AnalysisTemplateSpec {

  /** {@code metrics}. */
  List<Metric> metrics();

  /** {@code args}; one with neither value nor valueFrom is required. */
  List<Argument> args();

  /** {@code dryRun} rules. */
  List<DryRun> dryRun();

  /** {@code measurementRetention} rules. */
  List<MeasurementRetention> measurementRetention();

  /** {@code templates}: nested templates whose metrics join this one's. */
  List<TemplateRef> templates();

  /** Fields this library does not know, kept as written. */
  Map<String, Object> extra();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AnalysisTemplateSpec}. */
  final class Builder extends ImmutableAnalysisTemplateSpec.Builder {}
}
