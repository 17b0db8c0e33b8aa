package dev.rollouts.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo's notification metrics: docs/features/notifications.md, "Notification Metrics". */
class MicrometerDeliveryListenerTest {

  @Test
  void countsSuccessesAndErrorsAndTimesEverySend() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerDeliveryListener listener = new MicrometerDeliveryListener(registry);
    DeliveryListener.Delivery delivery =
        new DeliveryListener.Delivery(
            Fixtures.canary(),
            "Normal",
            "RolloutCompleted",
            new PlannedSend(
                "on-rollout-completed",
                List.of("rollout-completed"),
                new Destination("slack", "c")));

    listener.delivered(delivery, Duration.ofMillis(120));
    listener.delivered(delivery, Duration.ofMillis(80));
    listener.failed(delivery, Duration.ofMillis(30), "channel_not_found");

    String[] tags = {
      "namespace", "default", "name", "canary-demo", "type", "Normal", "reason", "RolloutCompleted"
    };
    assertThat(registry.get("notification_send_success").tags(tags).counter().count()).isEqualTo(2);
    assertThat(registry.get("notification_send_error").tags(tags).counter().count()).isEqualTo(1);
    assertThat(registry.get("notification_send").tags(tags).timer().count()).isEqualTo(3);
    assertThat(
            registry
                .get("notification_send")
                .tags(tags)
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(230);
  }
}
