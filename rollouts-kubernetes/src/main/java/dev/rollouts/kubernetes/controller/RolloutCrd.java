package dev.rollouts.kubernetes.controller;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rollouts.argoproj.io} CRD this library ships (class path resource {@value #RESOURCE}),
 * for a cluster that has no Argo Rollouts: same group, version and kind as Argo's, a structural
 * schema, the status and scale subresources, and Argo's printer columns.
 *
 * <p>The analysis kinds come with it ({@link #ANALYSIS_RESOURCES}): {@code AnalysisTemplate}
 * ({@code at}), {@code ClusterAnalysisTemplate} ({@code cat}) and {@code AnalysisRun} ({@code ar},
 * with the status subresource), each with Argo's names and printer columns; {@link #definitions()}
 * lists all four and {@link #installIfAbsent} installs each one that is missing.
 *
 * <pre>{@code
 * RolloutCrd.installIfAbsent(client);   // or: kubectl apply -f rollouts.argoproj.io.yaml (and the others)
 * }</pre>
 */
public final class RolloutCrd {

  /** Where the manifest is on the class path. */
  public static final String RESOURCE = "/crd/rollouts.argoproj.io.yaml";

  /** {@code metadata.name} of the CRD. */
  public static final String NAME = "rollouts.argoproj.io";

  /** Where the analysis CRDs' manifests are on the class path. */
  public static final List<String> ANALYSIS_RESOURCES =
      List.of(
          "/crd/analysistemplates.argoproj.io.yaml",
          "/crd/clusteranalysistemplates.argoproj.io.yaml",
          "/crd/analysisruns.argoproj.io.yaml");

  private RolloutCrd() {}

  /** The CRD, parsed from the shipped manifest. */
  public static CustomResourceDefinition definition() {
    return read(RESOURCE);
  }

  /** Every CRD this library ships: the Rollout's, then the three analysis kinds'. */
  public static List<CustomResourceDefinition> definitions() {
    List<CustomResourceDefinition> all = new ArrayList<>();
    all.add(definition());
    ANALYSIS_RESOURCES.forEach(r -> all.add(read(r)));
    return all;
  }

  private static CustomResourceDefinition read(String resource) {
    try (InputStream in = RolloutCrd.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing from the class path; is rollouts-kubernetes on it?");
      }
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates each of {@link #definitions()} unless a CRD of that name exists (Argo Rollouts' own, or
   * an earlier install), which is left as it is.
   *
   * @return whether the Rollout CRD was created
   */
  public static boolean installIfAbsent(KubernetesClient client) {
    var crds = client.apiextensions().v1().customResourceDefinitions();
    boolean created = false;
    for (CustomResourceDefinition crd : definitions()) {
      if (crds.withName(crd.getMetadata().getName()).get() == null) {
        crds.resource(crd).create();
        created |= crd.getMetadata().getName().equals(NAME);
      }
    }
    return created;
  }
}
