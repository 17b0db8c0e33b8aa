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
 * <p>An entry that sets one field is that kind of step; one that sets several ({@code {setWeight:
 * 10, setCanaryScale: {replicas: 5}}}) or none is a {@link CanaryStep.Combined} step, and the
 * engine's validation says, as Argo's does, which combinations are invalid ({@code InvalidSpec},
 * not an unreadable file). A key that is not a kind of step, and a header match with other than one
 * of {@code exact}, {@code prefix} and {@code regex}, are unreadable and raise {@link
 * ManifestException}.
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

  /** The same, in the field order of Argo's {@code CanaryStep} struct. */
  private static final List<String> FIELD_ORDER =
      List.of(
          "setWeight",
          "pause",
          "experiment",
          "analysis",
          "setCanaryScale",
          "setHeaderRoute",
          "setMirrorRoute");

  private StepReader() {}

  static CanaryStep read(Node step) {
    Map<String, Object> fields = step.mapOrEmpty();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() != null && !KINDS.contains(e.getKey())) {
        throw step.get(e.getKey())
            .error("is not a kind of step; a step is one of " + String.join(", ", KINDS));
      }
    }
    List<CanaryStep> parts = new ArrayList<>();
    for (String kind : FIELD_ORDER) {
      if (fields.get(kind) != null) {
        parts.add(read(kind, step.get(kind)));
      }
    }
    return parts.size() == 1 ? parts.get(0) : new CanaryStep.Combined(parts);
  }

  private static CanaryStep read(String kind, Node body) {
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
