package dev.rollouts.operatorsdk;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An {@code argoproj.io/v1alpha1} {@code AnalysisRun}, generically: typed metadata, every other
 * field a JSON tree. {@link RolloutReconciler} watches them only to reconcile the Rollout that owns
 * one when it changes; the annotations name the resource so that no API discovery is needed.
 */
@Group("argoproj.io")
@Version("v1alpha1")
@Kind("AnalysisRun")
@Plural("analysisruns")
@Singular("analysisrun")
public final class AnalysisRunResource extends GenericKubernetesResource implements Namespaced {

  private static final long serialVersionUID = 1L;
}
