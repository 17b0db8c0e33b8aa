package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.AnalysisTemplate;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.spec.MeasurementRetention;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.spec.TemplateRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds an AnalysisRun's spec from templates, as Argo does for a Rollout's analysis ({@code
 * getAnalysisTemplatesFromRefs} in {@code rollout/analysis.go}, {@code NewAnalysisRunFromTemplates}
 * and {@code FlattenTemplates} in {@code utils/analysis/helpers.go}):
 *
 * <ul>
 *   <li>nested {@code templates} are followed recursively and each template is used once (by kind
 *       and name); namespaced templates' metrics come first, then cluster templates';
 *   <li>two metrics with one name are an error ({@code two metrics have the same name 'x'});
 *   <li>template args merge by name, and two different values are an error; the caller's args then
 *       override by name only (an arg no template declares is ignored), and an arg still without a
 *       value is an error ({@code args.x was not resolved});
 *   <li>the caller's {@code dryRun} and {@code measurementRetention} rules come before the
 *       templates'; two rules for one {@code metricName} are an error.
 * </ul>
 *
 * <p>A cycle of nested templates, where Argo would recurse forever, is an error naming it.
 */
public final class AnalysisTemplates {

  private AnalysisTemplates() {}

  /** The spec of a run, or why there is none. */
  public sealed interface Merged {
    /** The merged spec. */
    record Spec(AnalysisRunSpec spec) implements Merged {}

    /** Why the templates do not merge, in Argo's words. */
    record Invalid(String message) implements Merged {}
  }

  /**
   * The run spec for {@code refs}.
   *
   * @param refs the templates the Rollout (or a user) names
   * @param lookup finds a template by reference; empty when it does not exist
   * @param args the caller's arguments
   * @param dryRun the caller's dry-run rules
   * @param retention the caller's measurement retention rules
   */
  public static Merged merge(
      List<TemplateRef> refs,
      Function<TemplateRef, Optional<AnalysisTemplate>> lookup,
      List<Argument> args,
      List<DryRun> dryRun,
      List<MeasurementRetention> retention) {
    List<AnalysisTemplate> namespaced = new ArrayList<>();
    List<AnalysisTemplate> cluster = new ArrayList<>();
    try {
      collect(refs, lookup, new LinkedHashSet<>(), new HashSet<>(), namespaced, cluster);
      List<AnalysisTemplate> all = new ArrayList<>(namespaced);
      all.addAll(cluster);
      List<Metric> metrics = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (AnalysisTemplate t : all) {
        for (Metric m : t.spec().metrics()) {
          if (!names.add(m.name())) {
            throw new IllegalArgumentException("two metrics have the same name '" + m.name() + "'");
          }
          metrics.add(m);
        }
      }
      List<Argument> templateArgs = flattenArgs(all);
      List<DryRun> dry = new ArrayList<>(dryRun);
      List<MeasurementRetention> keep = new ArrayList<>(retention);
      all.forEach(t -> dry.addAll(t.spec().dryRun()));
      all.forEach(t -> keep.addAll(t.spec().measurementRetention()));
      unique(
          dry.stream().map(DryRun::metricName).toList(),
          "two Dry-Run metric rules have the same name '");
      unique(
          keep.stream().map(MeasurementRetention::metricName).toList(),
          "two Measurement Retention metric rules have the same name '");
      return new Merged.Spec(
          AnalysisRunSpec.builder()
              .metrics(metrics)
              .args(mergeArgs(args, templateArgs))
              .dryRun(dry)
              .measurementRetention(keep)
              .build());
    } catch (IllegalArgumentException e) {
      return new Merged.Invalid(e.getMessage());
    }
  }

  private static void collect(
      List<TemplateRef> refs,
      Function<TemplateRef, Optional<AnalysisTemplate>> lookup,
      LinkedHashSet<TemplateRef> path,
      Set<TemplateRef> seen,
      List<AnalysisTemplate> namespaced,
      List<AnalysisTemplate> cluster) {
    for (TemplateRef ref : refs) {
      if (path.contains(ref)) {
        throw new IllegalArgumentException(
            "templates form a cycle: "
                + String.join(" -> ", path.stream().map(TemplateRef::templateName).toList())
                + " -> "
                + ref.templateName());
      }
      AnalysisTemplate template =
          lookup
              .apply(ref)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          (ref.clusterScope() ? "clusteranalysistemplate" : "analysistemplate")
                              + ".argoproj.io \""
                              + ref.templateName()
                              + "\" not found"));
      if (seen.add(ref)) {
        (ref.clusterScope() ? cluster : namespaced).add(template);
      }
      path.add(ref);
      collect(template.spec().templates(), lookup, path, seen, namespaced, cluster);
      path.remove(ref);
    }
  }

  private static List<Argument> flattenArgs(List<AnalysisTemplate> templates) {
    List<Argument> combined = new ArrayList<>();
    for (AnalysisTemplate t : templates) {
      for (Argument arg : t.spec().args()) {
        int i = indexOf(combined, arg.name());
        if (i < 0) {
          combined.add(arg);
          continue;
        }
        Argument prev = combined.get(i);
        if (prev.value().isPresent()
            && arg.value().isPresent()
            && !prev.value().get().equals(arg.value().get())) {
          throw new IllegalArgumentException(
              "Argument `"
                  + arg.name()
                  + "` specified multiple times with different values: '"
                  + prev.value().get()
                  + "', '"
                  + arg.value().get()
                  + "'");
        }
        if (prev.value().isEmpty()) {
          combined.set(i, arg);
        }
      }
    }
    return combined;
  }

  private static List<Argument> mergeArgs(List<Argument> incoming, List<Argument> template) {
    List<Argument> merged = new ArrayList<>(template);
    for (Argument arg : incoming) {
      int i = indexOf(merged, arg.name());
      if (i < 0) {
        continue;
      }
      Argument prev = merged.get(i);
      if (arg.value().isPresent()) {
        merged.set(i, new Argument(prev.name(), arg.value(), prev.valueFrom()));
      } else if (arg.valueFrom().isPresent()) {
        merged.set(i, new Argument(prev.name(), prev.value(), arg.valueFrom()));
      }
    }
    for (Argument arg : merged) {
      if (arg.value().isEmpty() && arg.valueFrom().isEmpty()) {
        throw new IllegalArgumentException("args." + arg.name() + " was not resolved");
      }
    }
    return merged;
  }

  private static int indexOf(List<Argument> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static void unique(List<String> names, String message) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(message + name + "'");
      }
    }
  }
}
