package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.PauseDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one entry of {@code spec.strategy.canary.steps} into the core's {@link CanaryStep}.
 *
 * <p>The core models a step as exactly one kind, so a step with none, with two ({@code {setWeight:
 * 20, pause: {}}}) or with a kind this library does not know is unreadable and raises {@link
 * ManifestException}; so is a header match with other than one of {@code exact}, {@code prefix} and
 * {@code regex}.
 */
final class StepReader {

  /** The kinds of step, as Argo Rollouts names them. */
  static final List<String> KINDS =
      List.of(
          "setWeight",
          "pause",
          "setCanaryScale",
          "analysis",
          "experiment",
          "setHeaderRoute",
          "setMirrorRoute");

  private StepReader() {}

  static CanaryStep read(Node step) {
    List<String> kinds = new ArrayList<>();
    for (Map.Entry<String, Object> e : step.mapOrEmpty().entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (!KINDS.contains(e.getKey())) {
        throw step.get(e.getKey())
            .error("is not a kind of step; a step is one of " + String.join(", ", KINDS));
      }
      kinds.add(e.getKey());
    }
    if (kinds.size() != 1) {
      throw step.error(
          (kinds.isEmpty()
                  ? "has no kind"
                  : "has " + kinds.size() + " kinds (" + String.join(", ", kinds) + ")")
              + "; a step is exactly one of "
              + String.join(", ", KINDS));
    }
    String kind = kinds.get(0);
    Node body = step.get(kind);
    return switch (kind) {
      case "setWeight" -> new CanaryStep.SetWeight(body.integer().orElseThrow());
      case "pause" -> pause(body);
      case "setCanaryScale" -> setCanaryScale(body);
      case "analysis" -> new CanaryStep.Analysis(verbatim(body));
      case "experiment" -> new CanaryStep.Experiment(verbatim(body));
      case "setMirrorRoute" -> new CanaryStep.SetMirrorRoute(verbatim(body));
      default -> setHeaderRoute(body);
    };
  }

  /** {@code pause: {}} or {@code pause: {duration: 30}} or {@code pause: {duration: "30s"}}. */
  private static CanaryStep.Pause pause(Node pause) {
    pause.mapOrEmpty();
    Node duration = pause.get("duration");
    if (!duration.isPresent()) {
      return CanaryStep.Pause.indefinitely();
    }
    if (duration.raw() instanceof String text) {
      return new CanaryStep.Pause(Optional.of(PauseDuration.of(text)));
    }
    if (!(duration.raw() instanceof Number)) {
      throw duration.error(
          "must be an integer of seconds or a string like \"30s\", was "
              + Node.describe(duration.raw()));
    }
    return new CanaryStep.Pause(
        Optional.of(PauseDuration.ofSeconds(duration.integer().orElseThrow())));
  }

  private static CanaryStep.SetCanaryScale setCanaryScale(Node scale) {
    scale.mapOrEmpty();
    return new CanaryStep.SetCanaryScale(
        scale.get("replicas").integer(),
        scale.get("weight").integer(),
        scale.get("matchTrafficWeight").bool().orElse(false));
  }

  private static CanaryStep.SetHeaderRoute setHeaderRoute(Node route) {
    route.mapOrEmpty();
    List<CanaryStep.HeaderMatch> matches =
        route.get("match").items().stream()
            .map(
                m ->
                    new CanaryStep.HeaderMatch(
                        m.get("headerName").string().orElse(""), stringMatch(m.get("headerValue"))))
            .toList();
    return new CanaryStep.SetHeaderRoute(route.get("name").string().orElse(""), matches);
  }

  /** A {@code StringMatch}: exactly one of {@code exact}, {@code prefix}, {@code regex}. */
  private static CanaryStep.StringMatch stringMatch(Node match) {
    List<CanaryStep.StringMatch> found = new ArrayList<>();
    match
        .get("exact")
        .string()
        .ifPresent(v -> found.add(new CanaryStep.StringMatch(CanaryStep.MatchKind.EXACT, v)));
    match
        .get("prefix")
        .string()
        .ifPresent(v -> found.add(new CanaryStep.StringMatch(CanaryStep.MatchKind.PREFIX, v)));
    match
        .get("regex")
        .string()
        .ifPresent(v -> found.add(new CanaryStep.StringMatch(CanaryStep.MatchKind.REGEX, v)));
    if (found.size() != 1) {
      throw match.error("must have exactly one of exact, prefix and regex, has " + found.size());
    }
    return found.get(0);
  }

  private static Map<String, Object> verbatim(Node body) {
    Map<String, Object> tree = body.map().orElseThrow();
    return SpecReader.tree(body, tree);
  }
}
