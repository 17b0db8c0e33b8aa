package dev.rollouts.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.spec.PodMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EphemeralPodMetadataTest {

  static final String ANNOTATION = "rollout.argoproj.io/ephemeral-metadata";
  static final PodMetadata NONE = new PodMetadata(Map.of(), Map.of());

  static PodMetadata labels(Map<String, String> labels) {
    return new PodMetadata(labels, Map.of());
  }

  static ObjectMeta meta(Map<String, String> labels, Map<String, String> annotations) {
    return new ObjectMetaBuilder()
        .withLabels(new HashMap<>(labels))
        .withAnnotations(new HashMap<>(annotations))
        .build();
  }

  @Test
  void readsWhatArgoRecordedInTheAnnotation() {
    Map<String, String> annotations =
        Map.of(
            ANNOTATION, "{\"labels\":{\"role\":\"active\"},\"annotations\":{\"team\":\"blue\"}}");

    assertThat(EphemeralPodMetadata.recorded(annotations))
        .isEqualTo(new PodMetadata(Map.of("role", "active"), Map.of("team", "blue")));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "null",
        "\"text\"",
        "{\"labels\":[\"role\"]}",
        "{\"labels\":{\"replicas\":3}}"
      })
  void anAnnotationThatRecordsNoStringMapsRecordsNothing(String value) {
    Map<String, String> annotations = new HashMap<>();
    annotations.put("other", "x");
    if (value != null) {
      annotations.put(ANNOTATION, value);
    }

    assertThat(EphemeralPodMetadata.recorded(annotations)).isEqualTo(NONE);
  }

  @Test
  void writesTheAnnotationAsGoMarshalsItKeysSortedEmptyMapsLeftOut() {
    assertThat(EphemeralPodMetadata.annotation(labels(Map.of("tier", "web", "role", "active"))))
        .contains("{\"labels\":{\"role\":\"active\",\"tier\":\"web\"}}");
    assertThat(
            EphemeralPodMetadata.annotation(
                new PodMetadata(Map.of("role", "preview"), Map.of("a/b", "c"))))
        .contains("{\"labels\":{\"role\":\"preview\"},\"annotations\":{\"a/b\":\"c\"}}");
    assertThat(EphemeralPodMetadata.annotation(NONE)).isEmpty();
  }

  @Test
  void injectsOnlyTheKeysThePodTemplateDoesNotSetItself() {
    ObjectMeta template = meta(Map.of("app", "web", "role", "preview"), Map.of());
    PodMetadata recorded = labels(Map.of("role", "preview"));

    PodMetadata injected =
        EphemeralPodMetadata.injectable(
            template, recorded, labels(Map.of("app", "other", "role", "active", "tier", "1")));

    assertThat(injected).isEqualTo(labels(Map.of("role", "active", "tier", "1")));
  }

  @Test
  void replacesWhatWasRecordedWithWhatIsInjected() {
    ObjectMeta pod =
        meta(Map.of("app", "web", "role", "preview", "stage", "test"), Map.of("note", "x"));
    PodMetadata recorded =
        new PodMetadata(Map.of("role", "preview", "stage", "test"), Map.of("note", "x"));

    boolean changed = EphemeralPodMetadata.replace(pod, recorded, labels(Map.of("role", "active")));

    assertThat(changed).isTrue();
    assertThat(pod.getLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("app", "web", "role", "active"));
    assertThat(pod.getAnnotations()).isEmpty();
  }

  @Test
  void keepsAnEntrySomebodyElseChangedSinceItWasInjected() {
    ObjectMeta pod = meta(Map.of("app", "web", "role", "debugging"), Map.of());

    EphemeralPodMetadata.replace(pod, labels(Map.of("role", "preview")), NONE);

    assertThat(pod.getLabels()).containsEntry("role", "debugging");
  }

  @Test
  void changesNothingWhenTheMetadataIsAlreadySo() {
    ObjectMeta pod = meta(Map.of("app", "web", "role", "active"), Map.of());

    assertThat(
            EphemeralPodMetadata.replace(
                pod, labels(Map.of("role", "active")), labels(Map.of("role", "active"))))
        .isFalse();
    assertThat(EphemeralPodMetadata.replace(new ObjectMeta(), NONE, NONE)).isFalse();
  }
}
