package dev.rollouts.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.notifications.template.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The event path (record.go sendNotifications) and the state path (notifications-engine's
 * controller).
 */
class PlannerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void anEventSendsItsTriggersTemplatesToEachSubscribedDestinationOnce() {
    Map<String, Object> rollout = Fixtures.canary();
    NotificationConfig config =
        NotificationConfig.parseStrings(
            Map.of(
                "trigger.on-rollout-completed", "- send: [rollout-completed]",
                "template.rollout-completed", "message: done",
                "subscriptions",
                    "- recipients: [slack:my-channel]\n  triggers: [on-rollout-completed]"),
            Map.of());

    List<PlannedSend> sends =
        Planner.forEvent(config, "RolloutCompleted", rollout, Optional.empty());

    // subscribed twice (annotation and ConfigMap), sent once
    assertThat(sends)
        .containsExactly(
            new PlannedSend(
                "on-rollout-completed",
                List.of("rollout-completed"),
                new Destination("slack", "my-channel")));
  }

  @Test
  void anEventWithoutSubscriptionOrTriggerSendsNothing() {
    assertThat(
            Planner.forEvent(
                Fixtures.tutorial(), "RolloutPaused", Fixtures.canary(), Optional.empty()))
        .isEmpty();
    assertThat(
            Planner.forEvent(
                NotificationConfig.empty(),
                "RolloutCompleted",
                Fixtures.canary(),
                Optional.empty()))
        .isEmpty();
  }

  @Test
  void anEventTriggerWithAWhenSendsOnlyWhenItHolds() {
    NotificationConfig config =
        NotificationConfig.parseStrings(
            Map.of(
                "trigger.on-rollout-completed",
                "- send: [a]\n  when: rollout.spec.replicas > 5\n- send: [b]"),
            Map.of());

    assertThat(Planner.forEvent(config, "RolloutCompleted", Fixtures.canary(), Optional.empty()))
        .extracting(PlannedSend::templates)
        .containsExactly(List.of("b"));
  }

  private static NotificationConfig purple() {
    return NotificationConfig.parseStrings(
        Map.of(
            "trigger.on-purple",
            "- send: [my-purple-template]\n  when: rollout.spec.template.spec.containers[0].image == 'argoproj/rollouts-demo:purple'",
            "template.my-purple-template",
            "message: purple"),
        Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withImage(String image) {
    Map<String, Object> rollout = Fixtures.canary();
    Map<String, Object> metadata = (Map<String, Object>) rollout.get("metadata");
    metadata.put(
        "annotations",
        new HashMap<>(Map.of("notifications.argoproj.io/subscribe.on-purple.slack", "c")));
    Map<String, Object> spec =
        (Map<String, Object>) ((Map<String, Object>) rollout.get("spec")).get("template");
    List<Object> containers =
        (List<Object>) ((Map<String, Object>) spec.get("spec")).get("containers");
    ((Map<String, Object>) containers.get(0)).put("image", image);
    return rollout;
  }

  @Test
  void theStatePathSendsWhenAConditionTurnsTrueAndRemembersItAsNotificationsEngineDoes() {
    Planner.StateOutcome first =
        Planner.forState(
            purple(),
            Optional.empty(),
            withImage("argoproj/rollouts-demo:purple"),
            Optional.empty(),
            "",
            NOW);

    assertThat(first.sends()).extracting(PlannedSend::trigger).containsExactly("on-purple");
    // key: trigger:[index].base64url(sha1(when)):service:recipient, value: unix seconds
    String when =
        "rollout.spec.template.spec.containers[0].image == 'argoproj/rollouts-demo:purple'";
    String hash = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha1(when));
    assertThat(Json.read(first.annotation().orElseThrow()))
        .isEqualTo(Map.of("on-purple:[0]." + hash + ":slack:c", 1767225600.0));

    Planner.StateOutcome again =
        Planner.forState(
            purple(),
            Optional.empty(),
            withImage("argoproj/rollouts-demo:purple"),
            Optional.empty(),
            first.annotation().orElseThrow(),
            NOW.plusSeconds(60));
    assertThat(again.sends()).isEmpty();
    assertThat(again.changed()).isFalse();

    Planner.StateOutcome flipped =
        Planner.forState(
            purple(),
            Optional.empty(),
            withImage("argoproj/rollouts-demo:blue"),
            Optional.empty(),
            first.annotation().orElseThrow(),
            NOW.plusSeconds(120));
    assertThat(flipped.sends()).isEmpty();
    assertThat(flipped.annotation()).isEmpty();
    assertThat(flipped.changed()).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWhenConditionCanUseTimeNowAndParseAsInArgosDocs() {
    NotificationConfig config =
        NotificationConfig.parseStrings(
            Map.of(
                "trigger.on-restarted-long-ago",
                "- send: [t]\n  when: time.Now().Sub(time.Parse(rollout.spec.restartAt)).Minutes() > 4",
                "template.t",
                "message: x"),
            Map.of());
    Map<String, Object> rollout = Fixtures.canary();
    ((Map<String, Object>) rollout.get("metadata"))
        .put(
            "annotations",
            Map.of("notifications.argoproj.io/subscribe.on-restarted-long-ago.slack", "c"));
    ((Map<String, Object>) rollout.get("spec")).put("restartAt", "2025-12-31T23:50:00Z");

    assertThat(
            Planner.forState(config, Optional.empty(), rollout, Optional.empty(), "", NOW).sends())
        .hasSize(1);
    assertThat(
            Planner.forState(
                    config,
                    Optional.empty(),
                    rollout,
                    Optional.empty(),
                    "",
                    Instant.parse("2025-12-31T23:52:00Z"))
                .sends())
        .isEmpty();
  }

  @Test
  void selfServiceKeysArePrefixedWithTheConfigurationsNamespace() {
    Planner.StateOutcome outcome =
        Planner.forState(
            purple(),
            Optional.of("team-a"),
            withImage("argoproj/rollouts-demo:purple"),
            Optional.empty(),
            "",
            NOW);

    assertThat(outcome.annotation().orElseThrow()).startsWith("{\"team-a:on-purple:[0].");
  }

  @Test
  void triggersWithoutWhenNeverFireOnTheStatePath() {
    Planner.StateOutcome outcome =
        Planner.forState(
            Fixtures.tutorial(), Optional.empty(), Fixtures.canary(), Optional.empty(), "", NOW);

    assertThat(outcome.sends()).isEmpty();
    assertThat(outcome.changed()).isFalse();
  }

  private static byte[] sha1(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
