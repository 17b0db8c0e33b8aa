package dev.rollouts.analysis.spec;

/**
 * A {@code dryRun[]} rule: metrics whose name matches {@code metricName} are measured and recorded
 * but never decide the run's phase.
 *
 * @param metricName a regular expression, matched anywhere in the name as Go's {@code
 *     regexp.MatchString} does ({@code .*} is every metric; {@code foo} also matches {@code
 *     foobar})
 */
public record DryRun(String metricName) {}
