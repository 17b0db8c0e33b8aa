package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.notify.NotificationSettings;
import dev.rollouts.kubernetes.sim.Poll;
import dev.rollouts.notifications.BuiltInCatalogue;
import dev.rollouts.notifications.Planner;
import dev.rollouts.notifications.service.FakeHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's notifications against the in-process API server: the ConfigMap and Secret in
 * {@code argo-rollouts}, the Rollout's subscription annotation, and a Slack on loopback.
 */
class NotificationsIT {

  private final FakeHttpServer slack = new FakeHttpServer().alwaysReply(200, "{\"ok\":true}");
  private Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
    slack.close();
  }

  private void install(Map<String, String> extra) {
    fixture.cluster.createNamespace("argo-rollouts");
    Map<String, String> data = new LinkedHashMap<>(BuiltInCatalogue.data());
    data.put("service.slack", "token: $slack-token\napiURL: " + slack.url() + "/api/\n");
    data.putAll(extra);
    fixture
        .admin
        .configMaps()
        .inNamespace("argo-rollouts")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("argo-rollouts-notification-configmap")
                .endMetadata()
                .withData(data)
                .build())
        .create();
    fixture
        .admin
        .secrets()
        .inNamespace("argo-rollouts")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("argo-rollouts-notification-secret")
                .endMetadata()
                .withStringData(Map.of("slack-token", "xoxb-it"))
                .build())
        .create();
  }

  private RolloutResource subscribed(String annotationKey, String value) {
    RolloutResource rollout =
        Manifests.canary(
            NS, "web", 2, "nginx:1.25", Map.of("steps", List.of(Manifests.setWeight(50))));
    rollout.getMetadata().setAnnotations(Map.of(annotationKey, value));
    return rollout;
  }

  @Test
  void theTutorialsSlackMessageIsSentWhenTheRolloutCompletes() {
    fixture = Fixture.on(dev.rollouts.kubernetes.sim.Backend.IN_PROCESS);
    install(Map.of());
    fixture.controller("controller", b -> b.notifications(NotificationSettings.defaults()));
    fixture.create(
        subscribed("notifications.argoproj.io/subscribe.on-rollout-completed.slack", "my-channel"));
    fixture.awaitHealthyOn("web", "nginx:1.25");

    fixture.setImage("web", "nginx:1.26");
    fixture.awaitHealthyOn("web", "nginx:1.26");

    // once for the first deploy (the stable ReplicaSet appears), once for the update
    Poll.until(
        "Slack got the completion message of the update",
        () -> completions().size() == 2,
        slack::requests);
    FakeHttpServer.Recorded request = completions().get(1);
    assertThat(request.pathAndQuery()).isEqualTo("/api/chat.postMessage");
    assertThat(request.text())
        .contains("channel=my-channel")
        .contains("token=xoxb-it")
        .contains("%22value%22%3A%22nginx%3A1.26%22");
  }

  private List<FakeHttpServer.Recorded> completions() {
    return slack.requests().stream()
        .filter(r -> r.text().contains("text=Rollout+web+has+been+completed."))
        .toList();
  }

  @Test
  void aWhenConditionFiresOnceAndIsRememberedInTheNotifiedAnnotation() {
    fixture = Fixture.on(dev.rollouts.kubernetes.sim.Backend.IN_PROCESS);
    install(
        Map.of(
            "trigger.on-new-image",
            "- send: [rollout-updated]\n  when: rollout.spec.template.spec.containers[0].image == 'nginx:1.26'"));
    fixture.controller("controller", b -> b.notifications(NotificationSettings.defaults()));
    fixture.create(subscribed("notifications.argoproj.io/subscribe.on-new-image.slack", "images"));
    fixture.awaitHealthyOn("web", "nginx:1.25");

    fixture.setImage("web", "nginx:1.26");
    fixture.awaitHealthyOn("web", "nginx:1.26");

    Poll.until(
        "the notified annotation is written",
        () -> annotations().containsKey(Planner.NOTIFIED_ANNOTATION),
        this::annotations);
    assertThat(annotations().get(Planner.NOTIFIED_ANNOTATION))
        .startsWith("{\"on-new-image:[0].")
        .contains(":slack:images\":");
    Poll.until(
        "Slack got the update message",
        () -> slack.requests().stream().anyMatch(r -> r.text().contains("channel=images")),
        slack::requests);
    assertThat(slack.requests().stream().filter(r -> r.text().contains("channel=images")))
        .hasSize(1);
  }

  @Test
  void aFailedNotificationIsRecordedAsAnEventOnTheRollout() {
    fixture = Fixture.on(dev.rollouts.kubernetes.sim.Backend.IN_PROCESS);
    slack.alwaysReply(200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
    install(Map.of());
    fixture.controller(
        "controller",
        b ->
            b.notifications(
                NotificationSettings.defaults()
                    .tuning(n -> n.retries(1, Duration.ofMillis(10), Duration.ofMillis(10)))));
    fixture.create(
        subscribed("notifications.argoproj.io/subscribe.on-rollout-updated.slack", "nowhere"));

    Poll.until(
        "a NotificationFailed event",
        () ->
            fixture.events("web").stream()
                .anyMatch(e -> e.getReason().equals("NotificationFailed")),
        () -> fixture.events("web").stream().map(Event::getReason).toList());
    Event failed =
        fixture.events("web").stream()
            .filter(e -> e.getReason().equals("NotificationFailed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.getType()).isEqualTo("Warning");
    assertThat(failed.getMessage())
        .isEqualTo("Notification on-rollout-updated to slack:nowhere failed: channel_not_found")
        .doesNotContain("xoxb-it");
  }

  private Map<String, String> annotations() {
    Map<String, String> a =
        fixture
            .admin
            .resources(RolloutResource.class)
            .inNamespace(NS)
            .withName("web")
            .get()
            .getMetadata()
            .getAnnotations();
    return a == null ? Map.of() : a;
  }
}
