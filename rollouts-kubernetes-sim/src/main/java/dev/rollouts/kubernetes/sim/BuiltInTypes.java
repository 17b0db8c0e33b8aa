package dev.rollouts.kubernetes.sim;

import dev.rollouts.kubernetes.sim.ResourceType.Column;
import dev.rollouts.kubernetes.sim.ResourceType.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in kinds the simulated API server serves, with kubectl's short names, categories and
 * printer columns as a real API server reports them. A column whose path starts with {@code #} is
 * computed (see {@link Tables}).
 */
final class BuiltInTypes {

  private BuiltInTypes() {}

  private static final Column AGE = new Column("Age", "date", ".metadata.creationTimestamp", 0);

  static List<ResourceType> all() {
    List<ResourceType> types = new ArrayList<>();
    types.add(
        core(
            "Pod",
            "pods",
            true,
            List.of("po"),
            true,
            List.of(
                new Column("Ready", "string", "#podReady", 0),
                new Column("Status", "string", "#podStatus", 0),
                new Column("Restarts", "string", "#podRestarts", 0),
                AGE,
                new Column("IP", "string", ".status.podIP", 1),
                new Column("Node", "string", ".spec.nodeName", 1),
                new Column("Nominated Node", "string", ".status.nominatedNodeName", 1),
                new Column("Readiness Gates", "string", "#none", 1))));
    types.add(
        core(
            "Service",
            "services",
            true,
            List.of("svc"),
            true,
            List.of(
                new Column("Type", "string", ".spec.type", 0),
                new Column("Cluster-IP", "string", ".spec.clusterIP", 0),
                new Column("External-IP", "string", "#externalIP", 0),
                new Column("Port(s)", "string", "#servicePorts", 0),
                AGE,
                new Column("Selector", "string", "#selector", 1))));
    types.add(
        core(
            "Endpoints",
            "endpoints",
            true,
            List.of("ep"),
            false,
            List.of(new Column("Endpoints", "string", "#endpoints", 0), AGE)));
    types.add(
        new ResourceType(
            "",
            "v1",
            "Namespace",
            "namespaces",
            "namespace",
            false,
            List.of("ns"),
            List.of(),
            true,
            Optional.empty(),
            List.of(new Column("Status", "string", ".status.phase", 0), AGE),
            Optional.empty()));
    types.add(core("ServiceAccount", "serviceaccounts", true, List.of("sa"), false, List.of(AGE)));
    types.add(
        core(
            "ConfigMap",
            "configmaps",
            true,
            List.of("cm"),
            false,
            List.of(new Column("Data", "integer", "#dataCount", 0), AGE)));
    types.add(
        core(
            "Secret",
            "secrets",
            true,
            List.of(),
            false,
            List.of(
                new Column("Type", "string", ".type", 0),
                new Column("Data", "integer", "#dataCount", 0),
                AGE)));
    types.add(
        core(
            "Event",
            "events",
            true,
            List.of("ev"),
            false,
            List.of(
                new Column("Last Seen", "date", ".lastTimestamp", 0),
                new Column("Type", "string", ".type", 0),
                new Column("Reason", "string", ".reason", 0),
                new Column("Object", "string", "#involvedObject", 0),
                new Column("Message", "string", ".message", 0))));
    types.add(
        new ResourceType(
            "",
            "v1",
            "Node",
            "nodes",
            "node",
            false,
            List.of("no"),
            List.of(),
            true,
            Optional.empty(),
            List.of(new Column("Status", "string", "#nodeStatus", 0), AGE),
            Optional.empty()));
    types.add(
        apps(
            "ReplicaSet",
            "replicasets",
            List.of("rs"),
            List.of(
                new Column("Desired", "integer", ".spec.replicas", 0),
                new Column("Current", "integer", ".status.replicas", 0),
                new Column("Ready", "integer", ".status.readyReplicas", 0),
                AGE,
                new Column("Containers", "string", "#containers", 1),
                new Column("Images", "string", "#images", 1),
                new Column("Selector", "string", "#labelSelector", 1))));
    types.add(
        apps(
            "Deployment",
            "deployments",
            List.of("deploy"),
            List.of(
                new Column("Ready", "string", "#deploymentReady", 0),
                new Column("Up-to-date", "integer", ".status.updatedReplicas", 0),
                new Column("Available", "integer", ".status.availableReplicas", 0),
                AGE,
                new Column("Containers", "string", "#containers", 1),
                new Column("Images", "string", "#images", 1),
                new Column("Selector", "string", "#labelSelector", 1))));
    types.add(
        grouped(
            "batch",
            "Job",
            "jobs",
            List.of(),
            List.of("all"),
            true,
            List.of(
                new Column("Status", "string", "#jobStatus", 0),
                new Column("Completions", "string", "#jobCompletions", 0),
                new Column("Duration", "string", "#jobDuration", 0),
                AGE)));
    types.add(
        grouped(
            "discovery.k8s.io",
            "EndpointSlice",
            "endpointslices",
            List.of(),
            List.of(),
            false,
            List.of(
                new Column("AddressType", "string", ".addressType", 0),
                new Column("Ports", "string", "#slicePorts", 0),
                new Column("Endpoints", "string", "#sliceEndpoints", 0),
                AGE)));
    types.add(
        grouped(
            "networking.k8s.io",
            "Ingress",
            "ingresses",
            List.of("ing"),
            List.of(),
            true,
            List.of(
                new Column("Class", "string", ".spec.ingressClassName", 0),
                new Column("Hosts", "string", "#ingressHosts", 0),
                AGE)));
    types.add(
        grouped(
            "coordination.k8s.io",
            "Lease",
            "leases",
            List.of(),
            List.of(),
            false,
            List.of(new Column("Holder", "string", ".spec.holderIdentity", 0), AGE)));
    types.add(
        grouped("events.k8s.io", "Event", "events", List.of("ev"), List.of(), false, List.of(AGE)));
    types.add(
        new ResourceType(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "customresourcedefinition",
            false,
            List.of("crd", "crds"),
            List.of("api-extensions"),
            true,
            Optional.empty(),
            List.of(new Column("Created At", "string", ".metadata.creationTimestamp", 0)),
            Optional.empty()));
    return types;
  }

  private static ResourceType core(
      String kind,
      String plural,
      boolean inAll,
      List<String> shortNames,
      boolean status,
      List<Column> columns) {
    return new ResourceType(
        "",
        "v1",
        kind,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        true,
        shortNames,
        inAll ? List.of("all") : List.of(),
        status,
        Optional.empty(),
        columns,
        Optional.empty());
  }

  private static ResourceType apps(
      String kind, String plural, List<String> shortNames, List<Column> columns) {
    return new ResourceType(
        "apps",
        "v1",
        kind,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        true,
        shortNames,
        List.of("all"),
        true,
        Optional.of(new Scale(".spec.replicas", ".status.replicas", ".status.selector")),
        columns,
        Optional.empty());
  }

  private static ResourceType grouped(
      String group,
      String kind,
      String plural,
      List<String> shortNames,
      List<String> categories,
      boolean status,
      List<Column> columns) {
    return new ResourceType(
        group,
        "v1",
        kind,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        true,
        shortNames,
        categories,
        status,
        Optional.empty(),
        columns,
        Optional.empty());
  }
}
