package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.CANARY_SERVICE;
import static dev.rollouts.traffic.nginx.Fixtures.STABLE_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.STABLE_SERVICE;
import static dev.rollouts.traffic.nginx.Fixtures.cast;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.Trees;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any stable Ingress and weight, what the canary Ingress routes. */
class CanaryIngressProperties {

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  /** A request for {@code stable} at some weight out of 100, 1000 or 10000. */
  record Case(Manifest stable, Optional<Integer> maxTrafficWeight, int weight) {
    RoutingRequest request(Manifest... moreObserved) {
      List<Manifest> observed = new ArrayList<>(List.of(stable));
      observed.addAll(List.of(moreObserved));
      return RoutingRequest.builder()
          .from(Fixtures.request(weight))
          .maxTrafficWeight(maxTrafficWeight)
          .observed(observed)
          .build();
    }
  }

  @Property
  void routesOnlyToTheCanaryService(@ForAll("cases") Case c) {
    RoutingPlan plan = router.plan(c.request());

    if (stablePaths(c.stable()).isEmpty()) {
      assertThat(plan.desired()).isEmpty();
      assertThat(plan.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.name()).isEqualTo(STABLE_INGRESS);
                assertThat(p.message()).contains(STABLE_SERVICE, CANARY_SERVICE);
              });
    } else {
      assertThat(Fixtures.backendServices(Fixtures.onlyDesired(plan))).containsOnly(CANARY_SERVICE);
    }
  }

  @Property
  void keepsEveryHostAndPathThatNamedTheStableServiceAndNoOther(@ForAll("cases") Case c) {
    List<List<Object>> wanted = stablePaths(c.stable());
    RoutingPlan plan = router.plan(c.request());

    List<List<Object>> routed =
        plan.desired().isEmpty() ? List.of() : paths(Fixtures.onlyDesired(plan), CANARY_SERVICE);
    assertThat(routed).isEqualTo(wanted);
  }

  @Property
  void carriesTheWeightAskedBetweenZeroAndTheTotal(@ForAll("cases") Case c) {
    RoutingPlan plan = router.plan(c.request());
    if (!plan.problems().isEmpty()) {
      return;
    }
    Map<String, String> annotations = Fixtures.onlyDesired(plan).annotations();
    int weight = Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/canary-weight"));
    int total = c.maxTrafficWeight().orElse(100);

    assertThat(weight).isEqualTo(c.weight()).isBetween(0, total);
    assertThat(
            Optional.ofNullable(annotations.get("nginx.ingress.kubernetes.io/canary-weight-total")))
        .isEqualTo(c.maxTrafficWeight().map(String::valueOf));
  }

  @Property
  void asksForTheSameIngressOnceItIsAppliedEvenWithOthersAnnotationsOnIt(
      @ForAll("cases") Case c, @ForAll("foreignAnnotations") Map<String, String> foreign) {
    RoutingPlan first = router.plan(c.request());
    if (!first.problems().isEmpty()) {
      return;
    }
    Manifest applied = Fixtures.onlyDesired(first);
    for (Map.Entry<String, String> e : foreign.entrySet()) {
      applied = Fixtures.annotated(applied, e.getKey(), e.getValue());
    }
    RoutingPlan second = router.plan(c.request(applied));
    RoutingPlan third = router.plan(c.request(Fixtures.onlyDesired(second)));

    assertThat(second.observedWeight()).contains(c.weight());
    assertThat(Fixtures.onlyDesired(second).annotations()).containsAllEntriesOf(foreign);
    assertThat(third.desired()).isEqualTo(second.desired());
  }

  /**
   * (host, path, pathType, port) of every path of {@code stable} that routes to the stable Service.
   */
  private static List<List<Object>> stablePaths(Manifest stable) {
    return paths(stable, STABLE_SERVICE);
  }

  private static List<List<Object>> paths(Manifest ingress, String service) {
    List<List<Object>> result = new ArrayList<>();
    for (Object rule : Trees.list(Fixtures.specOf(ingress), "rules")) {
      Map<String, Object> http = Trees.map(cast(rule), "http").orElse(Map.of());
      for (Object p : Trees.list(http, "paths")) {
        Map<String, Object> path = cast(p);
        if (CanaryIngressBuilder.serviceName(path).filter(service::equals).isPresent()) {
          Object port =
              Trees.map(cast(Trees.map(path, "backend").orElseThrow()), "service")
                  .orElseThrow()
                  .get("port");
          result.add(
              List.of(
                  cast(rule).getOrDefault("host", "*"),
                  path.get("path"),
                  path.get("pathType"),
                  port));
        }
      }
    }
    return result;
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Optional<Integer>> totals =
        Arbitraries.of(Optional.empty(), Optional.of(1000), Optional.of(10000));
    return Combinators.combine(stableIngresses(), totals, Arbitraries.integers().between(0, 10000))
        .as((stable, total, w) -> new Case(stable, total, w % (total.orElse(100) + 1)));
  }

  @Provide
  Arbitrary<Map<String, String>> foreignAnnotations() {
    return Arbitraries.maps(
            Arbitraries.of(
                "external-dns.alpha.kubernetes.io/hostname",
                "example.com/team",
                "argocd.argoproj.io/sync"),
            Arbitraries.strings().alpha().ofMaxLength(5))
        .ofMaxSize(3);
  }

  private Arbitrary<Manifest> stableIngresses() {
    Arbitrary<List<Object>> rules = rule().list().ofMaxSize(4);
    Arbitrary<Optional<String>> className = Arbitraries.of("nginx", "internal").optional();
    Arbitrary<Boolean> tls = Arbitraries.of(true, false);
    return Combinators.combine(rules, className, tls)
        .as(
            (r, cls, withTls) -> {
              Map<String, Object> spec = new LinkedHashMap<>();
              cls.ifPresent(c -> spec.put("ingressClassName", c));
              if (withTls) {
                spec.put(
                    "tls", List.of(Map.of("hosts", List.of("a.example.com"), "secretName", "tls")));
              }
              spec.put("rules", r);
              return Fixtures.ingress(STABLE_INGRESS, Map.of(), spec);
            });
  }

  private Arbitrary<Object> rule() {
    Arbitrary<Optional<String>> host =
        Arbitraries.of("a.example.com", "b.example.com", "*.example.com").optional();
    Arbitrary<Optional<List<Object>>> paths = path().list().ofMaxSize(4).optional(0.9);
    return Combinators.combine(host, paths)
        .as(
            (h, p) -> {
              Map<String, Object> rule = new LinkedHashMap<>();
              h.ifPresent(v -> rule.put("host", v));
              p.ifPresent(v -> rule.put("http", Map.of("paths", v)));
              return rule;
            });
  }

  private Arbitrary<Object> path() {
    Arbitrary<String> paths = Arbitraries.of("/", "/api", "/v2", "/static/x");
    Arbitrary<String> types = Arbitraries.of("Prefix", "Exact", "ImplementationSpecific");
    Arbitrary<Map<String, Object>> backends =
        Arbitraries.oneOf(
            Combinators.combine(
                    Arbitraries.of(STABLE_SERVICE, "other", "admin", CANARY_SERVICE),
                    Arbitraries.of(
                        Map.<String, Object>of("number", 80),
                        Map.<String, Object>of("name", "http")))
                .as((name, port) -> Map.of("service", Map.of("name", name, "port", port))),
            Arbitraries.just(
                Map.of(
                    "resource",
                    Map.of("apiGroup", "k8s.example.com", "kind", "Bucket", "name", "b"))));
    return Combinators.combine(paths, types, backends)
        .as((p, t, b) -> Map.of("path", p, "pathType", t, "backend", b));
  }
}
