package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.Trees;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.ReplicaProgressThreshold;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.spec.TrafficRouting;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code spec} of a Rollout into the core's {@link RolloutSpec}: every field the core models,
 * with its type checked; values are not validated (the engine does that).
 */
final class SpecReader {

  private static final Pattern PERCENT = Pattern.compile("(-?\\d+)%?");

  private SpecReader() {}

  static RolloutSpec read(Node spec) {
    spec.mapOrEmpty();
    RolloutSpec.Builder b =
        RolloutSpec.builder()
            .selector(selector(spec.get("selector")))
            .template(template(spec.get("template")))
            .strategy(strategy(spec.get("strategy")));
    spec.get("replicas").integer().ifPresent(b::replicas);
    spec.get("minReadySeconds").integer().ifPresent(b::minReadySeconds);
    spec.get("revisionHistoryLimit").integer().ifPresent(b::revisionHistoryLimit);
    spec.get("paused").bool().ifPresent(b::paused);
    spec.get("progressDeadlineSeconds").integer().ifPresent(b::progressDeadlineSeconds);
    spec.get("progressDeadlineAbort").bool().ifPresent(b::progressDeadlineAbort);
    spec.get("restartAt").time().ifPresent(b::restartAt);
    return b.build();
  }

  /** {@code selector}; an absent one reads as empty, which the engine reports as invalid. */
  static LabelSelector selector(Node selector) {
    selector.mapOrEmpty();
    return new LabelSelector(
        selector.get("matchLabels").stringMap(),
        selector.get("matchExpressions").items().stream().map(SpecReader::requirement).toList());
  }

  private static LabelSelector.Requirement requirement(Node requirement) {
    Node operator = requirement.get("operator");
    String wire = operator.string().orElse("");
    LabelSelector.Operator parsed =
        Arrays.stream(LabelSelector.Operator.values())
            .filter(o -> o.wireName().equals(wire))
            .findFirst()
            .orElseThrow(
                () ->
                    operator.error(
                        "must be one of In, NotIn, Exists, DoesNotExist, was "
                            + Node.describe(operator.raw())));
    return new LabelSelector.Requirement(
        requirement.get("key").string().orElse(""), parsed, requirement.get("values").strings());
  }

  private static PodTemplate template(Node template) {
    Map<String, Object> tree = template.mapOrEmpty();
    return new PodTemplate(
        PodTemplateHash.of(tree), template.get("metadata").get("labels").stringMap());
  }

  private static StrategySpec strategy(Node strategy) {
    strategy.mapOrEmpty();
    Node canary = strategy.get("canary");
    Node blueGreen = strategy.get("blueGreen");
    return new StrategySpec(
        canary.isPresent() ? Optional.of(canary(canary)) : Optional.empty(),
        blueGreen.isPresent() ? Optional.of(blueGreen(blueGreen)) : Optional.empty());
  }

  private static CanaryStrategy canary(Node canary) {
    canary.mapOrEmpty();
    CanaryStrategy.Builder b = CanaryStrategy.builder();
    canary.get("canaryService").string().ifPresent(b::canaryService);
    canary.get("stableService").string().ifPresent(b::stableService);
    Node steps = canary.get("steps");
    if (steps.isPresent()) {
      b.steps(steps.items().stream().map(StepReader::read).toList());
    }
    intOrPercent(canary.get("maxSurge")).ifPresent(b::maxSurge);
    intOrPercent(canary.get("maxUnavailable")).ifPresent(b::maxUnavailable);
    Node trafficRouting = canary.get("trafficRouting");
    if (trafficRouting.isPresent()) {
      b.trafficRouting(trafficRouting(trafficRouting));
    }
    canary.get("dynamicStableScale").bool().ifPresent(b::dynamicStableScale);
    canary.get("minPodsPerReplicaSet").integer().ifPresent(b::minPodsPerReplicaSet);
    canary.get("scaleDownDelaySeconds").integer().ifPresent(b::scaleDownDelaySeconds);
    canary.get("scaleDownDelayRevisionLimit").integer().ifPresent(b::scaleDownDelayRevisionLimit);
    canary.get("abortScaleDownDelaySeconds").integer().ifPresent(b::abortScaleDownDelaySeconds);
    Node threshold = canary.get("replicaProgressThreshold");
    if (threshold.isPresent()) {
      b.replicaProgressThreshold(progressThreshold(threshold));
    }
    antiAffinity(canary.get("antiAffinity")).ifPresent(b::antiAffinity);
    podMetadata(canary.get("canaryMetadata")).ifPresent(b::canaryMetadata);
    podMetadata(canary.get("stableMetadata")).ifPresent(b::stableMetadata);
    return b.build();
  }

  /**
   * {@code trafficRouting}: {@code maxTrafficWeight}, {@code managedRoutes}, and every other key a
   * router name with its configuration object.
   */
  private static TrafficRouting trafficRouting(Node trafficRouting) {
    TrafficRouting.Builder b = TrafficRouting.builder();
    for (Map.Entry<String, Object> e : trafficRouting.mapOrEmpty().entrySet()) {
      Node value = trafficRouting.get(e.getKey());
      switch (e.getKey()) {
        case "maxTrafficWeight" -> value.integer().ifPresent(b::maxTrafficWeight);
        case "managedRoutes" ->
            value.items().forEach(r -> b.addManagedRoute(r.get("name").string().orElse("")));
        default -> value.map().ifPresent(config -> b.putRouter(e.getKey(), tree(value, config)));
      }
    }
    return b.build();
  }

  private static ReplicaProgressThreshold progressThreshold(Node threshold) {
    Node type = threshold.get("type");
    ReplicaProgressThreshold.Type parsed =
        switch (type.string().orElse("")) {
          case "Pods" -> ReplicaProgressThreshold.Type.PODS;
          case "Percent" -> ReplicaProgressThreshold.Type.PERCENT;
          default -> throw type.error("must be Pods or Percent, was " + Node.describe(type.raw()));
        };
    Node value = threshold.get("value");
    return new ReplicaProgressThreshold(
        parsed, value.integer().orElseThrow(() -> value.error("is required")));
  }

  private static BlueGreenStrategy blueGreen(Node blueGreen) {
    blueGreen.mapOrEmpty();
    BlueGreenStrategy.Builder b = BlueGreenStrategy.builder();
    blueGreen.get("activeService").string().ifPresent(b::activeService);
    blueGreen.get("previewService").string().ifPresent(b::previewService);
    blueGreen.get("previewReplicaCount").integer().ifPresent(b::previewReplicaCount);
    blueGreen.get("autoPromotionEnabled").bool().ifPresent(b::autoPromotionEnabled);
    blueGreen.get("autoPromotionSeconds").integer().ifPresent(b::autoPromotionSeconds);
    blueGreen.get("scaleDownDelaySeconds").integer().ifPresent(b::scaleDownDelaySeconds);
    blueGreen
        .get("scaleDownDelayRevisionLimit")
        .integer()
        .ifPresent(b::scaleDownDelayRevisionLimit);
    blueGreen.get("abortScaleDownDelaySeconds").integer().ifPresent(b::abortScaleDownDelaySeconds);
    intOrPercent(blueGreen.get("maxUnavailable")).ifPresent(b::maxUnavailable);
    antiAffinity(blueGreen.get("antiAffinity")).ifPresent(b::antiAffinity);
    podMetadata(blueGreen.get("activeMetadata")).ifPresent(b::activeMetadata);
    podMetadata(blueGreen.get("previewMetadata")).ifPresent(b::previewMetadata);
    Node pre = blueGreen.get("prePromotionAnalysis");
    pre.map().ifPresent(analysis -> b.prePromotionAnalysis(tree(pre, analysis)));
    Node post = blueGreen.get("postPromotionAnalysis");
    post.map().ifPresent(analysis -> b.postPromotionAnalysis(tree(post, analysis)));
    return b.build();
  }

  private static Optional<PodMetadata> podMetadata(Node metadata) {
    return metadata
        .map()
        .map(
            m ->
                new PodMetadata(
                    metadata.get("labels").stringMap(), metadata.get("annotations").stringMap()));
  }

  /**
   * {@code antiAffinity}: exactly one of {@code preferredDuringSchedulingIgnoredDuringExecution:
   * {weight: N}} and {@code requiredDuringSchedulingIgnoredDuringExecution: {}}.
   */
  private static Optional<AntiAffinity> antiAffinity(Node antiAffinity) {
    if (antiAffinity.map().isEmpty()) {
      return Optional.empty();
    }
    Node preferred = antiAffinity.get("preferredDuringSchedulingIgnoredDuringExecution");
    Node required = antiAffinity.get("requiredDuringSchedulingIgnoredDuringExecution");
    if (preferred.isPresent() == required.isPresent()) {
      throw antiAffinity.error(
          "must have exactly one of preferredDuringSchedulingIgnoredDuringExecution and "
              + "requiredDuringSchedulingIgnoredDuringExecution");
    }
    if (required.isPresent()) {
      required.mapOrEmpty();
      return Optional.of(new AntiAffinity.Required());
    }
    preferred.mapOrEmpty();
    return Optional.of(new AntiAffinity.Preferred(preferred.get("weight").integer().orElse(0)));
  }

  /** An {@code IntOrString} that is a count ({@code 1}) or a percentage ({@code "25%"}). */
  static Optional<IntOrPercent> intOrPercent(Node node) {
    if (!node.isPresent()) {
      return Optional.empty();
    }
    if (node.raw() instanceof Number) {
      return node.integer().map(IntOrPercent::of);
    }
    if (node.raw() instanceof String text) {
      Matcher m = PERCENT.matcher(text.trim());
      if (m.matches()) {
        try {
          return Optional.of(IntOrPercent.ofPercent(Integer.parseInt(m.group(1))));
        } catch (NumberFormatException tooLarge) {
          // reported below
        }
      }
    }
    throw node.error(
        "must be an integer or a percentage like \"25%\", was " + Node.describe(node.raw()));
  }

  /** A body kept verbatim, as a deeply immutable tree. */
  static Map<String, Object> tree(Node node, Map<String, Object> body) {
    try {
      return Trees.copyOf(body);
    } catch (IllegalArgumentException e) {
      throw node.error("must be plain JSON: " + e.getMessage());
    }
  }
}
