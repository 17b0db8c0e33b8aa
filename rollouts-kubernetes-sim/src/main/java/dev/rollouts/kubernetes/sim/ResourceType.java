package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One kind of object the simulated API server serves: where it lives in the URL space, what
 * discovery says of it, and which subresources and printer columns it has.
 *
 * @param group the API group, empty for the core group
 * @param version the version served
 * @param kind the kind
 * @param plural the resource name in URLs
 * @param singular the singular name
 * @param namespaced whether objects live in a namespace
 * @param shortNames what {@code kubectl get} accepts besides the plural
 * @param categories the categories ({@code all})
 * @param status whether it has a status subresource
 * @param scale the scale subresource's paths, when it has one
 * @param columns the printer columns of its server-side Table (NAME is implicit)
 * @param schema its OpenAPI v3 schema, when one is known
 */
record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean status,
    Optional<Scale> scale,
    List<Column> columns,
    Optional<JsonNode> schema) {

  /** The verbs every simulated resource supports. */
  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /**
   * The scale subresource's JSON paths.
   *
   * @param specReplicasPath where the desired replicas are
   * @param statusReplicasPath where the current replicas are
   * @param labelSelectorPath where the selector string is, empty when absent
   */
  record Scale(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {}

  /**
   * A printer column.
   *
   * @param name its header
   * @param type {@code string}, {@code integer}, {@code date} …
   * @param jsonPath a simple {@code .a.b} path into the object, or a computed column's name
   * @param priority 0 for always, 1 for {@code -o wide}
   */
  record Column(String name, String type, String jsonPath, int priority) {}

  /** {@code group/version}, or {@code version} for the core group. */
  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The URL prefix of its group version: {@code /api/v1} or {@code /apis/GROUP/VERSION}. */
  String prefix() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** {@code plural.group}, the CRD's name for a custom resource. */
  String qualifiedName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** Whether metadata.generation counts changes to everything but metadata and status. */
  boolean hasGeneration() {
    return !List.of("Pod", "Endpoints", "Event", "Namespace", "ConfigMap", "Secret").contains(kind);
  }
}
