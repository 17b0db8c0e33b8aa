package dev.rollouts.notifications;

import java.time.Duration;
import java.util.Map;

/**
 * Told about every delivery's outcome, for metrics and Kubernetes Events. Called on a delivery
 * thread; must not block. {@code message} never contains secrets (services promise it).
 */
public interface DeliveryListener {

  /** A notification was delivered. */
  void delivered(Delivery delivery, Duration latency);

  /** A notification was given up on (after its retries, or at once for a permanent failure). */
  void failed(Delivery delivery, Duration latency, String message);

  /** What was being delivered: the Rollout (as a JSON map), the event and the send. */
  record Delivery(Map<String, Object> rollout, String eventType, String reason, PlannedSend send) {

    /** The Rollout's namespace. */
    public String namespace() {
      return metadata("namespace");
    }

    /** The Rollout's name. */
    public String name() {
      return metadata("name");
    }

    private String metadata(String field) {
      return rollout.get("metadata") instanceof Map<?, ?> m && m.get(field) != null
          ? m.get(field).toString()
          : "";
    }
  }

  /** Ignores everything. */
  DeliveryListener NONE =
      new DeliveryListener() {
        @Override
        public void delivered(Delivery delivery, Duration latency) {}

        @Override
        public void failed(Delivery delivery, Duration latency, String message) {}
      };

  /** Tells both listeners. */
  default DeliveryListener and(DeliveryListener other) {
    DeliveryListener self = this;
    return new DeliveryListener() {
      @Override
      public void delivered(Delivery delivery, Duration latency) {
        self.delivered(delivery, latency);
        other.delivered(delivery, latency);
      }

      @Override
      public void failed(Delivery delivery, Duration latency, String message) {
        self.failed(delivery, latency, message);
        other.failed(delivery, latency, message);
      }
    };
  }
}
