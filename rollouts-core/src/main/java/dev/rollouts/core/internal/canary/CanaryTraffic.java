package dev.rollouts.core.internal.canary;

import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.internal.StatusCalculator;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.status.ConditionReason;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.status.WeightDestination;
import dev.rollouts.core.traffic.HeaderRoute;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingProblem;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a canary's traffic goes: the Service selectors, and with a router the weight and the
 * routing objects, as Argo's reconcileStableAndCanaryService and reconcileTrafficRouting decide
 * them.
 *
 * <p>The weight rises to a step's {@code setWeight} only once the canary has all its pods for that
 * weight available; until then the previous step's weight stays. It is 0 while the canary has no
 * available pod, on abort, and once the Rollout is fully promoted.
 */
final class CanaryTraffic {

  /** The label that ties a Service selector to one ReplicaSet. */
  static final String HASH_LABEL = ObservedReplicaSet.POD_TEMPLATE_HASH_LABEL;

  private final Sync sync;
  private final CanaryStrategy canary;
  private final CanarySteps steps;
  private final CanaryReplicas replicas;

  CanaryTraffic(Sync sync, CanaryStrategy canary, CanarySteps steps, CanaryReplicas replicas) {
    this.sync = sync;
    this.canary = canary;
    this.steps = steps;
    this.replicas = replicas;
  }

  /** Points {@code stableService} at the stable pods and {@code canaryService} at the canary's. */
  void reconcileServices() {
    Optional<ObservedReplicaSet> stable = sync.snapshot().stableRS();
    if (stable.isEmpty()) {
      return;
    }
    canary.stableService().ifPresent(name -> select(name, stable.get().podTemplateHash()));
    Optional<ObservedReplicaSet> newRS = sync.snapshot().newRS();
    canary
        .canaryService()
        .ifPresent(
            name -> {
              boolean canaryReady = newRS.filter(rs -> rs.availableReplicas() > 0).isPresent();
              if (newRS.isEmpty() || (steps.aborted() && !dynamicAbortInProgress())) {
                select(name, stable.get().podTemplateHash());
              } else if (steps.aborted()) {
                select(name, newRS.get().podTemplateHash());
              } else if (canaryReady || selects(name, newRS.get().podTemplateHash())) {
                select(name, newRS.get().podTemplateHash());
              }
            });
  }

  /**
   * Whether an abort with {@code dynamicStableScale} still sends traffic to the canary: Argo points
   * the canary Service back at stable only once the weight is 0 (reconcileTrafficRouting).
   */
  private boolean dynamicAbortInProgress() {
    return canary.dynamicStableScale()
        && canary.trafficRouting().isPresent()
        && dynamicAbortWeight(sync.rollout().status().canary().weights()) > 0;
  }

  private boolean selects(String service, String hash) {
    ObservedService svc = sync.observed().services().get(service);
    return svc != null && hash.equals(svc.selector().get(HASH_LABEL));
  }

  private void select(String service, String hash) {
    ObservedService svc = sync.observed().services().get(service);
    if (svc == null) {
      return;
    }
    Map<String, String> selector = new LinkedHashMap<>(svc.selector());
    selector.put(HASH_LABEL, hash);
    sync.selector(service, selector);
  }

  /**
   * Asks the router for the routing objects of this sync's weight and records {@code
   * status.canary.weights}; returns the weights to write, or the previous ones when the router
   * reported problems.
   */
  Optional<TrafficWeights> reconcileRouting(TrafficRouter router, TrafficRouting routing) {
    Optional<TrafficWeights> previous = sync.rollout().status().canary().weights();
    int weight = desiredWeight(previous);
    RoutingRequest request =
        RoutingRequest.builder()
            .rolloutName(sync.rollout().name())
            .rolloutNamespace(sync.rollout().namespace())
            .rolloutUid(sync.rollout().uid())
            .config(routing.routers().get(router.name()))
            .canaryService(canary.canaryService().orElse(""))
            .stableService(canary.stableService().orElse(""))
            .weight(weight)
            .maxTrafficWeight(routing.maxTrafficWeight())
            .headerRoutes(
                router.capabilities().contains(RouterCapability.HEADER_ROUTES)
                    ? headerRoutes()
                    : List.of())
            .observed(sync.observed().routingObjects())
            .build();
    RoutingPlan plan = PluginContracts.plan(router, request);
    if (!plan.problems().isEmpty()) {
      String message =
          plan.problems().stream().map(RoutingProblem::toString).collect(Collectors.joining("; "));
      sync.blockedBy(ConditionReason.TrafficRoutingError.value(), message);
      sync.event(RolloutEvent.warning(EventReason.TrafficRoutingError, message));
      return previous;
    }
    sync.routingObjects(plan.desired());
    TrafficWeights next = weights(weight);
    if (previous.isEmpty()
        || !previous.get().canary().equals(next.canary())
        || !previous.get().stable().equals(next.stable())) {
      String details =
          previous.map(p -> "from " + p.canary().weight() + " to " + weight).orElse("to " + weight);
      sync.event(
          RolloutEvent.normal(
              EventReason.TrafficWeightUpdated, "Traffic weight updated " + details));
    }
    return Optional.of(next);
  }

  private TrafficWeights weights(int weight) {
    int total = canary.effectiveMaxTrafficWeight();
    Optional<String> canaryHash = sync.snapshot().newRS().map(ObservedReplicaSet::podTemplateHash);
    Optional<String> stableHash =
        sync.snapshot().stableRS().map(ObservedReplicaSet::podTemplateHash);
    return new TrafficWeights(
        new WeightDestination(weight, canary.canaryService(), canaryHash),
        new WeightDestination(total - weight, canary.stableService(), stableHash),
        Optional.empty());
  }

  /** Argo's desired weight for this sync (reconcileTrafficRouting). */
  int desiredWeight(Optional<TrafficWeights> previous) {
    if (StatusCalculator.isFullyPromoted(sync.rollout().status()) || steps.aborted()) {
      return canary.dynamicStableScale() && steps.aborted() ? dynamicAbortWeight(previous) : 0;
    }
    Optional<ObservedReplicaSet> newRS = sync.snapshot().newRS();
    if (newRS.isEmpty() || newRS.get().availableReplicas() == 0) {
      return 0;
    }
    int total = canary.effectiveMaxTrafficWeight();
    if (sync.rollout().status().promoteFull()) {
      if (canary.dynamicStableScale()) {
        return (int)
            ((long) total
                * newRS.get().availableReplicas()
                / Math.max(1, sync.rollout().spec().replicas()));
      }
      return previous.map(p -> p.canary().weight()).orElse(0);
    }
    if (steps.index().isEmpty()) {
      return 0;
    }
    ReplicaSplit desired = replicas.forDesiredWeight();
    int weight;
    if (!replicas.atDesired(desired, false)) {
      weight = steps.previousSetWeight();
    } else if (steps.index().get() < steps.steps().size()) {
      weight = steps.currentSetWeight();
    } else {
      weight = total;
    }
    return guardStableShare(weight, previous.map(p -> p.canary().weight()).orElse(0));
  }

  /** Does not raise the weight while stable lacks the available pods for the share it keeps. */
  private int guardStableShare(int weight, int previousWeight) {
    if (weight <= previousWeight || !sync.snapshot().hasDistinctStable()) {
      return weight;
    }
    int stableNeeds = replicas.toReplicas(canary.effectiveMaxTrafficWeight() - weight);
    int stableAvailable = sync.snapshot().stableRS().get().availableReplicas();
    return stableAvailable >= Math.min(stableNeeds, sync.snapshot().stableRS().get().specReplicas())
        ? weight
        : previousWeight;
  }

  /**
   * Argo's calculateDesiredWeightOnAbortOrStableRollback with {@code dynamicStableScale}: the
   * weight follows {@link CanarySteps#desiredCanaryWeight} down, but no lower step is taken while
   * the available stable pods cannot carry the traffic it gives back, and a lowered weight is never
   * raised again; once no step is left, what the available stable pods leave to the canary.
   */
  private int dynamicAbortWeight(Optional<TrafficWeights> previous) {
    Optional<ObservedReplicaSet> stable = sync.snapshot().stableRS();
    Optional<ObservedReplicaSet> newRS = sync.snapshot().newRS();
    int replicas = sync.rollout().spec().replicas();
    if (stable.isEmpty() || newRS.isEmpty() || replicas == 0) {
      return 0;
    }
    int total = canary.effectiveMaxTrafficWeight();
    int desired = steps.desiredCanaryWeight(newRS, stable);
    int stableShare = (int) ((long) total * stable.get().availableReplicas() / replicas);
    int expected = Math.max(0, total - stableShare);
    if (previous.isEmpty()) {
      return Math.max(expected, desired);
    }
    int current = previous.get().canary().weight();
    if (desired <= 0) {
      return Math.min(expected, current);
    }
    if (stableShare < total - desired) {
      return current;
    }
    return Math.min(desired, current);
  }

  /** The header routes set by the steps so far; none once aborted, promoted or fully promoting. */
  List<HeaderRoute> headerRoutes() {
    if (steps.aborted()
        || sync.rollout().status().promoteFull()
        || StatusCalculator.isFullyPromoted(sync.rollout().status())
        || steps.current().isEmpty()) {
      return List.of();
    }
    Map<String, HeaderRoute> routes = new HashMap<>();
    Map<String, Integer> order = new LinkedHashMap<>();
    for (int i = 0; i <= steps.index().get(); i++) {
      Optional<CanaryStep.SetHeaderRoute> route =
          steps.steps().get(i).part(CanaryStep.SetHeaderRoute.class);
      if (route.isPresent()) {
        CanaryStep.SetHeaderRoute h = route.get();
        if (h.match().isEmpty()) {
          routes.remove(h.name());
        } else {
          routes.put(h.name(), new HeaderRoute(h.name(), h.match()));
          order.putIfAbsent(h.name(), i);
        }
      }
    }
    return order.keySet().stream().filter(routes::containsKey).map(routes::get).toList();
  }
}
