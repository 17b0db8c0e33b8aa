package dev.rollouts.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.notifications.template.Json;
import dev.rollouts.notifications.template.TemplateException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every default template of Argo's notifications-install.yaml rendered against a canary and a
 * blue-green Rollout (docs/features/notifications.md, "Default Trigger templates").
 */
class BuiltInCatalogueTest {

  private static final NotificationConfig CATALOGUE =
      NotificationConfig.parse(BuiltInCatalogue.data(), Map.of());

  private static Notification render(String template, Map<String, Object> rollout) {
    Map<String, Object> vars =
        TemplateVariables.of(
            rollout,
            Optional.empty(),
            Map.of(),
            () -> Instant.parse("2026-01-01T00:00:00Z"),
            new Destination("slack", "my-channel"));
    return CATALOGUE.render(List.of(template), vars);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> objects(Object list) {
    return (List<Object>) list;
  }

  @Test
  void shipsNineTriggersEachSendingItsTemplate() {
    assertThat(CATALOGUE.triggers())
        .containsOnlyKeys(
            "on-rollout-completed",
            "on-rollout-step-completed",
            "on-rollout-updated",
            "on-scaling-replica-set",
            "on-rollout-paused",
            "on-rollout-aborted",
            "on-analysis-run-running",
            "on-analysis-run-error",
            "on-analysis-run-failed");
    assertThat(CATALOGUE.triggers().get("on-scaling-replica-set"))
        .containsExactly(
            new TriggerCondition(
                List.of("scaling-replicaset"), Optional.empty(), Optional.empty(), ""));
    assertThat(CATALOGUE.templateNames()).hasSize(9);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          rollout-completed      | Rollout canary-demo has been completed.                  | #18be52
          rollout-step-completed | Rollout canary-demo step number 2/5 has been completed.  | #18be52
          rollout-updated        | Rollout canary-demo has been updated.                    | #18be52
          scaling-replicaset     | Scaling Rollout canary-demo's replicaset to 3.           | #18be52
          rollout-paused         | Rollout canary-demo has been paused.                     | #18be52
          rollout-aborted        | Rollout canary-demo has been aborted.                    | #E01E5A
          analysis-run-running   | Rollout canary-demo's analysis run is running.           | #18be52
          analysis-run-error     | Rollout canary-demo's analysis run is in error state.    | #ECB22E
          analysis-run-failed    | Rollout canary-demo's analysis run failed.               | #E01E5A
          """)
  void rendersEachDefaultTemplateForACanary(String template, String message, String colour) {
    Notification n = render(template, Fixtures.canary());

    assertThat(n.message()).isEqualTo(message);
    assertThat(n.email().orElseThrow().subject()).isEqualTo(message);
    List<?> attachments = (List<?>) Json.read(n.slack().orElseThrow().attachments());
    Map<?, ?> attachment = (Map<?, ?>) attachments.get(0);
    assertThat(attachment.get("title")).isEqualTo("canary-demo");
    assertThat(attachment.get("color")).isEqualTo(colour);
    List<?> fields = (List<?>) attachment.get("fields");
    assertThat(fields.get(0))
        .isEqualTo(Map.of("title", "Strategy", "value", "Canary", "short", true));
    assertThat(objects(fields.subList(fields.size() - 2, fields.size())))
        .containsExactly(
            Map.of("title", "app", "value", "nginx:1.27", "short", true),
            Map.of("title", "sidecar", "value", "envoy:1.30", "short", true));
  }

  @Test
  void theStepTemplateCountsTheStepJustCompletedFromOne() {
    Map<?, ?> attachment =
        (Map<?, ?>)
            ((List<?>)
                    Json.read(
                        render("rollout-step-completed", Fixtures.canary())
                            .slack()
                            .orElseThrow()
                            .attachments()))
                .get(0);

    assertThat(((List<?>) attachment.get("fields")).get(1))
        .isEqualTo(Map.of("title", "Step completed", "value", "2/5", "short", true));
  }

  @Test
  void theScalingTemplateShowsDesiredAndUpdatedReplicas() {
    List<?> fields =
        (List<?>)
            ((Map<?, ?>)
                    ((List<?>)
                            Json.read(
                                render("scaling-replicaset", Fixtures.canary())
                                    .slack()
                                    .orElseThrow()
                                    .attachments()))
                        .get(0))
                .get("fields");

    assertThat(objects(fields.subList(1, 3)))
        .containsExactly(
            Map.of("title", "Desired replica", "value", "3", "short", true),
            Map.of("title", "Updated replicas", "value", "1", "short", true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "rollout-completed, Rollout bluegreen-demo has been completed.",
    "rollout-updated, Rollout bluegreen-demo has been updated.",
    "scaling-replicaset, Scaling Rollout bluegreen-demo's replicaset to 2.",
    "rollout-paused, Rollout bluegreen-demo has been paused.",
    "rollout-aborted, Rollout bluegreen-demo has been aborted.",
    "analysis-run-running, Rollout bluegreen-demo's analysis run is running.",
    "analysis-run-error, Rollout bluegreen-demo's analysis run is in error state.",
    "analysis-run-failed, Rollout bluegreen-demo's analysis run failed."
  })
  void rendersEachDefaultTemplateForABlueGreenRollout(String template, String message) {
    Notification n = render(template, Fixtures.blueGreen());

    assertThat(n.message()).isEqualTo(message);
    Map<?, ?> attachment =
        (Map<?, ?>) ((List<?>) Json.read(n.slack().orElseThrow().attachments())).get(0);
    List<Object> fields = objects(attachment.get("fields"));
    assertThat(fields.get(0))
        .isEqualTo(Map.of("title", "Strategy", "value", "BlueGreen", "short", true));
    assertThat(fields.get(fields.size() - 1))
        .isEqualTo(Map.of("title", "app", "value", "nginx:1.27", "short", true));
  }

  @Test
  void theStepTemplateFailsForABlueGreenRolloutAsInArgo() {
    // len of the missing .rollout.spec.strategy.canary.steps is an execution error in Go
    assertThatThrownBy(() -> render("rollout-step-completed", Fixtures.blueGreen()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("error calling len");
  }

  @Test
  void theManifestIsAConfigMapNamedAsArgoNamesIt() {
    assertThat(BuiltInCatalogue.manifest())
        .contains("kind: ConfigMap")
        .contains("name: argo-rollouts-notification-configmap");
  }
}
