package dev.rollouts.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Argo Rollouts' notification metrics in Micrometer: counters {@code notification_send_success} and
 * {@code notification_send_error}, and the latency histogram {@code notification_send}, tagged
 * {@code namespace}, {@code name}, {@code type} (the event type) and {@code reason} (the event
 * reason, or the trigger on the state path).
 */
public final class MicrometerDeliveryListener implements DeliveryListener {

  private final MeterRegistry registry;

  /** Reports to {@code registry}. */
  public MicrometerDeliveryListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void delivered(Delivery delivery, Duration latency) {
    counter("notification_send_success", delivery).increment();
    timer(delivery).record(latency);
  }

  @Override
  public void failed(Delivery delivery, Duration latency, String message) {
    counter("notification_send_error", delivery).increment();
    timer(delivery).record(latency);
  }

  private Counter counter(String name, Delivery d) {
    return Counter.builder(name)
        .description("Notifications " + (name.endsWith("success") ? "sent" : "that failed to send"))
        .tags(
            "namespace",
            d.namespace(),
            "name",
            d.name(),
            "type",
            d.eventType(),
            "reason",
            d.reason())
        .register(registry);
  }

  private Timer timer(Delivery d) {
    return Timer.builder("notification_send")
        .description("Time to send a notification")
        .publishPercentileHistogram()
        .tags(
            "namespace",
            d.namespace(),
            "name",
            d.name(),
            "type",
            d.eventType(),
            "reason",
            d.reason())
        .register(registry);
  }
}
