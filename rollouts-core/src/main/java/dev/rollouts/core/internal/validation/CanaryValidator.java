package dev.rollouts.core.internal.validation;

import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.TrafficPlugin;
import dev.rollouts.core.traffic.TrafficRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Argo's canary validation rules, plus the checks that the named traffic plug-in can serve. */
final class CanaryValidator {

  private static final String PATH = "spec.strategy";

  /** Argo's InvalidStepMessage. */
  static final String INVALID_STEP =
      "Step must have one of the following set: experiment, setWeight, setCanaryScale or pause";

  private CanaryValidator() {}

  static Optional<FieldError> firstError(
      CanaryStrategy canary, Map<String, TrafficPlugin> plugins) {
    int surge = canary.effectiveMaxSurge().value();
    int unavailable = canary.effectiveMaxUnavailable().value();
    Optional<FieldError> error =
        SpecValidator.percentOrCount(PATH + ".maxSurge", canary.maxSurge())
            .or(
                () ->
                    SpecValidator.percentOrCount(
                        PATH + ".maxUnavailable", canary.maxUnavailable()));
    if (error.isPresent()) {
      return error;
    }
    if (surge == 0 && unavailable == 0) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".maxSurge",
              canary.effectiveMaxSurge().toString(),
              "MaxSurge and MaxUnavailable both can not be zero"));
    }
    if (canary.canaryService().isPresent()
        && canary.canaryService().equals(canary.stableService())) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".stableService",
              canary.stableService().get(),
              "This rollout uses the same service for the stable and canary services, but two different services are required."));
    }
    error =
        canary.trafficRouting().isPresent()
            ? routedError(canary, canary.trafficRouting().get(), plugins)
            : unroutedError(canary, plugins);
    if (error.isPresent()) {
      return error;
    }
    error =
        SpecValidator.optionalNonNegative(
                PATH + ".scaleDownDelaySeconds", canary.scaleDownDelaySeconds())
            .or(
                () ->
                    SpecValidator.optionalNonNegative(
                        PATH + ".scaleDownDelayRevisionLimit",
                        canary.scaleDownDelayRevisionLimit()))
            .or(
                () ->
                    SpecValidator.optionalNonNegative(
                        PATH + ".abortScaleDownDelaySeconds", canary.abortScaleDownDelaySeconds()))
            .or(
                () ->
                    SpecValidator.optionalNonNegative(
                        PATH + ".minPodsPerReplicaSet", canary.minPodsPerReplicaSet()));
    if (error.isPresent()) {
      return error;
    }
    List<CanaryStep> steps = canary.effectiveSteps();
    for (int i = 0; i < steps.size(); i++) {
      Optional<FieldError> stepError = stepError(canary, i, steps.get(i), plugins);
      if (stepError.isPresent()) {
        return stepError;
      }
    }
    return canary.antiAffinity().flatMap(a -> antiAffinityError(PATH + ".antiAffinity", a));
  }

  private static Optional<FieldError> unroutedError(
      CanaryStrategy canary, Map<String, TrafficPlugin> plugins) {
    if (canary.scaleDownDelaySeconds().isPresent()) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".scaleDownDelaySeconds",
              canary.scaleDownDelaySeconds().get(),
              "Canary scaleDownDelaySeconds can only be used with traffic routing"));
    }
    if (canary.dynamicStableScale()) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".dynamicStableScale",
              true,
              "Canary dynamicStableScale can only be used with traffic routing"));
    }
    if (!(plugins.get(ReplicaWeighting.DEFAULT_NAME) instanceof ReplicaWeighting)) {
      return Optional.of(
          FieldError.required(
              PATH + ".trafficRouting",
              "no traffic router is named and no replica-count weighting plug-in ('"
                  + ReplicaWeighting.DEFAULT_NAME
                  + "') is installed: add rollouts-traffic-replicaset to the class path"));
    }
    return Optional.empty();
  }

  private static Optional<FieldError> routedError(
      CanaryStrategy canary, TrafficRouting routing, Map<String, TrafficPlugin> plugins) {
    if (canary.stableService().filter(s -> !s.isEmpty()).isEmpty()) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".stableService",
              "",
              "Canary service and Stable service must to be set to use Traffic Routing"));
    }
    if (canary.canaryService().filter(s -> !s.isEmpty()).isEmpty()) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".canaryService",
              "",
              "Canary service and Stable service must to be set to use Traffic Routing"));
    }
    if (canary.scaleDownDelaySeconds().isPresent() && canary.dynamicStableScale()) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".dynamicStableScale",
              true,
              "Canary dynamicStableScale cannot be used with scaleDownDelaySeconds"));
    }
    if (routing.maxTrafficWeight().filter(w -> w < 1).isPresent()) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".trafficRouting.maxTrafficWeight",
              routing.maxTrafficWeight().get(),
              "must be greater than 0"));
    }
    if (routing.routers().size() != 1) {
      return Optional.of(
          FieldError.required(
              PATH + ".trafficRouting",
              routing.routers().isEmpty()
                  ? "name one traffic router (for example nginx)"
                  : "name exactly one traffic router, found "
                      + new TreeSet<>(routing.routers().keySet())));
    }
    String name = routing.routers().keySet().iterator().next();
    if (!(plugins.get(name) instanceof TrafficRouter)) {
      return Optional.of(
          FieldError.invalid(
              PATH + ".trafficRouting." + name,
              name,
              "no traffic router named '"
                  + name
                  + "' is installed (installed: "
                  + routerNames(plugins)
                  + ")"));
    }
    return Optional.empty();
  }

  private static String routerNames(Map<String, TrafficPlugin> plugins) {
    TreeSet<String> names = new TreeSet<>();
    plugins.forEach(
        (name, plugin) -> {
          if (plugin instanceof TrafficRouter) {
            names.add(name);
          }
        });
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /**
   * Argo's hasMultipleStepsType and its check for an entry that sets nothing, then each field's own
   * rules.
   */
  private static Optional<FieldError> stepError(
      CanaryStrategy canary, int index, CanaryStep step, Map<String, TrafficPlugin> plugins) {
    String path = PATH + ".steps[" + index + "]";
    boolean experiment = step.part(CanaryStep.Experiment.class).isPresent();
    boolean pause = step.part(CanaryStep.Pause.class).isPresent();
    boolean setWeight = step.part(CanaryStep.SetWeight.class).isPresent();
    boolean analysis = step.part(CanaryStep.Analysis.class).isPresent();
    int exclusive =
        (experiment ? 1 : 0) + (pause ? 1 : 0) + (setWeight ? 1 : 0) + (analysis ? 1 : 0);
    if (exclusive > 1) {
      return Optional.of(
          FieldError.invalid(
              path,
              String.format(
                  "step.Experiment: %b step.Pause: %b step.SetWeight: %b step.Analysis: %b",
                  experiment, pause, setWeight, analysis),
              INVALID_STEP));
    }
    if (step.parts().isEmpty()) {
      return Optional.of(
          FieldError.invalid(
              path,
              "step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true"
                  + " step.SetCanaryScale: true step.SetHeaderRoute: true step.SetMirrorRoutes: true",
              INVALID_STEP));
    }
    for (CanaryStep part : step.parts()) {
      Optional<FieldError> error = partError(canary, path, part, plugins);
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static Optional<FieldError> partError(
      CanaryStrategy canary, String path, CanaryStep step, Map<String, TrafficPlugin> plugins) {
    int total = canary.effectiveMaxTrafficWeight();
    if (step instanceof CanaryStep.SetWeight w && (w.weight() < 0 || w.weight() > total)) {
      return Optional.of(
          FieldError.invalid(
              path + ".setWeight", w.weight(), "SetWeight needs to be between 0 and " + total));
    }
    if (step instanceof CanaryStep.Pause p) {
      return pauseError(path, p);
    }
    if (step instanceof CanaryStep.SetCanaryScale s) {
      return canaryScaleError(path, canary, s);
    }
    if (step instanceof CanaryStep.SetHeaderRoute h) {
      return headerRouteError(path, canary, h, plugins);
    }
    if (step instanceof CanaryStep.SetMirrorRoute) {
      return routeCapability(
          path + ".setMirrorRoute", canary, plugins, RouterCapability.MIRROR_ROUTES);
    }
    return Optional.empty();
  }

  private static Optional<FieldError> pauseError(String path, CanaryStep.Pause pause) {
    if (pause.duration().isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> duration = pause.duration().get().toDuration();
    if (duration.isEmpty() || duration.get().isNegative()) {
      return Optional.of(
          FieldError.invalid(
              path + ".pause.duration",
              duration.map(Duration::getSeconds).orElse(-1L),
              "Duration needs to be greater than 0"));
    }
    return Optional.empty();
  }

  private static Optional<FieldError> canaryScaleError(
      String path, CanaryStrategy canary, CanaryStep.SetCanaryScale scale) {
    if (canary.trafficRouting().isEmpty()) {
      return Optional.of(
          FieldError.required(
              PATH + ".trafficRouting", "SetCanaryScale requires TrafficRouting to be set"));
    }
    int set =
        (scale.replicas().isPresent() ? 1 : 0)
            + (scale.weight().isPresent() ? 1 : 0)
            + (scale.matchTrafficWeight() ? 1 : 0);
    if (set != 1) {
      return Optional.of(
          FieldError.invalid(
              path + ".setCanaryScale",
              set,
              "set exactly one of replicas, weight and matchTrafficWeight"));
    }
    if (scale.replicas().filter(r -> r < 0).isPresent()
        || scale.weight().filter(w -> w < 0 || w > 100).isPresent()) {
      return Optional.of(
          FieldError.invalid(
              path + ".setCanaryScale",
              scale.replicas().or(scale::weight).orElse(0),
              "replicas must be 0 or more and weight between 0 and 100"));
    }
    return Optional.empty();
  }

  private static Optional<FieldError> headerRouteError(
      String path,
      CanaryStrategy canary,
      CanaryStep.SetHeaderRoute route,
      Map<String, TrafficPlugin> plugins) {
    Optional<FieldError> capability =
        routeCapability(path + ".setHeaderRoute", canary, plugins, RouterCapability.HEADER_ROUTES);
    if (capability.isPresent()) {
      return capability;
    }
    List<String> managed = canary.trafficRouting().get().managedRoutes();
    if (managed.isEmpty()) {
      return Optional.of(
          FieldError.required(
              PATH + ".trafficRouting.managedRoutes",
              "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'"));
    }
    if (!managed.contains(route.name())) {
      return Optional.of(
          FieldError.invalid(
              path + ".setHeaderRoute",
              route.name(),
              "Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes"));
    }
    return Optional.empty();
  }

  private static Optional<FieldError> routeCapability(
      String path,
      CanaryStrategy canary,
      Map<String, TrafficPlugin> plugins,
      RouterCapability needed) {
    Optional<String> router =
        canary.trafficRouting().flatMap(r -> r.routers().keySet().stream().findFirst());
    boolean supported =
        router
            .map(plugins::get)
            .filter(p -> p instanceof TrafficRouter r && r.capabilities().contains(needed))
            .isPresent();
    if (supported) {
      return Optional.empty();
    }
    return Optional.of(
        FieldError.invalid(
            path,
            router.orElse(""),
            router.isEmpty()
                ? "requires TrafficRouting with a router that supports it"
                : "the '"
                    + router.get()
                    + "' traffic router does not support "
                    + needed.name().toLowerCase().replace('_', ' ')));
  }

  static Optional<FieldError> antiAffinityError(String path, AntiAffinity antiAffinity) {
    if (antiAffinity instanceof AntiAffinity.Preferred p && (p.weight() < 1 || p.weight() > 100)) {
      return Optional.of(
          FieldError.invalid(
              path + ".weight", p.weight(), "AntiAffinity weight must be between 1-100"));
    }
    return Optional.empty();
  }
}
