package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollouts.kubernetes.sim.ResourceType.Column;
import dev.rollouts.kubernetes.sim.ResourceType.Scale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource types served, by group version: the built-in ones, and those of every established
 * CustomResourceDefinition, added when the CRD is created and removed when it is deleted.
 */
final class Registry {

  private final Map<String, ResourceType> byPath = new ConcurrentHashMap<>();
  private final Map<String, ResourceType> byKind = new ConcurrentHashMap<>();
  private final Map<String, List<ResourceType>> fromCrd = new ConcurrentHashMap<>();

  Registry() {
    BuiltInTypes.all().forEach(this::add);
  }

  private void add(ResourceType t) {
    byPath.put(t.apiVersion() + "/" + t.plural(), t);
    byKind.putIfAbsent(t.apiVersion() + "/" + t.kind(), t);
  }

  /** The type at {@code /api(s)/GROUP_VERSION/PLURAL}. */
  Optional<ResourceType> find(String apiVersion, String plural) {
    return Optional.ofNullable(byPath.get(apiVersion + "/" + plural));
  }

  /** The type of objects with this apiVersion and kind. */
  Optional<ResourceType> byKind(String apiVersion, String kind) {
    return Optional.ofNullable(byKind.get(apiVersion + "/" + kind));
  }

  /** Every type, in a stable order. */
  List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(byPath.values());
    all.sort(
        java.util.Comparator.comparing(ResourceType::group)
            .thenComparing(ResourceType::version)
            .thenComparing(ResourceType::plural));
    return all;
  }

  /** The group versions served, core ({@code v1}) first. */
  Map<String, Set<String>> groups() {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (ResourceType t : all()) {
      groups.computeIfAbsent(t.group(), g -> new LinkedHashSet<>()).add(t.version());
    }
    return groups;
  }

  List<ResourceType> inGroupVersion(String apiVersion) {
    return all().stream().filter(t -> t.apiVersion().equals(apiVersion)).toList();
  }

  /** Serves the kinds a CRD defines. */
  void register(JsonNode crd) {
    unregister(crd);
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode v : spec.path("versions")) {
      if (!v.path("served").asBoolean(true)) {
        continue;
      }
      List<Column> columns = new ArrayList<>();
      boolean age = false;
      for (JsonNode c : v.path("additionalPrinterColumns")) {
        columns.add(
            new Column(
                c.path("name").asText(),
                c.path("type").asText("string"),
                c.path("jsonPath").asText(),
                c.path("priority").asInt(0)));
        age |= c.path("jsonPath").asText().equals(".metadata.creationTimestamp");
      }
      if (!age) {
        columns.add(new Column("Age", "date", ".metadata.creationTimestamp", 0));
      }
      JsonNode scale = v.path("subresources").path("scale");
      List<String> categories = new ArrayList<>();
      names.path("categories").forEach(c -> categories.add(c.asText()));
      List<String> shortNames = new ArrayList<>();
      names.path("shortNames").forEach(c -> shortNames.add(c.asText()));
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      types.add(
          new ResourceType(
              spec.path("group").asText(),
              v.path("name").asText(),
              names.path("kind").asText(),
              names.path("plural").asText(),
              names.path("singular").asText(names.path("kind").asText().toLowerCase()),
              !"Cluster".equals(spec.path("scope").asText()),
              List.copyOf(shortNames),
              List.copyOf(categories),
              v.path("subresources").has("status"),
              scale.isMissingNode()
                  ? Optional.empty()
                  : Optional.of(
                      new Scale(
                          scale.path("specReplicasPath").asText(),
                          scale.path("statusReplicasPath").asText(),
                          scale.path("labelSelectorPath").asText(""))),
              List.copyOf(columns),
              schema.isMissingNode() ? Optional.empty() : Optional.of(schema)));
    }
    types.forEach(this::add);
    fromCrd.put(crd.path("metadata").path("name").asText(), types);
  }

  /** Stops serving the kinds of a deleted CRD. */
  void unregister(JsonNode crd) {
    List<ResourceType> old = fromCrd.remove(crd.path("metadata").path("name").asText());
    if (old != null) {
      for (ResourceType t : old) {
        byPath.remove(t.apiVersion() + "/" + t.plural());
        byKind.remove(t.apiVersion() + "/" + t.kind(), t);
      }
    }
  }
}
