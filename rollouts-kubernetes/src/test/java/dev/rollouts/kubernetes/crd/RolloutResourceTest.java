package dev.rollouts.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.sim.SimulatedKubernetes;
import dev.rollouts.kubernetes.sim.SimulatedKubernetesExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatedKubernetesExtension.class)
class RolloutResourceTest {

  private static final ResourceDefinitionContext ROLLOUTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Rollout")
          .withPlural("rollouts")
          .withNamespaced(true)
          .build();

  KubernetesClient client;

  /** The simulated cluster has the Rollout CRD (status subresource included) installed. */
  @BeforeEach
  void openTheShopNamespace(SimulatedKubernetes cluster) {
    cluster.createNamespace("shop");
    client = cluster.client();
  }

  @Test
  void unknownSpecAndStatusFieldsSurviveATypedStatusUpdate() {
    RolloutResource created =
        RolloutResource.of(
            new ObjectMetaBuilder().withName("web").withNamespace("shop").build(),
            Map.of(
                "replicas", 3,
                "workloadRef", Map.of("kind", "Deployment", "name", "web"),
                "strategy",
                    Map.of(
                        "canary",
                        Map.of(
                            "steps", List.of(Map.of("setWeight", 20)),
                            "analysis",
                                Map.of("templates", List.of(Map.of("templateName", "rate")))))));
    created.setAdditionalProperty("extra", Map.of("kept", true));
    client.resource(created).create();

    RolloutResource stored =
        client.resources(RolloutResource.class).inNamespace("shop").withName("web").get();
    stored.setStatus(Map.of("phase", "Progressing", "alb", Map.of("ingress", "web")));
    client.resource(stored).updateStatus();

    RolloutResource read =
        client.resources(RolloutResource.class).inNamespace("shop").withName("web").get();
    read.getStatus().put("phase", "Healthy");
    client.resource(read).updateStatus();

    GenericKubernetesResource raw =
        client.genericKubernetesResources(ROLLOUTS).inNamespace("shop").withName("web").get();
    assertThat(raw.<Object>get("spec", "workloadRef", "name")).isEqualTo("web");
    assertThat(
            raw.<Object>get(
                "spec", "strategy", "canary", "analysis", "templates", 0, "templateName"))
        .isEqualTo("rate");
    assertThat(raw.<Object>get("extra", "kept")).isEqualTo(true);
    assertThat(raw.<Object>get("status", "phase")).isEqualTo("Healthy");
    assertThat(raw.<Object>get("status", "alb", "ingress")).isEqualTo("web");
  }

  @Test
  void typedListAndGetKeepApiVersionKindAndTheSpecTree() {
    client
        .resource(
            RolloutResource.of(
                new ObjectMetaBuilder().withName("a").withNamespace("shop").build(),
                Map.of("replicas", 1)))
        .create();

    List<RolloutResource> items =
        client.resources(RolloutResource.class).inNamespace("shop").list().getItems();

    assertThat(items)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getApiVersion()).isEqualTo("argoproj.io/v1alpha1");
              assertThat(r.getKind()).isEqualTo("Rollout");
              assertThat(r.getSpec()).containsEntry("replicas", 1);
              assertThat(r.key()).isEqualTo("shop/a");
            });
  }

  @Test
  void serialisesSpecAndStatusOnceEach() {
    RolloutResource rollout =
        RolloutResource.of(new ObjectMetaBuilder().withName("a").build(), Map.of("replicas", 1));
    rollout.setStatus(Map.of("phase", "Healthy"));

    String json = new KubernetesSerialization().asJson(rollout);

    assertThat(json)
        .isEqualTo(
            "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"a\"},"
                + "\"spec\":{\"replicas\":1},\"status\":{\"phase\":\"Healthy\"}}");
    assertThat(new KubernetesSerialization().unmarshal(json, RolloutResource.class))
        .isEqualTo(rollout);
  }

  @Test
  void anAbsentSpecReadsAsAnEmptyTree() {
    assertThat(new RolloutResource().getSpec()).isEmpty();
    assertThat(new RolloutResource().getStatus()).isEmpty();
  }
}
