package dev.rollouts.kubernetes.controller;

import java.util.List;

/**
 * The least Kubernetes API rights {@link RolloutController} needs, one RBAC rule per kind with what
 * it is for: what {@code manifests/} grants the standalone controller, and what a host operator
 * that embeds it must grant its own ServiceAccount. A test runs the controller and checks that
 * every request it made is covered.
 */
public final class ControllerPermissions {

  private ControllerPermissions() {}

  /**
   * One RBAC rule.
   *
   * @param apiGroup the API group ({@code ""} for the core group)
   * @param resources the resources (and subresources, {@code rollouts/status})
   * @param verbs the verbs
   * @param purpose what the controller does with them
   */
  public record Rule(String apiGroup, List<String> resources, List<String> verbs, String purpose) {

    /** A rule; the lists are copied. */
    public Rule {
      resources = List.copyOf(resources);
      verbs = List.copyOf(verbs);
    }

    /** Whether this rule allows {@code verb} on {@code resource} of {@code group}. */
    public boolean allows(String group, String resource, String verb) {
      return apiGroup.equals(group) && resources.contains(resource) && verbs.contains(verb);
    }
  }

  /**
   * The rules on the objects the controller manages, in the namespaces it watches: a ClusterRole
   * for a controller of every namespace, a Role for one of a single namespace.
   */
  public static List<Rule> managing() {
    return List.of(
        new Rule(
            "argoproj.io",
            List.of("rollouts"),
            List.of("get", "list", "watch", "patch"),
            "watch Rollouts; record the revision annotation"),
        new Rule(
            "argoproj.io",
            List.of("rollouts/status"),
            List.of("get", "patch"),
            "write each Rollout's status (phase, steps, pause conditions, stable/canary hashes)"),
        new Rule(
            "apps",
            List.of("replicasets"),
            List.of("get", "list", "watch", "create", "patch", "delete"),
            "create the new ReplicaSet, scale and label them, delete beyond revisionHistoryLimit"),
        new Rule(
            "",
            List.of("services"),
            List.of("get", "list", "watch", "patch"),
            "point the stable/canary and active/preview Services at a ReplicaSet's pods"),
        new Rule(
            "networking.k8s.io",
            List.of("ingresses"),
            List.of("get", "list", "watch", "create", "update"),
            "read the stable Ingress; create and weight the NGINX canary Ingress"),
        new Rule(
            "",
            List.of("pods"),
            List.of("list", "get", "patch"),
            "label running pods with canary/stable ephemeral metadata"),
        new Rule(
            "",
            List.of("events"),
            List.of("create", "patch"),
            "record Events on Rollouts (kubectl describe)"));
  }

  /** The rule on the leader-election Lease, in the lease's namespace only. */
  public static Rule leaderElection() {
    return new Rule(
        "coordination.k8s.io",
        List.of("leases"),
        List.of("get", "create", "update", "patch"),
        "leader election: hold and renew the Lease so only one replica acts");
  }
}
