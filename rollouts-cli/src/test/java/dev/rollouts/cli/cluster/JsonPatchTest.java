package dev.rollouts.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

  @Test
  void setAddsTheMissingParentsAsOneObject() {
    String json = JsonPatch.of(Map.of("spec", Map.of())).set(true, "status", "abort").toJson("7");

    assertThat(json)
        .isEqualTo(
            "[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"7\"},"
                + "{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"abort\":true}}]");
  }

  @Test
  void setOfAnExistingFieldOrOneInAnExistingParentAddsItThere() {
    Map<String, Object> tree =
        Map.of(
            "status",
            Map.of("abort", true),
            "spec",
            Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "a"))))));

    String json =
        JsonPatch.of(tree)
            .set(false, "status", "abort")
            .set("nginx:2", "spec", "template", "spec", "containers", "0", "image")
            .toJson("1");

    assertThat(json)
        .contains("{\"op\":\"add\",\"path\":\"/status/abort\",\"value\":false}")
        .contains(
            "{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"nginx:2\"}");
  }

  @Test
  void removeRemovesOnlyWhatIsThere() {
    JsonPatch patch =
        JsonPatch.of(Map.of("status", Map.of("pauseConditions", List.of())))
            .remove("status", "pauseConditions")
            .remove("status", "abort");

    assertThat(patch.toJson("1"))
        .endsWith("{\"op\":\"remove\",\"path\":\"/status/pauseConditions\"}]");
    assertThat(JsonPatch.of(Map.of()).remove("status", "abort").isEmpty()).isTrue();
  }

  @Test
  void keysAreEscapedAsJsonPointersEscapeThem() {
    String json =
        JsonPatch.of(Map.of()).set("x", "metadata", "labels", "app.kubernetes.io/name").toJson("1");

    assertThat(json)
        .contains("\"path\":\"/metadata\"")
        .contains("{\"labels\":{\"app.kubernetes.io/name\":\"x\"}}");
    assertThat(JsonPatch.of(Map.of("a", Map.of())).set(1, "a", "b/c~d").toJson("1"))
        .contains("\"path\":\"/a/b~1c~0d\"");
  }
}
