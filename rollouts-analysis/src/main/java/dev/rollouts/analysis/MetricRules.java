package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.spec.MeasurementRetention;
import dev.rollouts.analysis.spec.Metric;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code dryRun} and {@code measurementRetention} rules of a run, matched against its metrics
 * as Argo's {@code GetDryRunMetrics} / {@code GetMeasurementRetentionMetrics} do ({@code
 * utils/analysis/helpers.go}): a rule's {@code metricName} is an unanchored regular expression
 * (Go's {@code regexp.MatchString}); a rule that matches no metric is an error, {@code dryRun[0]:
 * Rule didn't match any metric name(s)}; a later rule overrides an earlier one's limit.
 */
record MetricRules(Set<String> dryRun, Map<String, Integer> retention) {

  /**
   * The default number of measurements kept per metric ({@code DefaultMeasurementHistoryLimit}).
   */
  static final int DEFAULT_RETENTION = 10;

  /**
   * Matches the rules against {@code metrics}.
   *
   * @throws IllegalArgumentException with Argo's message when a rule matches nothing
   */
  static MetricRules of(
      List<DryRun> dryRunRules, List<MeasurementRetention> retentionRules, List<Metric> metrics) {
    Set<String> dryRun = new HashSet<>();
    for (int i = 0; i < dryRunRules.size(); i++) {
      List<String> matched = matching(dryRunRules.get(i).metricName(), metrics);
      if (matched.isEmpty()) {
        throw new IllegalArgumentException(
            "dryRun[" + i + "]: Rule didn't match any metric name(s)");
      }
      dryRun.addAll(matched);
    }
    Map<String, Integer> retention = new HashMap<>();
    for (int i = 0; i < retentionRules.size(); i++) {
      MeasurementRetention rule = retentionRules.get(i);
      List<String> matched = matching(rule.metricName(), metrics);
      if (matched.isEmpty()) {
        throw new IllegalArgumentException(
            "measurementRetention[" + i + "]: Rule didn't match any metric name(s)");
      }
      matched.forEach(name -> retention.put(name, rule.limit()));
    }
    return new MetricRules(Set.copyOf(dryRun), Map.copyOf(retention));
  }

  /** Whether the named metric runs in dry-run mode. */
  boolean isDryRun(String metricName) {
    return dryRun.contains(metricName);
  }

  /** How many measurements to keep for the named metric: its rule's limit if above 0, else 10. */
  int retentionLimit(String metricName) {
    Integer limit = retention.get(metricName);
    return limit != null && limit > 0 ? limit : DEFAULT_RETENTION;
  }

  private static List<String> matching(String regex, List<Metric> metrics) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return List.of();
    }
    return metrics.stream().map(Metric::name).filter(name -> pattern.matcher(name).find()).toList();
  }
}
