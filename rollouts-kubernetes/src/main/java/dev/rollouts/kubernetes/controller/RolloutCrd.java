package dev.rollouts.kubernetes.controller;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The {@code rollouts.argoproj.io} CRD this library ships (class path resource {@value #RESOURCE}),
 * for a cluster that has no Argo Rollouts: same group, version and kind as Argo's, a structural
 * schema, the status and scale subresources, and Argo's printer columns.
 *
 * <pre>{@code
 * RolloutCrd.installIfAbsent(client);   // or: kubectl apply -f rollouts.argoproj.io.yaml
 * }</pre>
 */
public final class RolloutCrd {

  /** Where the manifest is on the class path. */
  public static final String RESOURCE = "/crd/rollouts.argoproj.io.yaml";

  /** {@code metadata.name} of the CRD. */
  public static final String NAME = "rollouts.argoproj.io";

  private RolloutCrd() {}

  /** The CRD, parsed from the shipped manifest. */
  public static CustomResourceDefinition definition() {
    try (InputStream in = RolloutCrd.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the class path; is rollouts-kubernetes on it?");
      }
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the CRD unless a CRD of that name exists (Argo Rollouts' own, or an earlier install),
   * which is left as it is.
   *
   * @return whether it was created
   */
  public static boolean installIfAbsent(KubernetesClient client) {
    var crds = client.apiextensions().v1().customResourceDefinitions();
    if (crds.withName(NAME).get() != null) {
      return false;
    }
    crds.resource(definition()).create();
    return true;
  }
}
