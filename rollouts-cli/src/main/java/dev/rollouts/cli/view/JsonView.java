package dev.rollouts.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RolloutInfo} as one line of JSON, for tools: the fields of the summary and the tree,
 * with timestamps rather than ages, absent fields left out.
 *
 * <pre>{@code
 * {"kind":"Rollout","name":"demo","namespace":"default","status":"Paused","message":"CanaryPauseStep",
 *  "strategy":"Canary","step":"1/6","setWeight":20,"actualWeight":20,
 *  "images":[{"image":"argoproj/rollouts-demo:blue","tags":["stable"]},…],
 *  "replicas":{"desired":5,"current":6,"updated":1,"ready":6,"available":6},
 *  "revisions":[{"revision":2,"replicaSets":[{"name":"demo-5b6cd6b7c7","status":"Healthy",
 *    "tags":["canary"],"replicas":1,"available":1,"created":"…",
 *    "pods":[{"name":"demo-5b6cd6b7c7-dxb2l","status":"Running","ready":"1/1","restarts":0,"created":"…"}]}]},…]}
 * }</pre>
 */
public final class JsonView {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonView() {}

  /** {@code info} as one line of JSON. */
  public static String render(RolloutInfo info) {
    return write(toMap(info));
  }

  /** A JSON object of one line. */
  public static String write(Map<String, ?> object) {
    try {
      return JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a map of strings, numbers, lists and maps is always JSON", e);
    }
  }

  /** {@code info} as a JSON object: maps, lists, strings and numbers. */
  public static Map<String, Object> toMap(RolloutInfo info) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", "Rollout");
    out.put("name", info.name());
    out.put("namespace", info.namespace());
    put(out, "created", info.created());
    out.put("status", info.phase().phase());
    out.put("message", info.phase().message());
    out.put("strategy", info.strategy());
    put(out, "step", info.step());
    put(out, "setWeight", info.setWeight());
    put(out, "actualWeight", info.actualWeight());
    out.put(
        "images",
        info.images().stream().map(i -> ordered("image", i.image(), "tags", i.tags())).toList());
    Map<String, Object> replicas = new LinkedHashMap<>();
    replicas.put("desired", info.desired());
    replicas.put("current", info.current());
    replicas.put("updated", info.updated());
    replicas.put("ready", info.ready());
    replicas.put("available", info.available());
    out.put("replicas", replicas);
    out.put("revisions", info.revisions().stream().map(r -> revision(info, r)).toList());
    return out;
  }

  private static Map<String, Object> revision(RolloutInfo info, int revision) {
    List<Map<String, Object>> sets =
        info.replicaSets().stream()
            .filter(rs -> rs.revision() == revision)
            .map(JsonView::replicaSet)
            .toList();
    return ordered("revision", revision, "replicaSets", sets);
  }

  private static Map<String, Object> replicaSet(ReplicaSetInfo rs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", rs.name());
    out.put("status", rs.status());
    out.put("tags", rs.tags());
    out.put("replicas", rs.replicas());
    out.put("available", rs.available());
    put(out, "scaleDownDeadline", rs.scaleDownDeadline());
    put(out, "created", rs.created());
    out.put("images", rs.images());
    out.put("pods", rs.pods().stream().map(JsonView::pod).toList());
    return out;
  }

  private static Map<String, Object> pod(PodInfo pod) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", pod.name());
    out.put("status", pod.status());
    out.put("ready", pod.ready());
    out.put("restarts", pod.restarts());
    put(out, "created", pod.created());
    return out;
  }

  private static Map<String, Object> ordered(
      String key1, Object value1, String key2, Object value2) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key1, value1);
    out.put(key2, value2);
    return out;
  }

  private static void put(Map<String, Object> out, String key, Optional<?> value) {
    value.ifPresent(v -> out.put(key, v instanceof Instant i ? i.toString() : v));
  }
}
