package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.AnalysisTemplateSpec;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import dev.rollouts.analysis.status.RunSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the analysis values as JSON-like trees, with Argo's field names, omitting empties. */
final class TreeWriter {

  private TreeWriter() {}

  static Map<String, Object> metric(Metric m) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", m.name());
    m.interval().ifPresent(v -> t.put("interval", v));
    m.initialDelay().ifPresent(v -> t.put("initialDelay", v));
    m.count().ifPresent(v -> t.put("count", intOrString(v)));
    m.successCondition().ifPresent(v -> t.put("successCondition", v));
    m.failureCondition().ifPresent(v -> t.put("failureCondition", v));
    m.failureLimit().ifPresent(v -> t.put("failureLimit", intOrString(v)));
    m.inconclusiveLimit().ifPresent(v -> t.put("inconclusiveLimit", intOrString(v)));
    m.consecutiveErrorLimit().ifPresent(v -> t.put("consecutiveErrorLimit", intOrString(v)));
    m.consecutiveSuccessLimit().ifPresent(v -> t.put("consecutiveSuccessLimit", intOrString(v)));
    t.put("provider", m.provider());
    t.putAll(m.extra());
    return t;
  }

  static Map<String, Object> templateSpec(AnalysisTemplateSpec s) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("metrics", s.metrics().stream().map(TreeWriter::metric).toList());
    putList(t, "args", s.args().stream().map(TreeWriter::argument).toList());
    putList(
        t,
        "dryRun",
        s.dryRun().stream()
            .map(d -> Map.<String, Object>of("metricName", d.metricName()))
            .toList());
    putList(
        t,
        "measurementRetention",
        s.measurementRetention().stream()
            .map(r -> Map.<String, Object>of("metricName", r.metricName(), "limit", r.limit()))
            .toList());
    putList(
        t,
        "templates",
        s.templates().stream()
            .map(
                r ->
                    r.clusterScope()
                        ? Map.<String, Object>of(
                            "templateName", r.templateName(), "clusterScope", true)
                        : Map.<String, Object>of("templateName", r.templateName()))
            .toList());
    t.putAll(s.extra());
    return t;
  }

  static Map<String, Object> runSpec(AnalysisRunSpec s) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("metrics", s.metrics().stream().map(TreeWriter::metric).toList());
    putList(t, "args", s.args().stream().map(TreeWriter::argument).toList());
    putList(
        t,
        "dryRun",
        s.dryRun().stream()
            .map(d -> Map.<String, Object>of("metricName", d.metricName()))
            .toList());
    putList(
        t,
        "measurementRetention",
        s.measurementRetention().stream()
            .map(r -> Map.<String, Object>of("metricName", r.metricName(), "limit", r.limit()))
            .toList());
    if (s.terminate()) {
      t.put("terminate", true);
    }
    s.ttlStrategy()
        .ifPresent(
            ttl -> {
              Map<String, Object> m = new LinkedHashMap<>();
              ttl.secondsAfterCompletion().ifPresent(v -> m.put("secondsAfterCompletion", v));
              ttl.secondsAfterSuccess().ifPresent(v -> m.put("secondsAfterSuccess", v));
              ttl.secondsAfterFailure().ifPresent(v -> m.put("secondsAfterFailure", v));
              t.put("ttlStrategy", m);
            });
    t.putAll(s.extra());
    return t;
  }

  static Map<String, Object> argument(Argument a) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", a.name());
    a.value().ifPresent(v -> t.put("value", v));
    a.valueFrom()
        .ifPresent(
            from -> {
              Map<String, Object> f = new LinkedHashMap<>();
              from.secretKeyRef()
                  .ifPresent(s -> f.put("secretKeyRef", Map.of("name", s.name(), "key", s.key())));
              from.fieldPath().ifPresent(p -> f.put("fieldRef", Map.of("fieldPath", p)));
              from.podTemplateHashValue().ifPresent(p -> f.put("podTemplateHashValue", p));
              t.put("valueFrom", f);
            });
    return t;
  }

  static Map<String, Object> status(AnalysisRunStatus s) {
    Map<String, Object> t = new LinkedHashMap<>();
    s.phase().ifPresent(p -> t.put("phase", p.name()));
    s.message().ifPresent(m -> t.put("message", m));
    putList(t, "metricResults", s.metricResults().stream().map(TreeWriter::result).toList());
    putTime(t, "startedAt", s.startedAt());
    putTime(t, "completedAt", s.completedAt());
    s.runSummary().ifPresent(r -> t.put("runSummary", summary(r)));
    s.dryRunSummary().ifPresent(r -> t.put("dryRunSummary", summary(r)));
    t.putAll(s.extra());
    return t;
  }

  static Map<String, Object> result(MetricResult r) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", r.name());
    t.put("phase", r.phase().name());
    putList(t, "measurements", r.measurements().stream().map(TreeWriter::measurement).toList());
    r.message().ifPresent(m -> t.put("message", m));
    putInt(t, "count", r.count());
    putInt(t, "successful", r.successful());
    putInt(t, "failed", r.failed());
    putInt(t, "inconclusive", r.inconclusive());
    putInt(t, "error", r.error());
    putInt(t, "consecutiveError", r.consecutiveError());
    putInt(t, "consecutiveSuccess", r.consecutiveSuccess());
    if (r.dryRun()) {
      t.put("dryRun", true);
    }
    if (!r.metadata().isEmpty()) {
      t.put("metadata", r.metadata());
    }
    return t;
  }

  static Map<String, Object> measurement(Measurement m) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("phase", m.phase().name());
    m.message().ifPresent(v -> t.put("message", v));
    putTime(t, "startedAt", m.startedAt());
    putTime(t, "finishedAt", m.finishedAt());
    m.value().ifPresent(v -> t.put("value", v));
    if (!m.metadata().isEmpty()) {
      t.put("metadata", m.metadata());
    }
    putTime(t, "resumeAt", m.resumeAt());
    return t;
  }

  /** An instant as Kubernetes' {@code metav1.Time} writes it: RFC 3339, whole seconds. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Map<String, Object> summary(RunSummary r) {
    Map<String, Object> t = new LinkedHashMap<>();
    putInt(t, "count", r.count());
    putInt(t, "successful", r.successful());
    putInt(t, "failed", r.failed());
    putInt(t, "inconclusive", r.inconclusive());
    putInt(t, "error", r.error());
    return t;
  }

  private static Object intOrString(IntOrString v) {
    return v.isString() ? v.text() : Integer.valueOf(v.intValue());
  }

  private static void putTime(Map<String, Object> t, String key, Optional<Instant> value) {
    value.ifPresent(v -> t.put(key, time(v)));
  }

  private static void putInt(Map<String, Object> t, String key, int value) {
    if (value != 0) {
      t.put(key, value);
    }
  }

  private static void putList(Map<String, Object> t, String key, List<?> value) {
    if (!value.isEmpty()) {
      t.put(key, value);
    }
  }
}
