package dev.rollouts.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ParseConfig and the subscription rules of notifications-engine (pkg/api/config.go,
 * pkg/subscriptions).
 */
class NotificationConfigTest {

  @Test
  void replacesSecretReferencesInsideServiceSettings() {
    NotificationConfig config =
        NotificationConfig.parseStrings(
            Map.of(
                "service.webhook.github",
                "url: https://api.github.com\nheaders:\n- name: Authorization\n  value: token $github-token\n- name: X\n  value: $not-there\n"),
            Map.of("github-token", "s3cr3t"));

    ServiceConfig github = config.services().get("github");
    assertThat(github.type()).isEqualTo("webhook");
    assertThat(github.settings().get("headers"))
        .isEqualTo(
            List.of(
                Map.of("name", "Authorization", "value", "token s3cr3t"),
                Map.of("name", "X", "value", "$not-there")));
    assertThat(github.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void readsTheTutorialsSlackToken() {
    NotificationConfig config = Fixtures.tutorial();

    assertThat(config.services().get("slack").settings())
        .containsEntry("token", "xoxb-tutorial-token");
    assertThat(config.triggers()).containsKey("on-rollout-completed");
  }

  @Test
  void rejectsAServiceKeyOfFourParts() {
    assertThatThrownBy(
            () ->
                NotificationConfig.parseStrings(Map.of("service.slack.a.b", "token: x"), Map.of()))
        .isInstanceOf(NotificationConfigException.class)
        .hasMessage(
            "invalid service key; expected 'service.<type>(.<name>)' but got 'service.slack.a.b'");
  }

  @Test
  void namesATemplateThatDoesNotParse() {
    assertThatThrownBy(
            () ->
                NotificationConfig.parseStrings(
                    Map.of("template.my.dotted", "message: '{{.a'"), Map.of()))
        .isInstanceOf(NotificationConfigException.class)
        .hasMessageStartingWith(
            "error in 'my.dotted' message : template: my.dotted:1: unclosed action");
  }

  @Test
  void subscribesTheAnnotationsRecipientsSplitOnSemicolons() {
    NotificationConfig config =
        NotificationConfig.parseStrings(
            Map.of(
                "defaultTriggers",
                "[on-rollout-aborted]",
                "defaultTriggers.mail",
                "- on-rollout-paused"),
            Map.of());

    Map<String, List<Destination>> destinations =
        config.destinations(
            Map.of(),
            Map.of(
                "notifications.argoproj.io/subscribe.on-rollout-step-completed.slack",
                    " my-channel1; my-channel2;",
                "notifications.argoproj.io/subscribe.on-rollout-updated.webhook", "",
                "notifications.argoproj.io/subscribe.slack", "defaults",
                "notifications.argoproj.io/subscribe.mail", "ops@example.com",
                "unrelated", "x"));

    assertThat(destinations)
        .containsEntry(
            "on-rollout-step-completed",
            List.of(
                new Destination("slack", "my-channel1"), new Destination("slack", "my-channel2")))
        .containsEntry("on-rollout-updated", List.of(new Destination("webhook", "")))
        .containsEntry("on-rollout-aborted", List.of(new Destination("slack", "defaults")))
        .containsEntry("on-rollout-paused", List.of(new Destination("mail", "ops@example.com")));
  }

  @Test
  void readsTheSubscriptionsAnnotation() {
    NotificationConfig config = NotificationConfig.empty();

    Map<String, List<Destination>> destinations =
        config.destinations(
            Map.of(),
            Map.of(
                "notifications.argoproj.io/subscriptions",
                "- trigger: [on-rollout-aborted, on-analysis-run-failed]\n  destinations:\n  - service: slack\n    recipients: [chan-a, chan-b]\n"));

    assertThat(destinations.get("on-analysis-run-failed"))
        .containsExactly(new Destination("slack", "chan-a"), new Destination("slack", "chan-b"));
  }

  @Test
  void appliesConfigMapSubscriptionsWhoseSelectorMatchesTheLabels() {
    NotificationConfig config =
        NotificationConfig.parseStrings(
            Map.of(
                "defaultTriggers",
                "[on-rollout-completed]",
                "subscriptions",
                """
                - recipients: [slack:payments, "webhook:"]
                  triggers: [on-rollout-aborted]
                  selector: team=payments,tier in (web, api)
                - recipients: [slack:everyone]
                """),
            Map.of());

    assertThat(config.destinations(Map.of("team", "payments", "tier", "web"), Map.of()))
        .containsEntry(
            "on-rollout-aborted",
            List.of(new Destination("slack", "payments"), new Destination("webhook", "")))
        .containsEntry("on-rollout-completed", List.of(new Destination("slack", "everyone")));
    assertThat(config.destinations(Map.of("team", "search"), Map.of()))
        .doesNotContainKey("on-rollout-aborted");
  }

  @Test
  void keepsOnlyTheFirstTwoPartsOfAConfigMapRecipient() {
    assertThat(Destination.parse("webhook:https://example.com"))
        .isEqualTo(new Destination("webhook", "https"));
  }
}
