package dev.rollouts.analysis.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One metric of an analysis ({@code spec.metrics[]}): what to measure, how often, and when a
 * measurement passes.
 *
 * <p>The provider is kept as written, {@code {"prometheus": {...}}}: this library does not model
 * every provider Argo has; a provider plug-in reads its own part (see {@link #providerConfig()}).
 */
@Value.Immutable
public interface Metric {

  /** {@code name}, unique within a run. */
  String name();

  /** {@code interval}, a Go duration: the gap between one measurement's end and the next. */
  Optional<String> interval();

  /** {@code initialDelay}, a Go duration after {@code status.startedAt} before the first one. */
  Optional<String> initialDelay();

  /** {@code count}; see {@link #effectiveCount()}. */
  Optional<IntOrString> count();

  /** {@code successCondition}, an expr expression over {@code result}. */
  Optional<String> successCondition();

  /** {@code failureCondition}, an expr expression over {@code result}. */
  Optional<String> failureCondition();

  /** {@code failureLimit}: default 0; -1 disables it. */
  Optional<IntOrString> failureLimit();

  /** {@code inconclusiveLimit}: default 0. */
  Optional<IntOrString> inconclusiveLimit();

  /** {@code consecutiveErrorLimit}: default {@value #DEFAULT_CONSECUTIVE_ERROR_LIMIT}. */
  Optional<IntOrString> consecutiveErrorLimit();

  /** {@code consecutiveSuccessLimit}: default 0, disabled. */
  Optional<IntOrString> consecutiveSuccessLimit();

  /** {@code provider}: one key naming the provider, whose value is its configuration. */
  Map<String, Object> provider();

  /** Fields of the metric this library does not know, kept as written. */
  Map<String, Object> extra();

  /** Argo's {@code DefaultConsecutiveErrorLimit} ({@code utils/defaults/defaults.go}). */
  int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

  /**
   * How many measurements the metric takes, as Argo's {@code Metric.EffectiveCount()}: the {@code
   * count} when it is not 0; otherwise 1 without an {@code interval}, and empty (indefinite, until
   * the run is terminated) with one.
   */
  default OptionalInt effectiveCount() {
    int count = count().map(IntOrString::intValue).orElse(0);
    if (count == 0) {
      return interval().isEmpty() ? OptionalInt.of(1) : OptionalInt.empty();
    }
    return OptionalInt.of(count);
  }

  /** {@code failureLimit}'s value, 0 when absent. */
  default int failureLimitValue() {
    return failureLimit().map(IntOrString::intValue).orElse(0);
  }

  /** {@code inconclusiveLimit}'s value, 0 when absent. */
  default int inconclusiveLimitValue() {
    return inconclusiveLimit().map(IntOrString::intValue).orElse(0);
  }

  /** {@code consecutiveErrorLimit}'s value, {@value #DEFAULT_CONSECUTIVE_ERROR_LIMIT} if absent. */
  default int consecutiveErrorLimitValue() {
    return consecutiveErrorLimit()
        .map(IntOrString::intValue)
        .orElse(DEFAULT_CONSECUTIVE_ERROR_LIMIT);
  }

  /** {@code consecutiveSuccessLimit}'s value, 0 (disabled) when absent. */
  default int consecutiveSuccessLimitValue() {
    return consecutiveSuccessLimit().map(IntOrString::intValue).orElse(0);
  }

  /**
   * The provider types this metric names: the keys of {@link #provider()}, except that each key of
   * {@code plugin} counts as {@code plugin/<key>}. A valid metric names exactly one.
   */
  default List<String> providerTypes() {
    return provider().entrySet().stream()
        .flatMap(
            e ->
                e.getKey().equals("plugin") && e.getValue() instanceof Map<?, ?> plugins
                    ? plugins.keySet().stream().map(k -> "plugin/" + k)
                    : java.util.stream.Stream.of(e.getKey()))
        .toList();
  }

  /** The configuration of the provider of that type ({@code prometheus}: its map), if named. */
  @SuppressWarnings("unchecked")
  default Map<String, Object> providerConfig() {
    List<String> types = providerTypes();
    if (types.size() != 1) {
      return Map.of();
    }
    String type = types.get(0);
    Object config =
        type.startsWith("plugin/")
            ? ((Map<String, Object>) provider().get("plugin")).get(type.substring(7))
            : provider().get(type);
    return config instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Metric}. */
  final class Builder extends ImmutableMetric.Builder {}
}
