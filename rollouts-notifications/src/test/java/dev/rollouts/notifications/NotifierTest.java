package dev.rollouts.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.notifications.service.FakeHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asynchronous delivery: retries, failures reported, duplicates dropped, only the leader sends. */
@SuppressWarnings("unchecked")
class NotifierTest {

  private final FakeHttpServer slack = new FakeHttpServer();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();

  private final DeliveryListener recorder =
      new DeliveryListener() {
        @Override
        public void delivered(Delivery delivery, Duration latency) {
          outcomes.add(
              "delivered " + delivery.send().trigger() + " " + delivery.send().destination());
        }

        @Override
        public void failed(Delivery delivery, Duration latency, String message) {
          outcomes.add(
              "failed "
                  + delivery.send().trigger()
                  + " "
                  + delivery.send().destination()
                  + ": "
                  + message);
        }
      };

  @AfterEach
  void stop() {
    slack.close();
  }

  private NotificationConfig tutorialAgainstFake() {
    Map<String, String> data = new java.util.LinkedHashMap<>(BuiltInCatalogue.data());
    data.put("service.slack", "token: $slack-token\napiURL: " + slack.url() + "/api/\n");
    return NotificationConfig.parseStrings(data, Map.of("slack-token", "xoxb-1"));
  }

  private Notifier notifier(boolean leader) {
    return Notifier.builder(ConfigSource.of("argo-rollouts", tutorialAgainstFake()))
        .listener(recorder)
        .isLeader(() -> leader)
        .retries(3, Duration.ofMillis(10), Duration.ofMillis(50))
        .build();
  }

  @Test
  void sendsTheTutorialsSlackMessageWhenTheRolloutCompletes() {
    slack.alwaysReply(200, "{\"ok\":true}");
    Notifier notifier = notifier(true);

    notifier.onEvent("Normal", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    notifier.close(Duration.ofSeconds(10));

    assertThat(outcomes).containsExactly("delivered on-rollout-completed slack:my-channel");
    assertThat(slack.requests())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.text())
                    .contains("channel=my-channel")
                    .contains("text=Rollout+canary-demo+has+been+completed."));
  }

  @Test
  void retriesATransientFailureAndHonoursRetryAfter() throws Exception {
    slack
        .thenReply(503, Map.of(), "")
        .thenReply(429, Map.of("Retry-After", "0"), "")
        .alwaysReply(200, "{\"ok\":true}");
    Notifier notifier = notifier(true);

    notifier.onEvent("Normal", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    awaitOutcome();
    notifier.close(Duration.ofSeconds(10));

    assertThat(slack.requests()).hasSize(3);
    assertThat(outcomes).containsExactly("delivered on-rollout-completed slack:my-channel");
  }

  @Test
  void reportsAPermanentFailureOnceWithoutRetrying() throws Exception {
    slack.alwaysReply(200, "{\"ok\":false,\"error\":\"not_in_channel\"}");
    Notifier notifier = notifier(true);

    notifier.onEvent("Normal", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    awaitOutcome();
    notifier.close(Duration.ofSeconds(10));

    assertThat(outcomes)
        .containsExactly("failed on-rollout-completed slack:my-channel: not_in_channel");
    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void givesUpAfterTheLastAttempt() throws Exception {
    slack.alwaysReply(500, "");
    Notifier notifier = notifier(true);

    notifier.onEvent("Normal", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    awaitOutcome();
    notifier.close(Duration.ofSeconds(10));

    assertThat(slack.requests()).hasSize(3);
    assertThat(outcomes)
        .containsExactly("failed on-rollout-completed slack:my-channel: slack server error: 500");
  }

  @Test
  void twoEqualEventsTogetherSendOnce() {
    slack.alwaysReply(200, "{\"ok\":true}");
    Notifier notifier = notifier(true);

    notifier.onEvent("Warning", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    notifier.onEvent("Warning", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    notifier.close(Duration.ofSeconds(10));

    assertThat(slack.requests()).hasSize(1);
  }

  @Test
  void twoScalingEventsOfOneSyncAreBothSent() {
    slack.alwaysReply(200, "{\"ok\":true}");
    Map<String, Object> rollout = Fixtures.canary();
    ((Map<String, Object>) rollout.get("metadata"))
        .put(
            "annotations",
            Map.of("notifications.argoproj.io/subscribe.on-scaling-replica-set.slack", "c"));
    Notifier notifier = notifier(true);

    notifier.onEvent(
        "Normal",
        "ScalingReplicaSet",
        "Scaled up ReplicaSet web-2 from 0 to 1",
        rollout,
        Optional.empty());
    notifier.onEvent(
        "Normal",
        "ScalingReplicaSet",
        "Scaled down ReplicaSet web-1 from 3 to 2",
        rollout,
        Optional.empty());
    notifier.close(Duration.ofSeconds(10));

    assertThat(slack.requests()).hasSize(2);
  }

  @Test
  void aFollowerSendsNothing() {
    slack.alwaysReply(200, "{\"ok\":true}");
    Notifier notifier = notifier(false);

    notifier.onEvent("Normal", "RolloutCompleted", Fixtures.canary(), Optional.empty());
    notifier.close(Duration.ofSeconds(10));

    assertThat(slack.requests()).isEmpty();
    assertThat(outcomes).isEmpty();
  }

  @Test
  void aTemplateThatFailsIsReportedAsAFailure() {
    Map<String, Object> blueGreen = Fixtures.blueGreen();
    ((Map<String, Object>) blueGreen.get("metadata"))
        .put(
            "annotations",
            Map.of("notifications.argoproj.io/subscribe.on-rollout-step-completed.slack", "c"));
    Notifier notifier = notifier(true);

    notifier.onEvent("Normal", "RolloutStepCompleted", blueGreen, Optional.empty());
    notifier.close(Duration.ofSeconds(10));

    assertThat(outcomes)
        .singleElement()
        .asString()
        .startsWith("failed on-rollout-step-completed slack:c: template: rollout-step-completed");
    assertThat(slack.requests()).isEmpty();
  }

  private void awaitOutcome() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (outcomes.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
