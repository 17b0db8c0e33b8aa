package dev.rollouts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import dev.rollouts.core.spec.CanaryStep.MatchKind;
import dev.rollouts.core.spec.CanaryStep.StringMatch;
import dev.rollouts.core.traffic.HeaderRoute;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TrafficRouter}'s tests extend: the rules of the traffic SPI, checked
 * for one router.
 *
 * <p>A router's test class extends this, says how to make the router and a request it can serve,
 * and how to read the weight its objects route; it inherits one test per rule:
 *
 * <ul>
 *   <li>equal requests give equal plans;
 *   <li>for every weight from 0 to the total, the desired objects route exactly that weight, with
 *       no problem; in particular weight 0 routes nothing to the canary (the engine asks for 0
 *       whenever the canary has no available pods, so this is how a router never shifts traffic
 *       onto unavailable pods);
 *   <li>weights round-trip: once the desired objects are applied, the router reports the weight as
 *       observed, and planning again asks for the same objects (idempotent);
 *   <li>it never throws for a request whose routing objects are missing: it returns problems that
 *       name them, and asks for nothing;
 *   <li>the capabilities it declares are honest: without {@link RouterCapability#HEADER_ROUTES}
 *       header routes change nothing; with it, a simple header route is accepted, keeps the weight,
 *       and leaves no trace once removed.
 * </ul>
 *
 * <pre>{@code
 * class NginxTrafficRouterContractTest extends TrafficRouterContract {
 *   protected TrafficRouter router() { return new NginxTrafficRouter(); }
 *   protected RoutingRequest validRequest() { return ...stable Ingress observed...; }
 *   protected int routedWeight(RoutingPlan plan) { return ...canary-weight of the Ingress...; }
 * }
 * }</pre>
 */
public abstract class TrafficRouterContract {

  /** The router under test; a new one or a shared one, as it is stateless. */
  protected abstract TrafficRouter router();

  /**
   * A request the router can serve without problem: its routing objects observed (in their state
   * before the router ever ran), no header routes. The contract varies only {@code weight}, {@code
   * headerRoutes} and {@code observed}.
   */
  protected abstract RoutingRequest validRequest();

  /**
   * The canary weight {@code plan}'s desired objects route, out of the request's total. Fail (throw
   * an {@link AssertionError}) if they route none coherently, e.g. two objects disagree.
   */
  protected abstract int routedWeight(RoutingPlan plan);

  /**
   * {@code observed} after the adapter applied {@code plan}: by default each desired object
   * replaces the observed object of the same kind and name, or is added. Override when the router's
   * objects are changed by the cluster in ways that matter (defaults, controllers).
   */
  protected List<Manifest> applied(List<Manifest> observed, RoutingPlan plan) {
    List<Manifest> result = new ArrayList<>(observed);
    for (Manifest wanted : plan.desired()) {
      result.removeIf(o -> o.is(wanted.kind(), wanted.name()));
      result.add(wanted);
    }
    return result;
  }

  /** A header route any router declaring {@link RouterCapability#HEADER_ROUTES} must accept. */
  protected HeaderRoute simpleHeaderRoute() {
    return new HeaderRoute(
        "contract", List.of(new HeaderMatch("X-Canary", new StringMatch(MatchKind.EXACT, "yes"))));
  }

  @Test
  void hasANameToBeSelectedBy() {
    assertThat(router().name()).isNotBlank();
    assertThat(router().capabilities()).isNotNull();
  }

  @Test
  void givesEqualPlansForEqualRequests() {
    RoutingRequest request = validRequest();
    assertThat(router().plan(request)).isEqualTo(router().plan(request));
  }

  @Test
  void routesExactlyTheWeightAskedForEveryWeightFromZeroToTheTotal() {
    for (int weight : weights()) {
      RoutingPlan plan = router().plan(atWeight(weight));
      assertThat(plan.problems()).as("problems at weight %d", weight).isEmpty();
      assertThat(plan.desired()).as("objects at weight %d", weight).isNotEmpty();
      assertThat(routedWeight(plan)).as("weight routed when %d is asked", weight).isEqualTo(weight);
    }
  }

  @Test
  void routesNothingToTheCanaryAtWeightZero() {
    RoutingPlan atZero = router().plan(atWeight(0));
    assertThat(atZero.problems()).isEmpty();
    assertThat(routedWeight(atZero)).isZero();

    RoutingRequest fromFull =
        observing(atWeight(0), applied(validRequest().observed(), planAt(total())));
    assertThat(routedWeight(router().plan(fromFull))).as("back to 0 from the total").isZero();
  }

  @Test
  void reportsTheAppliedWeightAsObservedAndThenAsksForTheSameObjects() {
    for (int weight : weights()) {
      RoutingPlan first = router().plan(atWeight(weight));
      RoutingRequest again = observing(atWeight(weight), applied(validRequest().observed(), first));
      RoutingPlan second = router().plan(again);
      assertThat(second.problems()).as("problems on replanning weight %d", weight).isEmpty();
      assertThat(second.observedWeight())
          .as("observed weight after applying %d", weight)
          .contains(weight);
      assertThat(second.desired())
          .as("objects on replanning weight %d", weight)
          .isEqualTo(first.desired());
    }
  }

  @Test
  void movesFromOneAppliedWeightToTheNext() {
    int from = total() / 2;
    int to = total();
    RoutingRequest request =
        observing(atWeight(to), applied(validRequest().observed(), planAt(from)));
    RoutingPlan plan = router().plan(request);
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.observedWeight()).contains(from);
    assertThat(routedWeight(plan)).isEqualTo(to);
  }

  @Test
  void reportsMissingRoutingObjectsAsProblemsInsteadOfThrowing() {
    RoutingRequest bare = observing(validRequest(), List.of());
    assertThatCode(() -> router().plan(bare)).doesNotThrowAnyException();
    RoutingPlan plan = router().plan(bare);
    assertThat(plan.problems()).isNotEmpty();
    assertThat(plan.problems())
        .allSatisfy(
            p -> assertThat(List.of(p.kind(), p.name(), p.message())).allMatch(s -> !s.isBlank()));
    assertThat(plan.desired()).as("objects asked for despite problems").isEmpty();
    assertThat(plan.observedWeight()).isEmpty();
  }

  @Test
  void asksOnlyForObjectsInTheRolloutsNamespace() {
    RoutingRequest request = validRequest();
    assertThat(router().plan(request).desired())
        .allSatisfy(
            m ->
                assertThat(m.namespace().orElse(request.rolloutNamespace()))
                    .isEqualTo(request.rolloutNamespace()));
  }

  @Test
  void ignoresHeaderRoutesWhenItDoesNotDeclareThem() {
    Assumptions.assumeFalse(
        router().capabilities().contains(RouterCapability.HEADER_ROUTES),
        "the router declares HEADER_ROUTES");
    RoutingRequest request = validRequest();
    assertThat(router().plan(routing(request, simpleHeaderRoute())))
        .isEqualTo(router().plan(request));
  }

  @Test
  void keepsTheWeightWithAHeaderRouteAndLeavesNoTraceOnceItIsRemoved() {
    Assumptions.assumeTrue(
        router().capabilities().contains(RouterCapability.HEADER_ROUTES),
        "the router does not declare HEADER_ROUTES");
    int weight = total() / 2;
    RoutingRequest withRoute = routing(atWeight(weight), simpleHeaderRoute());
    RoutingPlan routed = router().plan(withRoute);
    assertThat(routed.problems()).isEmpty();
    assertThat(routedWeight(routed)).isEqualTo(weight);
    assertThat(routed.desired()).isNotEqualTo(planAt(weight).desired());

    List<Manifest> afterRoute = applied(validRequest().observed(), routed);
    assertThat(router().plan(observing(withRoute, afterRoute)).desired())
        .isEqualTo(routed.desired());
    assertThat(settled(observing(atWeight(weight), afterRoute)))
        .as("objects once the route is removed")
        .isEqualTo(settled(atWeight(weight)));
  }

  /** {@link #validRequest()} at {@code weight}. */
  protected final RoutingRequest atWeight(int weight) {
    return RoutingRequest.builder().from(validRequest()).weight(weight).build();
  }

  /** The total of {@link #validRequest()}. */
  protected final int total() {
    return validRequest().totalWeight();
  }

  private RoutingPlan planAt(int weight) {
    RoutingPlan plan = router().plan(atWeight(weight));
    assertThat(plan.problems()).as("problems at weight %d", weight).isEmpty();
    return plan;
  }

  /** The objects the router asks for once its previous answer is applied. */
  private List<Manifest> settled(RoutingRequest request) {
    RoutingPlan first = router().plan(request);
    return router().plan(observing(request, applied(request.observed(), first))).desired();
  }

  private int[] weights() {
    return IntStream.rangeClosed(0, total()).toArray();
  }

  /** {@code request} with {@code observed} as its routing objects. */
  protected static RoutingRequest observing(RoutingRequest request, List<Manifest> observed) {
    return RoutingRequest.builder().from(request).observed(observed).build();
  }

  /** {@code request} with {@code route} as its only header route. */
  protected static RoutingRequest routing(RoutingRequest request, HeaderRoute route) {
    return RoutingRequest.builder().from(request).headerRoutes(List.of(route)).build();
  }
}
