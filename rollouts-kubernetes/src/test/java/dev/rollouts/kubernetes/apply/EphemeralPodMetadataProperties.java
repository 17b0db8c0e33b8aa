package dev.rollouts.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.kubernetes.mapping.PodTemplateHash;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Ephemeral metadata never changes what a ReplicaSet's template stands for: whatever the labels and
 * annotations of the template, whatever its annotation records (even entries that disagree with the
 * template), and whatever is asked next, its fingerprint stays, so the engine keeps recognising it
 * as the ReplicaSet of its template.
 */
class EphemeralPodMetadataProperties {

  @Property
  void theFingerprintOfAReplicaSetStaysThroughAnySequenceOfPodMetadata(
      @ForAll("strings") Map<String, String> labels,
      @ForAll("strings") Map<String, String> annotations,
      @ForAll("metadata") PodMetadata recorded,
      @ForAll @Size(max = 4) List<@From("metadata") PodMetadata> desired) {
    ReplicaSet rs = replicaSet(labels, annotations, recorded);
    String fingerprint = PodTemplateHash.ofReplicaSet(rs);

    for (PodMetadata next : desired) {
      inject(rs, next);
      assertThat(PodTemplateHash.ofReplicaSet(rs)).isEqualTo(fingerprint);
    }
  }

  @Property
  void aReplicaSetCreatedWithPodMetadataHasTheFingerprintOfTheRolloutsTemplate(
      @ForAll("strings") Map<String, String> labels, @ForAll("metadata") PodMetadata desired) {
    ReplicaSet rs = replicaSet(labels, Map.of(), new PodMetadata(Map.of(), Map.of()));
    String rollouts = PodTemplateHash.of(rs.getSpec().getTemplate());

    inject(rs, desired);

    assertThat(PodTemplateHash.ofReplicaSet(rs)).isEqualTo(rollouts);
  }

  @Property
  void injectingTwiceChangesNothingTheSecondTimeAndCarriesEveryKeyTheTemplateLeftFree(
      @ForAll("strings") Map<String, String> labels,
      @ForAll("metadata") PodMetadata recorded,
      @ForAll("metadata") PodMetadata desired) {
    ReplicaSet rs = replicaSet(labels, Map.of(), recorded);
    Map<String, String> own = new HashMap<>(labels);
    recorded.labels().forEach(own::remove);

    inject(rs, desired);
    Map<String, String> annotationsAfterFirst = Map.copyOf(rs.getMetadata().getAnnotations());

    assertThat(inject(rs, desired)).isFalse();
    assertThat(rs.getMetadata().getAnnotations()).isEqualTo(annotationsAfterFirst);
    desired
        .labels()
        .forEach(
            (k, v) -> {
              if (!own.containsKey(k)) {
                assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry(k, v);
              }
            });
  }

  static boolean inject(ReplicaSet rs, PodMetadata desired) {
    Map<String, String> annotations = new HashMap<>(rs.getMetadata().getAnnotations());
    boolean changed =
        ReplicaSets.injectPodMetadata(ReplicaSets.templateMetadata(rs), annotations, desired);
    rs.getMetadata().setAnnotations(annotations);
    return changed;
  }

  static ReplicaSet replicaSet(
      Map<String, String> labels, Map<String, String> annotations, PodMetadata recorded) {
    Map<String, String> rsAnnotations = new HashMap<>();
    EphemeralPodMetadata.annotation(recorded)
        .ifPresent(json -> rsAnnotations.put("rollout.argoproj.io/ephemeral-metadata", json));
    Map<String, String> templateLabels = new HashMap<>(labels);
    templateLabels.put("rollouts-pod-template-hash", "abc");
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName("web-abc")
        .withAnnotations(rsAnnotations)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(templateLabels)
        .withAnnotations(new HashMap<>(annotations))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("nginx:1.25")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Few keys and values, so that templates, records and requests overlap often. */
  @Provide
  Arbitrary<Map<String, String>> strings() {
    return Arbitraries.maps(
            Arbitraries.of("app", "role", "tier", "a/b"),
            Arbitraries.of("web", "active", "preview"))
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<PodMetadata> metadata() {
    return Combinators.combine(strings(), strings()).as(PodMetadata::new);
  }
}
