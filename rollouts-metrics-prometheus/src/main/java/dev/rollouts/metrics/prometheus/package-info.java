/**
 * Argo's {@code prometheus} metric provider: {@link
 * dev.rollouts.metrics.prometheus.PrometheusProvider}, found by {@link java.util.ServiceLoader}.
 */
package dev.rollouts.metrics.prometheus;
