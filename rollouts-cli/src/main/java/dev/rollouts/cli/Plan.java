package dev.rollouts.cli;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.kubernetes.mapping.ClusterState;
import dev.rollouts.kubernetes.mapping.StatusMapper;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON object {@code rollouts plan} prints for one state file: a {@link Decision} in the terms
 * of the objects it would change.
 *
 * <ul>
 *   <li>{@code replicaSets}: every ReplicaSet of the file, by name, with the {@code spec.replicas}
 *       the decision wants: its update's, 0 for one it deletes (Argo deletes only ReplicaSets
 *       already at zero), and its current count for one the decision leaves alone (an invalid
 *       Rollout, a ReplicaSet of another owner); then the ReplicaSet it would create, if any.
 *   <li>{@code status}: the new status, as {@link StatusMapper#toMap} writes it.
 *   <li>{@code services}: each Service whose selector the decision sets, with that whole selector.
 *   <li>{@code ingresses}: every routing object the decision wants, whole.
 *   <li>{@code requeueAfterSeconds}: when to decide again though nothing changed, or {@code null}.
 * </ul>
 */
final class Plan {

  private Plan() {}

  static Map<String, Object> of(ClusterState state, Decision decision) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("replicaSets", replicaSets(state, decision));
    plan.put("status", StatusMapper.toMap(decision.status()));
    Map<String, Object> services = new LinkedHashMap<>();
    decision
        .serviceSelectors()
        .forEach((name, selector) -> services.put(name, Map.of("selector", selector)));
    plan.put("services", services);
    plan.put("ingresses", decision.routingObjects().stream().map(Manifest::content).toList());
    plan.put("requeueAfterSeconds", decision.requeueAfter().map(Plan::seconds).orElse(null));
    return plan;
  }

  private static Map<String, Integer> replicaSets(ClusterState state, Decision decision) {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (ReplicaSet rs : state.replicaSets()) {
      String name = rs.getMetadata().getName();
      int desired =
          decision
              .replicaSet(name)
              .map(ReplicaSetUpdate::replicas)
              .orElseGet(() -> decision.deleteReplicaSets().contains(name) ? 0 : current(rs));
      replicas.put(name, desired);
    }
    decision
        .createReplicaSet()
        .ifPresent(created -> replicas.put(created.name(), created.replicas()));
    return replicas;
  }

  private static int current(ReplicaSet rs) {
    return Optional.ofNullable(rs.getSpec()).map(spec -> spec.getReplicas()).orElse(1);
  }

  /** Whole seconds as an integer, else seconds with their fraction. */
  private static Number seconds(Duration duration) {
    if (duration.getNano() == 0) {
      return duration.getSeconds();
    }
    return BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros();
  }
}
