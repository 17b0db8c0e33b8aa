package dev.rollouts.analysis.provider;

import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider answers for one measurement. A closed family:
 *
 * <ul>
 *   <li>{@link Value}: the provider fetched a value; the engine judges it with the metric's {@code
 *       successCondition} / {@code failureCondition} (Prometheus, Web);
 *   <li>{@link Decided}: the provider decided the phase itself, or the measurement is still in
 *       flight (Job: Running with a {@code resumeAt}, then Successful / Failed / Inconclusive);
 *   <li>{@link Failure}: the measurement could not be taken; it is an Error with this message.
 * </ul>
 */
public sealed interface ProviderResult {

  /**
   * A measured value.
   *
   * @param result what conditions see as {@code result}: {@code null}, Boolean, Long, Double,
   *     String, List or Map (see {@code dev.rollouts.expr.Expression})
   * @param text the measurement's {@code value} as Argo writes it ({@code 0.95}, {@code
   *     [0.99,0.98]}, {@code NaN})
   * @param query the query that produced it, named in the message when it returned no data
   * @param metadata the measurement's {@code metadata}
   */
  record Value(Object result, String text, Optional<String> query, Map<String, String> metadata)
      implements ProviderResult {
    /** Copies {@code metadata}. */
    public Value {
      metadata = Map.copyOf(metadata);
    }

    /** A value with no query and no metadata. */
    public static Value of(Object result, String text) {
      return new Value(result, text, Optional.empty(), Map.of());
    }
  }

  /**
   * A measurement whose phase the provider decided (or an in-flight one: phase Running, no {@code
   * finishedAt}, a {@code resumeAt}).
   *
   * @param measurement the measurement
   */
  record Decided(Measurement measurement) implements ProviderResult {
    /** An in-flight measurement to look at again at {@code resumeAt}. */
    public static Decided inFlight(
        Instant startedAt, Instant resumeAt, Map<String, String> metadata) {
      return new Decided(
          Measurement.builder()
              .phase(AnalysisPhase.Running)
              .startedAt(startedAt)
              .resumeAt(resumeAt)
              .metadata(metadata)
              .build());
    }
  }

  /**
   * A measurement that could not be taken: an Error.
   *
   * @param message why, for the measurement's {@code message}
   */
  record Failure(String message) implements ProviderResult {}
}
