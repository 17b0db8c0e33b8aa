package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.decision.RolloutEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ControllerMetrics} on a Micrometer {@link MeterRegistry}, named after Argo Rollouts'
 * metrics (a Prometheus registry renders them as below):
 *
 * <ul>
 *   <li>{@code rollout_info{namespace,name,strategy,phase}} = 1, one series per Rollout;
 *   <li>{@code rollout_info_replicas_desired}, {@code _available}, {@code _updated} {@code
 *       {namespace,name}};
 *   <li>{@code rollout_reconcile_seconds{namespace,name}} (a timer) and {@code
 *       rollout_reconcile_error_total{namespace,name}};
 *   <li>{@code rollout_events_total{namespace,name,type,reason}}.
 * </ul>
 *
 * <p>Micrometer is an optional dependency of {@code rollouts-kubernetes}: this class is the only
 * one that needs it, and it is loaded only when a host passes it to the builder.
 *
 * <pre>{@code
 * RolloutController.builder(client).metrics(MicrometerMetrics.of(prometheusRegistry)).build();
 * }</pre>
 */
public final class MicrometerMetrics implements ControllerMetrics {

  private final MeterRegistry registry;
  private final Map<String, RolloutMeters> rollouts = new ConcurrentHashMap<>();

  private MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics reported to {@code registry}. */
  public static MicrometerMetrics of(MeterRegistry registry) {
    return new MicrometerMetrics(registry);
  }

  @Override
  public java.util.Optional<dev.rollouts.notifications.DeliveryListener> notificationListener() {
    return java.util.Optional.of(
        new dev.rollouts.notifications.MicrometerDeliveryListener(registry));
  }

  @Override
  public void reconciled(String namespace, String name, Duration took, Outcome outcome) {
    Tags tags = Tags.of("namespace", namespace, "name", name);
    Timer.builder("rollout.reconcile")
        .description("Rollout reconciliation performance")
        .tags(tags)
        .register(registry)
        .record(took);
    if (outcome == Outcome.ERROR) {
      Counter.builder("rollout.reconcile.error")
          .description("Error occurring during the rollout")
          .tags(tags)
          .register(registry)
          .increment();
    }
  }

  @Override
  public void rolloutInfo(RolloutInfo info) {
    RolloutMeters meters =
        rollouts.computeIfAbsent(
            info.namespace() + "/" + info.name(), k -> new RolloutMeters(info));
    meters.update(info);
  }

  @Override
  public void rolloutRemoved(String namespace, String name) {
    RolloutMeters meters = rollouts.remove(namespace + "/" + name);
    if (meters != null) {
      meters.remove();
    }
  }

  @Override
  public void eventRecorded(String namespace, String name, RolloutEvent event) {
    Counter.builder("rollout.events")
        .description("Number of events emitted for a rollout")
        .tags(
            "namespace",
            namespace,
            "name",
            name,
            "type",
            event.type().name(),
            "reason",
            event.reason())
        .register(registry)
        .increment();
  }

  /** The meters of one Rollout. */
  private final class RolloutMeters {
    private final Tags tags;
    private final AtomicInteger desired = new AtomicInteger();
    private final AtomicInteger available = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final List<Meter> replicaGauges = new ArrayList<>();
    private Meter info;
    private String infoKey = "";

    RolloutMeters(RolloutInfo first) {
      this.tags = Tags.of("namespace", first.namespace(), "name", first.name());
      replicaGauges.add(
          gauge("rollout.info.replicas.desired", "Number of desired rollout pods", desired));
      replicaGauges.add(
          gauge("rollout.info.replicas.available", "Number of available rollout pods", available));
      replicaGauges.add(
          gauge("rollout.info.replicas.updated", "Number of updated rollout pods", updated));
    }

    private Meter gauge(String name, String description, AtomicInteger value) {
      return Gauge.builder(name, value, AtomicInteger::get)
          .description(description)
          .tags(tags)
          .register(registry);
    }

    synchronized void update(RolloutInfo state) {
      desired.set(state.desiredReplicas());
      available.set(state.availableReplicas());
      updated.set(state.updatedReplicas());
      String key = state.strategy() + "/" + state.phase();
      if (!key.equals(infoKey)) {
        if (info != null) {
          registry.remove(info);
        }
        info =
            Gauge.builder("rollout.info", () -> 1)
                .description("Information about a rollout")
                .tags(tags.and("strategy", state.strategy(), "phase", state.phase()))
                .register(registry);
        infoKey = key;
      }
    }

    synchronized void remove() {
      if (info != null) {
        registry.remove(info);
      }
      replicaGauges.forEach(registry::remove);
      registry.find("rollout.reconcile").tags(tags).meters().forEach(registry::remove);
      registry.find("rollout.reconcile.error").tags(tags).meters().forEach(registry::remove);
    }
  }
}
