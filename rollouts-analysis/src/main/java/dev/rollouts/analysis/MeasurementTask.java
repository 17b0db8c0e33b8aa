package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.Measurement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A measurement the engine asks for now (Argo's {@code metricTask}): start one, resume the one in
 * flight, or terminate it.
 *
 * @param kind what to do
 * @param metric the metric as written in the run's spec, arguments not yet substituted
 * @param args the run's arguments; those read from a Secret are read only when the measurement is
 *     taken (see {@link #resolve})
 * @param inFlight the in-flight measurement to resume or terminate; empty for {@link Kind#RUN}
 */
public record MeasurementTask(
    Kind kind, Metric metric, List<Argument> args, Optional<Measurement> inFlight) {

  /** What to do with the provider. */
  public enum Kind {
    /** Take a new measurement ({@code provider.Run}). */
    RUN,
    /** Look at the in-flight measurement again ({@code provider.Resume}). */
    RESUME,
    /** Stop the in-flight measurement, the run is terminating ({@code provider.Terminate}). */
    TERMINATE
  }

  /** Copies {@code args}. */
  public MeasurementTask {
    args = List.copyOf(args);
  }

  /** The metric's name. */
  public String metricName() {
    return metric.name();
  }

  /** The arguments whose values are to be read from a Secret. */
  public List<Argument> secretArgs() {
    return args.stream().filter(a -> a.secretKeyRef().isPresent()).toList();
  }

  /**
   * The metric with every argument substituted, secrets included.
   *
   * @param secretValues the value of each argument of {@link #secretArgs()}, by argument name
   * @throws IllegalArgumentException with Argo's message when an argument has no value or a {@code
   *     {{...}}} tag names no argument
   */
  public Metric resolve(Map<String, String> secretValues) {
    List<Argument> resolved =
        args.stream()
            .map(
                a ->
                    a.secretKeyRef().isPresent() && secretValues.containsKey(a.name())
                        ? Argument.of(a.name(), secretValues.get(a.name()))
                        : a)
            .toList();
    return ArgTemplates.resolve(metric, resolved);
  }
}
