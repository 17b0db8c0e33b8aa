package dev.rollouts.core.internal.validation;

import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.util.Map;
import java.util.Optional;

/**
 * Argo Rollouts' validation of a Rollout spec, reporting the first error as Argo does: {@code The
 * Rollout "name" is invalid: <path>: <body>}.
 *
 * <p>Canary field paths omit {@code .canary}, as Argo's do ({@code spec.strategy.maxSurge}).
 */
public final class SpecValidator {

  private SpecValidator() {}

  /** The InvalidSpec message for {@code rollout}, or empty when it is valid. */
  public static Optional<String> validate(Rollout rollout, Map<String, TrafficPlugin> plugins) {
    return firstError(rollout, plugins)
        .map(error -> "The Rollout \"" + rollout.name() + "\" is invalid: " + error);
  }

  static Optional<FieldError> firstError(Rollout rollout, Map<String, TrafficPlugin> plugins) {
    RolloutSpec spec = rollout.spec();
    if (spec.replicas() < 0) {
      return Optional.of(
          FieldError.invalid(
              "spec.replicas", spec.replicas(), "must be greater than or equal to 0"));
    }
    if (spec.selector().isEmpty()) {
      return Optional.of(
          FieldError.invalid("spec.selector", "{}", "empty selector is invalid for deployment"));
    }
    if (!spec.selector().matches(spec.template().labels())) {
      return Optional.of(
          FieldError.invalid(
              "spec.template.metadata.labels",
              spec.template().labels().toString(),
              "`selector` does not match template `labels`"));
    }
    Optional<FieldError> error =
        nonNegative("spec.minReadySeconds", spec.minReadySeconds())
            .or(() -> nonNegative("spec.revisionHistoryLimit", spec.revisionHistoryLimit()))
            .or(() -> nonNegative("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds()));
    if (error.isPresent()) {
      return error;
    }
    if (spec.progressDeadlineSeconds() <= spec.minReadySeconds()) {
      return Optional.of(
          FieldError.invalid(
              "spec.progressDeadlineSeconds",
              spec.progressDeadlineSeconds(),
              "must be greater than minReadySeconds"));
    }
    boolean canary = spec.strategy().canary().isPresent();
    boolean blueGreen = spec.strategy().blueGreen().isPresent();
    if (!canary && !blueGreen) {
      return Optional.of(
          FieldError.required(
              "spec.strategy.strategy",
              "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"));
    }
    if (canary && blueGreen) {
      return Optional.of(
          FieldError.invalid(
              "spec.strategy.strategy",
              "blueGreen: true canary: true",
              "Multiple Strategies can not be listed"));
    }
    return canary
        ? CanaryValidator.firstError(spec.strategy().canary().get(), plugins)
        : blueGreenError(spec, spec.strategy().blueGreen().get());
  }

  static Optional<FieldError> nonNegative(String path, int value) {
    return value < 0
        ? Optional.of(FieldError.invalid(path, value, "must be greater than or equal to 0"))
        : Optional.empty();
  }

  private static Optional<FieldError> blueGreenError(
      RolloutSpec spec, BlueGreenStrategy blueGreen) {
    String path = "spec.strategy.blueGreen";
    if (blueGreen.activeService().filter(s -> !s.isEmpty()).isEmpty()) {
      return Optional.of(
          FieldError.required(
              path + ".activeService",
              "Rollout has missing field '.spec.strategy.blueGreen.activeService'"));
    }
    if (blueGreen.previewService().equals(blueGreen.activeService())) {
      return Optional.of(
          FieldError.invalid(
              path + ".activeService",
              blueGreen.activeService().get(),
              "This rollout uses the same service for the active and preview services, but two different services are required."));
    }
    if (blueGreen.previewReplicaCount().isPresent()) {
      int preview = blueGreen.previewReplicaCount().get();
      if (preview < 1 || preview > spec.replicas()) {
        return Optional.of(
            FieldError.invalid(
                path + ".previewReplicaCount",
                preview,
                "must be between 1 and spec.replicas (" + spec.replicas() + ")"));
      }
    }
    Optional<FieldError> error =
        optionalNonNegative(path + ".autoPromotionSeconds", blueGreen.autoPromotionSeconds())
            .or(
                () ->
                    optionalNonNegative(
                        path + ".scaleDownDelaySeconds", blueGreen.scaleDownDelaySeconds()))
            .or(
                () ->
                    optionalNonNegative(
                        path + ".scaleDownDelayRevisionLimit",
                        blueGreen.scaleDownDelayRevisionLimit()))
            .or(
                () ->
                    optionalNonNegative(
                        path + ".abortScaleDownDelaySeconds",
                        blueGreen.abortScaleDownDelaySeconds()))
            .or(() -> percentOrCount(path + ".maxUnavailable", blueGreen.maxUnavailable()));
    if (error.isPresent()) {
      return error;
    }
    if (blueGreen.scaleDownDelayRevisionLimit().isPresent()
        && spec.revisionHistoryLimit() < blueGreen.scaleDownDelayRevisionLimit().get()) {
      return Optional.of(
          FieldError.invalid(
              path + ".scaleDownDelayRevisionLimit",
              blueGreen.scaleDownDelayRevisionLimit().get(),
              "This rollout's revision history limit can not be smaller than the rollout's scale down limit"));
    }
    return blueGreen
        .antiAffinity()
        .flatMap(a -> CanaryValidator.antiAffinityError(path + ".antiAffinity", a))
        .or(
            () ->
                AnalysisValidator.error(
                    path + ".prePromotionAnalysis", blueGreen.prePromotionAnalysis()))
        .or(
            () ->
                AnalysisValidator.error(
                    path + ".postPromotionAnalysis", blueGreen.postPromotionAnalysis()));
  }

  static Optional<FieldError> optionalNonNegative(String path, Optional<Integer> value) {
    return value.flatMap(v -> nonNegative(path, v));
  }

  static Optional<FieldError> percentOrCount(String path, Optional<IntOrPercent> value) {
    return value
        .filter(v -> v.value() < 0 || (v.percent() && v.value() > 100))
        .map(
            v ->
                FieldError.invalid(
                    path,
                    v.toString(),
                    "must be a count of 0 or more, or a percentage from 0% to 100%"));
  }
}
