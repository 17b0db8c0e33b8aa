package dev.rollouts.analysis.spec;

/**
 * A reference to a template ({@code templates[]} of a template, or of a Rollout's analysis).
 *
 * @param templateName the template's name
 * @param clusterScope whether it names a {@code ClusterAnalysisTemplate}
 */
public record TemplateRef(String templateName, boolean clusterScope) {}
