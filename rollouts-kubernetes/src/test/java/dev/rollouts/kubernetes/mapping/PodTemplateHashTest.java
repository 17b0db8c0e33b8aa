package dev.rollouts.kubernetes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodTemplateHashTest {

  /** A template as a user writes it in a Rollout. */
  private static final String AS_WRITTEN =
      """
      metadata:
        labels: {app: web}
        annotations: {team: shop}
      spec:
        serviceAccountName: web
        containers:
        - name: web
          image: registry.example.com:5000/shop/web:1.25
          ports: [{containerPort: 8080, name: http}]
          env:
          - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
          readinessProbe:
            httpGet: {path: /ready, port: http}
          resources:
            requests: {cpu: 0.5, memory: 256Mi}
            limits: {cpu: 1}
          volumeMounts: [{name: config, mountPath: /etc/web}, {name: scratch, mountPath: /tmp}]
        volumes:
        - name: config
          configMap: {name: web}
        - name: scratch
          emptyDir: {}
      """;

  /** The same template as the API server stores it in a ReplicaSet Argo Rollouts created. */
  private static final String AS_STORED =
      """
      metadata:
        creationTimestamp: null
        labels: {app: web, rollouts-pod-template-hash: 6b9b86fbd5}
        annotations: {team: shop}
      spec:
        containers:
        - name: web
          image: registry.example.com:5000/shop/web:1.25
          imagePullPolicy: IfNotPresent
          ports: [{containerPort: 8080, name: http, protocol: TCP}]
          env:
          - {name: POD, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}}
          readinessProbe:
            httpGet: {path: /ready, port: http, scheme: HTTP}
            timeoutSeconds: 1
            periodSeconds: 10
            successThreshold: 1
            failureThreshold: 3
          resources:
            requests: {cpu: 500m, memory: 256Mi}
            limits: {cpu: "1"}
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
          volumeMounts: [{name: config, mountPath: /etc/web}, {name: scratch, mountPath: /tmp}]
        dnsPolicy: ClusterFirst
        restartPolicy: Always
        schedulerName: default-scheduler
        securityContext: {}
        serviceAccount: web
        serviceAccountName: web
        terminationGracePeriodSeconds: 30
        volumes:
        - name: config
          configMap: {name: web, defaultMode: 420}
        - name: scratch
          emptyDir: {}
      """;

  @Test
  void aTemplateAndItsStoredFormWithApiServerDefaultsHaveOneFingerprint() {
    assertThat(PodTemplateHash.of(tree(AS_STORED))).isEqualTo(PodTemplateHash.of(tree(AS_WRITTEN)));
  }

  @Test
  void theFabric8FormOfATemplateHasTheSameFingerprintAsItsTree() {
    PodTemplateSpec typed = KubeJson.fromTree(tree(AS_STORED), PodTemplateSpec.class, "template");

    assertThat(PodTemplateHash.of(typed)).isEqualTo(PodTemplateHash.of(tree(AS_WRITTEN)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "image: registry.example.com:5000/shop/web:1.25 | image:"
            + " registry.example.com:5000/shop/web:1.26",
        "team: shop                                      | team: cart",
        "fieldPath: metadata.name                        | fieldPath: metadata.namespace",
        "cpu: 0.5                                        | cpu: 0.6",
        "emptyDir: {}                                    | hostPath: {path: /tmp}",
        "containerPort: 8080, name: http                 | containerPort: 8080, name: http,"
            + " protocol: UDP",
        "serviceAccountName: web                         | serviceAccountName: api",
      })
  void aChangeThatMattersChangesTheFingerprint(String before, String after) {
    assertThat(AS_WRITTEN).contains(before);

    assertThat(PodTemplateHash.of(tree(AS_WRITTEN.replace(before, after))))
        .isNotEqualTo(PodTemplateHash.of(tree(AS_WRITTEN)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nginx                  | Always",
        "nginx:latest           | Always",
        "nginx:1.25             | IfNotPresent",
        "localhost:5000/nginx   | Always",
        "localhost:5000/nginx:2 | IfNotPresent",
        "nginx@sha256:abc       | IfNotPresent",
      })
  void theDefaultPullPolicyDependsOnTheTag(String image, String policy) {
    assertThat(TemplateNormalizer.defaultPullPolicy(image)).isEqualTo(policy);
  }

  @Test
  void aPullPolicyOtherThanTheDefaultCounts() {
    String always =
        AS_WRITTEN.replace(
            "    image: registry", "    imagePullPolicy: Always\n    image: registry");

    assertThat(PodTemplateHash.of(tree(always))).isNotEqualTo(PodTemplateHash.of(tree(AS_WRITTEN)));
  }

  @Test
  void anInjectedAntiAffinityTermIsNotPartOfTheTemplate() {
    String injected =
        AS_STORED.replace(
            "  dnsPolicy: ClusterFirst",
            String.join(
                "\n",
                "  affinity:",
                "    podAntiAffinity:",
                "      preferredDuringSchedulingIgnoredDuringExecution:",
                "      - weight: 50",
                "        podAffinityTerm:",
                "          labelSelector:",
                "            matchExpressions:",
                "            - {key: rollouts-pod-template-hash, operator: In, values:"
                    + " [5d8f9c7b4d]}",
                "          namespaces: [shop]",
                "          topologyKey: kubernetes.io/hostname",
                "  dnsPolicy: ClusterFirst"));

    assertThat(injected).contains("podAntiAffinity");
    assertThat(PodTemplateHash.of(tree(injected))).isEqualTo(PodTemplateHash.of(tree(AS_WRITTEN)));
  }

  @Test
  void ephemeralMetadataOfAReplicaSetIsNotPartOfItsTemplate() {
    PodTemplateSpec template =
        KubeJson.fromTree(tree(AS_STORED), PodTemplateSpec.class, "template");
    template.getMetadata().getLabels().put("role", "canary");
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName("web-6b9b86fbd5")
                    .addToAnnotations(
                        Annotations.EPHEMERAL_METADATA, "{\"labels\":{\"role\":\"canary\"}}")
                    .build())
            .withNewSpec()
            .withTemplate(template)
            .endSpec()
            .build();

    assertThat(PodTemplateHash.ofReplicaSet(rs)).isEqualTo(PodTemplateHash.of(tree(AS_WRITTEN)));
  }

  @Test
  void theCanonicalFormSortsKeysAndDropsDefaults() {
    assertThat(
            PodTemplateHash.canonicalJson(
                tree(
                    "{spec: {restartPolicy: Always, containers: [{name: a, image: 'b:1', ports:"
                        + " [{protocol: TCP, containerPort: 80}]}]}, metadata: {labels: {z: '1', a:"
                        + " '2'}}}")))
        .isEqualTo(
            "{\"metadata\":{\"labels\":{\"a\":\"2\",\"z\":\"1\"}},"
                + "\"spec\":{\"containers\":[{\"image\":\"b:1\",\"name\":\"a\",\"ports\":[{\"containerPort\":80}]}]}}");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "500m, 0.5",
    "0.5, 0.5",
    "1, 1",
    "1000m, 1",
    "1Gi, 1073741824",
    "1G, 1000000000",
    "1e3, 1000",
    "0, 0",
    "100Mi, 104857600"
  })
  void quantitiesAreComparedByValue(String written, String value) {
    assertThat(Quantities.canonical(written)).contains(value);
  }

  @Test
  void fnv32aAndTheSafeEncodingMatchArgoRollouts() {
    // Argo Rollouts' TestComputeStepHash: the steps [{"pause":{}}] hash to 6b9b86fbd5.
    assertThat(Integer.toUnsignedString(PodTemplateHash.fnv32a("[{\"pause\":{}}]")))
        .isEqualTo("2656429681");
    assertThat(PodTemplateHash.encode(PodTemplateHash.fnv32a("[{\"pause\":{}}]")))
        .isEqualTo("6b9b86fbd5");
    assertThat(PodTemplateHash.encode((int) 3660967452L)).isEqualTo("7bb4fbc896");
    assertThat(Integer.toUnsignedString(PodTemplateHash.fnv32a(""))).isEqualTo("2166136261");
  }

  @Test
  void anEmptyTemplateHasAFingerprintToo() {
    assertThat(PodTemplateHash.of(Map.of()))
        .isEqualTo(PodTemplateHash.of(tree("{metadata: {creationTimestamp: null}}")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(String yaml) {
    try {
      return new YAMLMapper().readValue(yaml, Map.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
