package dev.rollouts.analysis;

import static dev.rollouts.analysis.TreeReader.bool;
import static dev.rollouts.analysis.TreeReader.extra;
import static dev.rollouts.analysis.TreeReader.intOrString;
import static dev.rollouts.analysis.TreeReader.integer;
import static dev.rollouts.analysis.TreeReader.list;
import static dev.rollouts.analysis.TreeReader.map;
import static dev.rollouts.analysis.TreeReader.requiredString;
import static dev.rollouts.analysis.TreeReader.string;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.AnalysisTemplateSpec;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.spec.MeasurementRetention;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.spec.TemplateRef;
import dev.rollouts.analysis.spec.TtlStrategy;
import dev.rollouts.core.Trees;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the spec side of the analysis kinds from JSON-like trees. */
final class SpecReader {

  private static final Set<String> METRIC_FIELDS =
      Set.of(
          "name",
          "interval",
          "initialDelay",
          "count",
          "successCondition",
          "failureCondition",
          "failureLimit",
          "inconclusiveLimit",
          "consecutiveErrorLimit",
          "consecutiveSuccessLimit",
          "provider");
  private static final Set<String> TEMPLATE_FIELDS =
      Set.of("metrics", "args", "dryRun", "measurementRetention", "templates");
  private static final Set<String> RUN_FIELDS =
      Set.of("metrics", "args", "dryRun", "measurementRetention", "terminate", "ttlStrategy");

  private SpecReader() {}

  static Metric metric(Map<String, ?> tree, String path) {
    return Metric.builder()
        .name(requiredString(tree, "name", path))
        .interval(string(tree, "interval", path))
        .initialDelay(string(tree, "initialDelay", path))
        .count(intOrString(tree, "count", path))
        .successCondition(string(tree, "successCondition", path))
        .failureCondition(string(tree, "failureCondition", path))
        .failureLimit(intOrString(tree, "failureLimit", path))
        .inconclusiveLimit(intOrString(tree, "inconclusiveLimit", path))
        .consecutiveErrorLimit(intOrString(tree, "consecutiveErrorLimit", path))
        .consecutiveSuccessLimit(intOrString(tree, "consecutiveSuccessLimit", path))
        .provider(Trees.copyOf(map(tree, "provider", path)))
        .extra(Trees.copyOf(extra(tree, METRIC_FIELDS)))
        .build();
  }

  static Argument argument(Map<String, ?> tree, String path) {
    Map<String, Object> from = map(tree, "valueFrom", path);
    Optional<Argument.ValueFrom> valueFrom = Optional.empty();
    if (!from.isEmpty()) {
      String at = path + ".valueFrom";
      Map<String, Object> secret = map(from, "secretKeyRef", at);
      Map<String, Object> field = map(from, "fieldRef", at);
      valueFrom =
          Optional.of(
              new Argument.ValueFrom(
                  secret.isEmpty()
                      ? Optional.empty()
                      : Optional.of(
                          new Argument.SecretKeyRef(
                              requiredString(secret, "name", at + ".secretKeyRef"),
                              requiredString(secret, "key", at + ".secretKeyRef"))),
                  field.isEmpty()
                      ? Optional.empty()
                      : Optional.of(requiredString(field, "fieldPath", at + ".fieldRef")),
                  string(from, "podTemplateHashValue", at)));
    }
    return new Argument(requiredString(tree, "name", path), string(tree, "value", path), valueFrom);
  }

  static AnalysisTemplateSpec templateSpec(Map<String, ?> tree, String path) {
    return AnalysisTemplateSpec.builder()
        .metrics(list(tree, "metrics", path, SpecReader::metric))
        .args(list(tree, "args", path, SpecReader::argument))
        .dryRun(list(tree, "dryRun", path, SpecReader::dryRun))
        .measurementRetention(list(tree, "measurementRetention", path, SpecReader::retention))
        .templates(list(tree, "templates", path, SpecReader::templateRef))
        .extra(Trees.copyOf(extra(tree, TEMPLATE_FIELDS)))
        .build();
  }

  static AnalysisRunSpec runSpec(Map<String, ?> tree, String path) {
    Map<String, Object> ttl = map(tree, "ttlStrategy", path);
    String ttlPath = path + ".ttlStrategy";
    return AnalysisRunSpec.builder()
        .metrics(list(tree, "metrics", path, SpecReader::metric))
        .args(list(tree, "args", path, SpecReader::argument))
        .dryRun(list(tree, "dryRun", path, SpecReader::dryRun))
        .measurementRetention(list(tree, "measurementRetention", path, SpecReader::retention))
        .terminate(bool(tree, "terminate", path))
        .ttlStrategy(
            tree.get("ttlStrategy") == null
                ? Optional.empty()
                : Optional.of(
                    new TtlStrategy(
                        integer(ttl, "secondsAfterCompletion", ttlPath),
                        integer(ttl, "secondsAfterSuccess", ttlPath),
                        integer(ttl, "secondsAfterFailure", ttlPath))))
        .extra(Trees.copyOf(extra(tree, RUN_FIELDS)))
        .build();
  }

  static DryRun dryRun(Map<String, ?> tree, String path) {
    return new DryRun(requiredString(tree, "metricName", path));
  }

  static MeasurementRetention retention(Map<String, ?> tree, String path) {
    return new MeasurementRetention(
        requiredString(tree, "metricName", path), integer(tree, "limit", path).orElse(0));
  }

  static TemplateRef templateRef(Map<String, ?> tree, String path) {
    return new TemplateRef(
        requiredString(tree, "templateName", path), bool(tree, "clusterScope", path));
  }
}
