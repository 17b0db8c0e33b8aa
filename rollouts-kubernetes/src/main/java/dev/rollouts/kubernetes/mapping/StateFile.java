package dev.rollouts.kubernetes.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link ClusterState} from a file as {@code kubectl get -o yaml} prints it: a
 * multi-document YAML (or JSON) stream, each document an object or a {@code kind: List} of objects.
 *
 * <p>The file must hold exactly one {@code argoproj.io} Rollout; ReplicaSets ({@code apps/v1}),
 * Services ({@code v1}) and Ingresses ({@code networking.k8s.io/v1}) are kept; other kinds (Pods,
 * Events …) are skipped. Problems raise {@link ManifestException}: with no object for the file as a
 * whole ({@code not YAML: line 3, column 7: …}, {@code no Rollout}, {@code 2 Rollouts}), and naming
 * the object and field for an object that cannot be read ({@code ReplicaSet default/web-1:
 * spec.replicas: must be an integer, was "two"}).
 */
public final class StateFile {

  private static final YAMLMapper YAML = new YAMLMapper();

  private StateFile() {}

  /**
   * Reads {@code file}, UTF-8.
   *
   * @throws IOException if the file cannot be read
   * @throws ManifestException if its content cannot be read as a state
   */
  public static ClusterState read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a state from YAML or JSON text.
   *
   * @throws ManifestException if {@code text} cannot be read as a state
   */
  public static ClusterState parse(String text) {
    List<Map<String, Object>> objects = new ArrayList<>();
    documents(text).forEach(document -> flatten(document, objects));
    ClusterState.Builder state = ClusterState.builder();
    List<RolloutResource> rollouts = new ArrayList<>();
    for (Map<String, Object> object : objects) {
      String kind = String.valueOf(object.get("kind"));
      String apiVersion = String.valueOf(object.get("apiVersion"));
      String name = describe(kind, object);
      switch (kind) {
        case "Rollout" -> {
          if (apiVersion.startsWith(RolloutResource.GROUP + "/")) {
            rollouts.add(KubeJson.fromTree(object, RolloutResource.class, name));
          }
        }
        case "ReplicaSet" -> {
          if (apiVersion.equals("apps/v1")) {
            state.addReplicaSet(named(KubeJson.fromTree(object, ReplicaSet.class, name), name));
          }
        }
        case "Service" -> {
          if (apiVersion.equals("v1")) {
            state.addService(named(KubeJson.fromTree(object, Service.class, name), name));
          }
        }
        case "Ingress" -> {
          if (apiVersion.equals("networking.k8s.io/v1")) {
            state.addIngress(named(KubeJson.fromTree(object, Ingress.class, name), name));
          }
        }
        default -> {
          // other kinds do not take part in a decision
        }
      }
    }
    if (rollouts.size() != 1) {
      throw new ManifestException(
          "",
          "",
          rollouts.isEmpty()
              ? "no Rollout (argoproj.io/v1alpha1); a state file holds exactly one"
              : rollouts.size()
                  + " Rollouts ("
                  + String.join(", ", rollouts.stream().map(RolloutResource::key).toList())
                  + "); a state file holds exactly one");
    }
    return state.rollout(rollouts.get(0)).build();
  }

  private static List<Object> documents(String text) {
    List<Object> documents = new ArrayList<>();
    try (MappingIterator<Object> it = YAML.readerFor(Object.class).readValues(text)) {
      while (it.hasNextValue()) {
        Object document = it.nextValue();
        if (document != null) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      throw new ManifestException(
          "",
          "",
          "not YAML: "
              + where(e.getLocation())
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (IOException | RuntimeException e) {
      throw new ManifestException("", "", "not YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(Object document, List<Map<String, Object>> objects) {
    if (!(document instanceof Map<?, ?> map)) {
      throw new ManifestException(
          "", "", "a document is " + Node.describe(document) + ", not a Kubernetes object");
    }
    Map<String, Object> object = (Map<String, Object>) map;
    Object kind = object.get("kind");
    if (!(kind instanceof String k) || k.isEmpty()) {
      throw new ManifestException(
          "", "", "a document has no kind, so it is not a Kubernetes object");
    }
    if (k.endsWith("List") && object.get("items") instanceof List<?> items) {
      items.forEach(item -> flatten(item, objects));
    } else {
      objects.add(object);
    }
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T named(
      T object, String name) {
    if (object.getMetadata() == null || object.getMetadata().getName() == null) {
      throw new ManifestException(name, "metadata.name", "is required");
    }
    return object;
  }

  private static String describe(String kind, Map<String, Object> object) {
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String namespace = metadata.get("namespace") instanceof String s ? s : "default";
    String name = Optional.ofNullable(metadata.get("name")).map(String::valueOf).orElse("");
    return kind + " " + namespace + "/" + name;
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }
}
