package dev.rollouts.analysis.spec;

/**
 * A {@code measurementRetention[]} rule: how many measurements to keep for metrics whose name
 * matches {@code metricName} (default 10).
 *
 * @param metricName a regular expression, matched as {@link DryRun#metricName()} is
 * @param limit how many to keep; 0 or less keeps the default
 */
public record MeasurementRetention(String metricName, int limit) {}
