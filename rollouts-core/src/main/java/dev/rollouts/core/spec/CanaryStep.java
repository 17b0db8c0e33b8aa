package dev.rollouts.core.spec;

import com.google.common.collect.ImmutableList;
import dev.rollouts.core.Trees;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code spec.strategy.canary.steps}: a closed family, one record per kind of step,
 * and {@link Combined} for an entry that sets several fields at once, as Argo allows ({@code
 * {setWeight: 10, setCanaryScale: {replicas: 5}}}).
 *
 * <p>Each step knows its own kind; when a step is done is decided by the canary strategy, which
 * sees the cluster. Read a step through {@link #part} so that a combined step answers for each of
 * its fields.
 */
public sealed interface CanaryStep {

  /** The single-kind steps this entry sets: itself, or a {@link Combined} step's parts. */
  default List<CanaryStep> parts() {
    return List.of(this);
  }

  /**
   * The part of this entry of that kind: {@code step.part(SetWeight.class)} is the {@code
   * setWeight} of {@code {setWeight: 10, setCanaryScale: {replicas: 5}}}.
   */
  default <T extends CanaryStep> Optional<T> part(Class<T> kind) {
    for (CanaryStep part : parts()) {
      if (kind.isInstance(part)) {
        return Optional.of(kind.cast(part));
      }
    }
    return Optional.empty();
  }

  /**
   * One entry that sets more than one field (or none), as Argo's {@code CanaryStep} struct may:
   * {@code {setWeight: 10, setCanaryScale: {replicas: 5}}} sends 10% of the traffic to a canary of
   * 5 pods. Argo accepts {@code setCanaryScale}, {@code setHeaderRoute} and {@code setMirrorRoute}
   * beside one of {@code setWeight}, {@code pause}, {@code experiment} and {@code analysis};
   * validation reports two of those four, and an entry with no field, as {@code InvalidSpec}.
   *
   * @param parts the single-kind steps, in the field order of Argo's struct ({@code setWeight},
   *     {@code pause}, {@code experiment}, {@code analysis}, {@code setCanaryScale}, {@code
   *     setHeaderRoute}, {@code setMirrorRoute}); a nested combined step is flattened
   */
  record Combined(List<CanaryStep> parts) implements CanaryStep {
    public Combined {
      ImmutableList.Builder<CanaryStep> flat = ImmutableList.builder();
      for (CanaryStep part : parts) {
        flat.addAll(part.parts());
      }
      parts = flat.build();
    }

    /** The entry setting each of {@code parts}. */
    public static Combined of(CanaryStep... parts) {
      return new Combined(List.of(parts));
    }

    @Override
    public List<CanaryStep> parts() {
      return parts;
    }
  }

  /**
   * {@code setWeight: N}: send N of {@code maxTrafficWeight} (100 by default) to the canary.
   *
   * @param weight the desired canary weight
   */
  record SetWeight(int weight) implements CanaryStep {}

  /**
   * {@code pause: {}} waits for a promote; {@code pause: {duration: 30s}} waits that long.
   *
   * @param duration the pause's duration; absent for an indefinite pause
   */
  record Pause(Optional<PauseDuration> duration) implements CanaryStep {

    /** An indefinite pause: {@code pause: {}}. */
    public static Pause indefinitely() {
      return new Pause(Optional.empty());
    }

    /** A pause of {@code seconds}, written {@code pause: {duration: N}}. */
    public static Pause ofSeconds(int seconds) {
      return new Pause(Optional.of(PauseDuration.ofSeconds(seconds)));
    }
  }

  /**
   * {@code setCanaryScale}: scale the canary independently of its traffic weight. Exactly one of
   * the three should be set; validation reports otherwise.
   *
   * @param replicas an absolute count of canary pods
   * @param weight a percentage of {@code spec.replicas}
   * @param matchTrafficWeight go back to scaling the canary with the traffic weight
   */
  record SetCanaryScale(
      Optional<Integer> replicas, Optional<Integer> weight, boolean matchTrafficWeight)
      implements CanaryStep {}

  /**
   * {@code analysis}: run analysis templates; carried verbatim until the analysis capability
   * exists.
   *
   * @param body the step's body as written
   */
  record Analysis(Map<String, Object> body) implements CanaryStep {
    /** Copies the body deeply. */
    public Analysis {
      body = Trees.copyOf(body);
    }
  }

  /**
   * {@code experiment}: run an experiment; carried verbatim.
   *
   * @param body the step's body as written
   */
  record Experiment(Map<String, Object> body) implements CanaryStep {
    /** Copies the body deeply. */
    public Experiment {
      body = Trees.copyOf(body);
    }
  }

  /**
   * {@code setMirrorRoute}: mirror matching traffic to the canary; carried verbatim.
   *
   * @param body the step's body as written
   */
  record SetMirrorRoute(Map<String, Object> body) implements CanaryStep {
    /** Copies the body deeply. */
    public SetMirrorRoute {
      body = Trees.copyOf(body);
    }
  }

  /**
   * {@code setHeaderRoute}: send requests whose headers match to the canary. A step with no {@code
   * match} removes the route called {@code name}.
   *
   * @param name the managed route's name (one of {@code trafficRouting.managedRoutes})
   * @param match the header matches, all of which must hold
   */
  record SetHeaderRoute(String name, List<HeaderMatch> match) implements CanaryStep {
    /** Copies the matches. */
    public SetHeaderRoute {
      match = ImmutableList.copyOf(match);
    }
  }

  /**
   * One {@code setHeaderRoute.match} entry.
   *
   * @param headerName the request header
   * @param headerValue how its value must match
   */
  record HeaderMatch(String headerName, StringMatch headerValue) {}

  /**
   * A string match: exactly one of {@code exact}, {@code prefix} or {@code regex}.
   *
   * @param kind which of the three
   * @param value the string to match
   */
  record StringMatch(MatchKind kind, String value) {}

  /** The kinds of {@link StringMatch}. */
  enum MatchKind {
    EXACT,
    PREFIX,
    REGEX
  }
}
