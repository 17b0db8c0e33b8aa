package dev.rollouts.dashboard;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's in-process API server in CRUD mode (expectations first, as {@code rollouts simulate}
 * runs it) with the Rollout CRD, and the objects of a canary paused at its {@code pause: {}} step:
 * revision 1 stable with 4 pods, revision 2 canary with 1 pod.
 */
final class ApiCluster implements AutoCloseable {

  final KubernetesMockServer server;
  final KubernetesClient client;

  ApiCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    client =
        server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    try (InputStream in = getClass().getResourceAsStream("/crd/rollouts.argoproj.io.yaml")) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
          .create();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A canary at step 1 of {@code setWeight 20, pause {}, setWeight 50}, paused there. */
  RolloutResource pausedCanary(String namespace, String name) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", 5);
    spec.put("selector", Map.of("matchLabels", Map.of("app", name)));
    spec.put("template", template(name, "argoproj/rollouts-demo:yellow"));
    spec.put(
        "strategy",
        Map.of(
            "canary",
            Map.of(
                "steps",
                List.of(
                    Map.of("setWeight", 20), Map.of("pause", Map.of()), Map.of("setWeight", 50)))));
    var rollouts = client.resources(RolloutResource.class).inNamespace(namespace);
    RolloutResource created =
        rollouts
            .resource(
                RolloutResource.of(
                    new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(namespace)
                        .addToLabels("team", "shop")
                        .build(),
                    spec))
            .create();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("currentStepIndex", 1);
    status.put("currentPodHash", "bbb");
    status.put("stableRS", "aaa");
    status.put("replicas", 5);
    status.put("updatedReplicas", 1);
    status.put("readyReplicas", 5);
    status.put("availableReplicas", 5);
    status.put(
        "pauseConditions",
        List.of(Map.of("reason", "CanaryPauseStep", "startTime", "2026-01-01T00:00:00Z")));
    created.setStatus(status);
    created = rollouts.resource(created).updateStatus();
    replicaSet(created, "aaa", 1, "argoproj/rollouts-demo:blue", 4);
    replicaSet(created, "bbb", 2, "argoproj/rollouts-demo:yellow", 1);
    return created;
  }

  private static Map<String, Object> template(String app, String image) {
    return Map.of(
        "metadata", Map.of("labels", Map.of("app", app)),
        "spec", Map.of("containers", List.of(Map.of("name", "demo", "image", image))));
  }

  /** A ReplicaSet of {@code owner} with {@code pods} running pods. */
  ReplicaSet replicaSet(RolloutResource owner, String hash, int revision, String image, int pods) {
    String name = owner.getMetadata().getName();
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(name + "-" + hash)
                    .withNamespace(owner.getMetadata().getNamespace())
                    .addToLabels("app", name)
                    .addToLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
                    .addToAnnotations(Annotations.REVISION, String.valueOf(revision))
                    .withOwnerReferences(controller(owner))
                    .build())
            .withNewSpec()
            .withReplicas(pods)
            .withNewSelector()
            .addToMatchLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .addToLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("demo")
            .withImage(image)
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withReplicas(pods)
            .withReadyReplicas(pods)
            .withAvailableReplicas(pods)
            .endStatus()
            .build();
    ReplicaSet created = client.resource(rs).create();
    created.setStatus(rs.getStatus());
    created = client.resource(created).updateStatus();
    for (int i = 0; i < pods; i++) {
      client
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName(created.getMetadata().getName() + "-p" + i)
                  .withNamespace(owner.getMetadata().getNamespace())
                  .withLabels(rs.getSpec().getTemplate().getMetadata().getLabels())
                  .addNewOwnerReference()
                  .withApiVersion("apps/v1")
                  .withKind("ReplicaSet")
                  .withName(created.getMetadata().getName())
                  .withUid(created.getMetadata().getUid())
                  .withController(true)
                  .endOwnerReference()
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("demo")
                  .withImage(image)
                  .endContainer()
                  .endSpec()
                  .withNewStatus()
                  .withPhase("Running")
                  .addNewContainerStatus()
                  .withName("demo")
                  .withReady(true)
                  .withRestartCount(0)
                  .withNewState()
                  .withNewRunning()
                  .endRunning()
                  .endState()
                  .endContainerStatus()
                  .endStatus()
                  .build())
          .create();
    }
    return created;
  }

  /** An AnalysisRun of {@code owner}'s revision 2, Successful after three measurements. */
  GenericKubernetesResource analysisRun(RolloutResource owner) {
    GenericKubernetesResource run = new GenericKubernetesResource();
    run.setApiVersion("argoproj.io/v1alpha1");
    run.setKind("AnalysisRun");
    run.setMetadata(
        new ObjectMetaBuilder()
            .withName(owner.getMetadata().getName() + "-bbb-2-1")
            .withNamespace(owner.getMetadata().getNamespace())
            .addToAnnotations(Annotations.REVISION, "2")
            .withOwnerReferences(controller(owner))
            .build());
    run.setAdditionalProperty(
        "spec",
        Map.of(
            "metrics",
            List.of(Map.of("name", "success-rate", "successCondition", "result[0] >= 0.95"))));
    run.setAdditionalProperty(
        "status",
        Map.of(
            "phase",
            "Successful",
            "metricResults",
            List.of(
                Map.of(
                    "name",
                    "success-rate",
                    "phase",
                    "Successful",
                    "successful",
                    3,
                    "count",
                    3,
                    "measurements",
                    List.of(Map.of("phase", "Successful", "value", "[0.99]"))))));
    return client
        .genericKubernetesResources(NamespaceCache.ANALYSIS_RUNS)
        .inNamespace(owner.getMetadata().getNamespace())
        .resource(run)
        .create();
  }

  RolloutResource get(String namespace, String name) {
    return client.resources(RolloutResource.class).inNamespace(namespace).withName(name).get();
  }

  private static OwnerReference controller(RolloutResource owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(RolloutResource.API_VERSION)
        .withKind(RolloutResource.KIND)
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }

  @Override
  public void close() {
    client.close();
    Thread stop = new Thread(server::destroy, "api-cluster-stop");
    stop.setDaemon(true);
    stop.start();
    try {
      stop.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
