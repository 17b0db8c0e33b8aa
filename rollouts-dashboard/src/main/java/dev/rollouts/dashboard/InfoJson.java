package dev.rollouts.dashboard;

import dev.rollouts.cli.view.PodInfo;
import dev.rollouts.cli.view.ReplicaSetInfo;
import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.RolloutInfos;
import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.cli.view.Tree;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Rollout as Argo's dashboard API sends it ({@code RolloutInfo} of {@code
 * pkg/apiclient/rollout/rollout.proto}), built from the CLI's model ({@link RolloutInfos#of}) and
 * the objects it was computed from.
 *
 * <p>Go's {@code encoding/json} with {@code omitempty}: zeros, {@code false}, empty strings and
 * empty lists are left out. {@code setWeight}, {@code actualWeight} and {@code generation} are
 * strings, as in the proto; {@code revision} is a number. The list ({@code full = false}) carries
 * the ReplicaSets and their pods but no steps, init containers or AnalysisRuns, as Argo's {@code
 * ListRolloutInfos}.
 *
 * <pre>{@code
 * {"objectMeta":{"name":"demo","namespace":"default",…},"status":"Paused","message":"CanaryPauseStep",
 *  "icon":"॥","strategy":"Canary","step":"1/8","setWeight":"20","actualWeight":"20","ready":5,…,
 *  "replicaSets":[{"objectMeta":{"name":"demo-5b6cd6b7c7",…},"status":"Healthy","icon":"✔",
 *    "revision":2,"canary":true,"replicas":1,"available":1,"template":"5b6cd6b7c7",
 *    "images":["argoproj/rollouts-demo:yellow"],"pods":[{"objectMeta":{…},"status":"Running",
 *    "icon":"✔","ready":"1/1"}]},…],"containers":[{"name":"demo","image":"…:yellow"}],"steps":[…]}
 * }</pre>
 */
final class InfoJson {

  private InfoJson() {}

  /** The info of {@code snapshot}; with {@code full}, also its steps and AnalysisRuns. */
  static Map<String, Object> of(
      RolloutSnapshot snapshot, List<GenericKubernetesResource> analysisRuns, boolean full) {
    RolloutInfo info = RolloutInfos.of(snapshot);
    RolloutResource rollout = snapshot.rollout();
    Map<String, Object> spec = rollout.getSpec();
    Map<String, Object> status = rollout.getStatus();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("objectMeta", objectMeta(rollout));
    put(out, "status", info.phase().phase());
    put(out, "message", info.phase().message());
    put(out, "icon", info.icon());
    put(out, "strategy", info.strategy());
    put(out, "step", info.step().orElse(""));
    put(out, "setWeight", info.setWeight().map(String::valueOf).orElse(""));
    put(out, "actualWeight", info.actualWeight().map(String::valueOf).orElse(""));
    put(out, "ready", info.ready());
    put(out, "current", info.current());
    put(out, "desired", info.desired());
    put(out, "updated", info.updated());
    put(out, "available", info.available());
    put(out, "restartedAt", Tree.string(status, "restartedAt").orElse("Never"));
    put(out, "generation", Tree.at(status, "observedGeneration").map(String::valueOf).orElse(""));
    put(out, "replicaSets", replicaSets(info, snapshot));
    put(out, "containers", containers(spec, "containers"));
    if (full) {
      put(out, "initContainers", containers(spec, "initContainers"));
      put(out, "steps", Tree.list(spec, "strategy", "canary", "steps"));
      put(
          out,
          "analysisRuns",
          analysisRuns.stream()
              .filter(run -> controlledBy(run, rollout))
              .map(AnalysisRunJson::of)
              .sorted(AnalysisRunJson.NEWEST_FIRST)
              .toList());
    }
    return out;
  }

  private static List<Map<String, Object>> replicaSets(RolloutInfo info, RolloutSnapshot snapshot) {
    Map<String, ReplicaSet> byName = byName(snapshot.replicaSets());
    Map<String, Pod> pods = byName(snapshot.pods());
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReplicaSetInfo rs : info.replicaSets()) {
      ReplicaSet object = byName.get(rs.name());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("objectMeta", objectMeta(object));
      put(json, "status", rs.status());
      put(json, "icon", rs.icon());
      put(json, "revision", rs.revision());
      for (String role : List.of("stable", "canary", "active", "preview")) {
        put(json, role, rs.tags().contains(role));
      }
      put(json, "replicas", rs.replicas());
      put(json, "available", rs.available());
      put(
          json,
          "template",
          Optional.ofNullable(object.getMetadata().getLabels())
              .map(l -> l.get(Annotations.POD_TEMPLATE_HASH_LABEL))
              .orElse(""));
      put(json, "scaleDownDeadline", rs.scaleDownDeadline().map(Object::toString).orElse(""));
      put(json, "images", rs.images());
      put(json, "pods", rs.pods().stream().map(p -> pod(p, pods.get(p.name()))).toList());
      out.add(json);
    }
    return out;
  }

  private static Map<String, Object> pod(PodInfo pod, Pod object) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("objectMeta", objectMeta(object));
    put(json, "status", pod.status());
    put(json, "icon", pod.icon());
    put(json, "ready", pod.ready());
    put(json, "restarts", pod.restarts());
    return json;
  }

  /** The fields of {@code metadata} the dashboard shows; empty ones left out. */
  static Map<String, Object> objectMeta(HasMetadata object) {
    ObjectMeta meta = Optional.ofNullable(object.getMetadata()).orElseGet(ObjectMeta::new);
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "name", meta.getName());
    put(out, "namespace", meta.getNamespace());
    put(out, "uid", meta.getUid());
    put(out, "resourceVersion", meta.getResourceVersion());
    put(out, "generation", meta.getGeneration() == null ? 0 : meta.getGeneration());
    put(out, "creationTimestamp", meta.getCreationTimestamp());
    put(out, "labels", meta.getLabels());
    put(out, "annotations", meta.getAnnotations());
    return out;
  }

  private static List<Map<String, Object>> containers(Map<String, Object> spec, String kind) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object container : Tree.list(spec, "template", "spec", kind)) {
      Map<String, Object> json = new LinkedHashMap<>();
      put(json, "name", Tree.string(container, "name").orElse(""));
      put(json, "image", Tree.string(container, "image").orElse(""));
      out.add(json);
    }
    return out;
  }

  /** Whether {@code object}'s controller reference names {@code owner}'s uid. */
  static boolean controlledBy(HasMetadata object, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    return uid != null
        && object.getMetadata().getOwnerReferences().stream()
            .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && uid.equals(r.getUid()));
  }

  private static <T extends HasMetadata> Map<String, T> byName(List<T> objects) {
    return objects.stream()
        .collect(
            Collectors.toMap(
                o -> Objects.toString(o.getMetadata().getName(), ""),
                Function.identity(),
                (a, b) -> a));
  }

  /** Puts {@code value} unless Go's {@code omitempty} would leave it out. */
  static void put(Map<String, Object> out, String key, Object value) {
    boolean empty =
        value == null
            || value instanceof String s && s.isEmpty()
            || value instanceof Boolean b && !b
            || value instanceof Number n && n.doubleValue() == 0
            || value instanceof List<?> l && l.isEmpty()
            || value instanceof Map<?, ?> m && m.isEmpty();
    if (!empty) {
      out.put(key, value);
    }
  }
}
