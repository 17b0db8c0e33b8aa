package dev.rollouts.analysis.spec;

import java.util.Optional;

/**
 * An {@code AnalysisTemplate} (namespaced) or {@code ClusterAnalysisTemplate} (cluster-scoped).
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}; empty for a cluster template
 * @param clusterScoped whether it is a {@code ClusterAnalysisTemplate}
 * @param spec its spec
 */
public record AnalysisTemplate(
    String name, Optional<String> namespace, boolean clusterScoped, AnalysisTemplateSpec spec) {

  /** An {@code AnalysisTemplate} in {@code namespace}. */
  public static AnalysisTemplate namespaced(
      String name, String namespace, AnalysisTemplateSpec spec) {
    return new AnalysisTemplate(name, Optional.of(namespace), false, spec);
  }

  /** A {@code ClusterAnalysisTemplate}. */
  public static AnalysisTemplate cluster(String name, AnalysisTemplateSpec spec) {
    return new AnalysisTemplate(name, Optional.empty(), true, spec);
  }

  /** The reference that names this template. */
  public TemplateRef ref() {
    return new TemplateRef(name, clusterScoped);
  }
}
