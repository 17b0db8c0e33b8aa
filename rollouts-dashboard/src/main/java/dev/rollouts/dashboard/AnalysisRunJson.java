package dev.rollouts.dashboard;

import dev.rollouts.cli.view.Tree;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AnalysisRun}, read as a generic custom resource, as Argo's dashboard API sends it
 * ({@code AnalysisRunInfo}): its phase and icon, the revision it belongs to, the measurement counts
 * summed over its metrics, each metric's results ({@code metrics}) and the run's spec and status
 * ({@code specAndStatus}) for the detail panel.
 *
 * <pre>{@code
 * {"objectMeta":{"name":"demo-7b9f-2-1",…},"icon":"✔","revision":2,"status":"Successful",
 *  "successful":3,"metrics":[{"name":"success-rate","phase":"Successful","successful":3,
 *  "measurements":[{"phase":"Successful","value":"0.99","startedAt":"…","finishedAt":"…"}]}],
 *  "specAndStatus":{"spec":{…},"status":{…}}}
 * }</pre>
 */
final class AnalysisRunJson {

  /** Newest revision first, then by name. */
  static final Comparator<Map<String, Object>> NEWEST_FIRST =
      Comparator.<Map<String, Object>>comparingLong(
              m -> m.get("revision") instanceof Number n ? n.longValue() : 0L)
          .reversed()
          .thenComparing(m -> String.valueOf(((Map<?, ?>) m.get("objectMeta")).get("name")));

  private AnalysisRunJson() {}

  static Map<String, Object> of(GenericKubernetesResource run) {
    Map<String, Object> spec = tree(run, "spec");
    Map<String, Object> status = tree(run, "status");
    String phase = Tree.string(status, "phase").orElse("Pending");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("objectMeta", InfoJson.objectMeta(run));
    InfoJson.put(out, "icon", icon(phase));
    InfoJson.put(out, "revision", revision(run));
    InfoJson.put(out, "status", phase);
    InfoJson.put(out, "message", Tree.string(status, "message").orElse(""));
    List<Map<String, Object>> metrics = new ArrayList<>();
    int[] counts = new int[4];
    for (Object result : Tree.list(status, "metricResults")) {
      Map<String, Object> metric = new LinkedHashMap<>();
      InfoJson.put(metric, "name", Tree.string(result, "name").orElse(""));
      InfoJson.put(metric, "phase", Tree.string(result, "phase").orElse(""));
      String[] fields = {"successful", "failed", "inconclusive", "error"};
      for (int i = 0; i < fields.length; i++) {
        int n = Tree.integer(result, fields[i]).orElse(0);
        counts[i] += n;
        InfoJson.put(metric, fields[i], n);
      }
      InfoJson.put(metric, "measurements", measurements(result));
      metrics.add(metric);
    }
    InfoJson.put(out, "successful", counts[0]);
    InfoJson.put(out, "failed", counts[1]);
    InfoJson.put(out, "inconclusive", counts[2]);
    InfoJson.put(out, "error", counts[3]);
    InfoJson.put(out, "metrics", metrics);
    Map<String, Object> specAndStatus = new LinkedHashMap<>();
    InfoJson.put(specAndStatus, "spec", spec);
    InfoJson.put(specAndStatus, "status", status);
    InfoJson.put(out, "specAndStatus", specAndStatus);
    return out;
  }

  private static List<Map<String, Object>> measurements(Object result) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object m : Tree.list(result, "measurements")) {
      Map<String, Object> json = new LinkedHashMap<>();
      for (String field : List.of("phase", "value", "message", "startedAt", "finishedAt")) {
        InfoJson.put(json, field, Tree.at(m, field).map(String::valueOf).orElse(""));
      }
      out.add(json);
    }
    return out;
  }

  /** Argo's analysis icons: ✔ successful, ✖ failed, ⚠ error or inconclusive, ◌ running. */
  static String icon(String phase) {
    return switch (phase) {
      case "Successful" -> "✔";
      case "Failed" -> "✖";
      case "Error", "Inconclusive" -> "⚠";
      case "Running", "Pending" -> "◌";
      default -> "?";
    };
  }

  private static long revision(GenericKubernetesResource run) {
    String value =
        Optional.ofNullable(run.getMetadata().getAnnotations())
            .map(a -> a.get(Annotations.REVISION))
            .orElse("");
    try {
      return value.isBlank() ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(GenericKubernetesResource run, String field) {
    return run.getAdditionalProperties().get(field) instanceof Map<?, ?> m
        ? (Map<String, Object>) m
        : Map.of();
  }
}
