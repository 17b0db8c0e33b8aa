package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.AnalysisTemplate;
import dev.rollouts.analysis.spec.AnalysisTemplateSpec;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import dev.rollouts.core.Trees;
import java.util.Map;

/**
 * Reads and writes the three analysis kinds as JSON-like trees ({@code Map<String, Object>} of
 * maps, lists, strings, numbers and booleans, as a JSON or YAML parser gives them), with Argo's
 * field names. Fields this library does not know are kept on read and written back.
 *
 * <pre>{@code
 * AnalysisRun run = AnalysisManifests.run(yaml.load(text));
 * Map<String, Object> status = AnalysisManifests.statusTree(newStatus);
 * }</pre>
 *
 * <p>Every read method throws {@link IllegalArgumentException} for a field of the wrong type, with
 * a message that names the field's path ({@code spec.metrics[0].count: expected an integer, got
 * true}).
 */
public final class AnalysisManifests {

  private AnalysisManifests() {}

  /** An {@code AnalysisTemplate} or {@code ClusterAnalysisTemplate} manifest. */
  public static AnalysisTemplate template(Map<String, ?> manifest) {
    String kind = TreeReader.string(manifest, "kind", "").orElse("AnalysisTemplate");
    Map<String, Object> metadata = TreeReader.map(manifest, "metadata", "");
    String name = TreeReader.requiredString(metadata, "name", "metadata");
    AnalysisTemplateSpec spec =
        SpecReader.templateSpec(TreeReader.map(manifest, "spec", ""), "spec");
    if (kind.equals("ClusterAnalysisTemplate")) {
      return AnalysisTemplate.cluster(name, spec);
    }
    return new AnalysisTemplate(
        name, TreeReader.string(metadata, "namespace", "metadata"), false, spec);
  }

  /** An {@code AnalysisRun} manifest: metadata, spec and status. */
  public static AnalysisRun run(Map<String, ?> manifest) {
    Map<String, Object> metadata = TreeReader.map(manifest, "metadata", "");
    return AnalysisRun.builder()
        .name(TreeReader.requiredString(metadata, "name", "metadata"))
        .namespace(TreeReader.string(metadata, "namespace", "metadata").orElse("default"))
        .uid(TreeReader.string(metadata, "uid", "metadata"))
        .spec(SpecReader.runSpec(TreeReader.map(manifest, "spec", ""), "spec"))
        .status(StatusReader.status(TreeReader.map(manifest, "status", ""), "status"))
        .build();
  }

  /** A metric ({@code spec.metrics[i]}). */
  public static Metric metric(Map<String, ?> tree) {
    return SpecReader.metric(tree, "metric");
  }

  /** An AnalysisRun's {@code status}. */
  public static AnalysisRunStatus status(Map<String, ?> tree) {
    return StatusReader.status(tree, "status");
  }

  /** A metric as a tree. */
  public static Map<String, Object> metricTree(Metric metric) {
    return Trees.copyOf(TreeWriter.metric(metric));
  }

  /** A template's {@code spec} as a tree. */
  public static Map<String, Object> templateSpecTree(AnalysisTemplateSpec spec) {
    return Trees.copyOf(TreeWriter.templateSpec(spec));
  }

  /** A run's {@code spec} as a tree. */
  public static Map<String, Object> runSpecTree(AnalysisRunSpec spec) {
    return Trees.copyOf(TreeWriter.runSpec(spec));
  }

  /** A run's {@code status} as a tree; times in whole seconds, as Kubernetes writes them. */
  public static Map<String, Object> statusTree(AnalysisRunStatus status) {
    return Trees.copyOf(TreeWriter.status(status));
  }
}
