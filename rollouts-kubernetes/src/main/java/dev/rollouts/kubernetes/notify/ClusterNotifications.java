package dev.rollouts.kubernetes.notify;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.apply.EventRecorder;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.notifications.DeliveryListener;
import dev.rollouts.notifications.Notifier;
import dev.rollouts.notifications.Planner;
import dev.rollouts.notifications.template.Json;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications for the controller: every event it records on a Rollout goes to the {@link
 * Notifier} (with the Rollout as it was when recorded), each synced Rollout runs the {@code when}
 * state path (its {@value Planner#NOTIFIED_ANNOTATION} annotation patched when it changed), and a
 * notification given up on is recorded as a Warning Event {@code NotificationFailed} on the
 * Rollout. Nothing here throws into a sync.
 */
public final class ClusterNotifications implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNotifications.class);

  private final KubernetesClient client;
  private final ConfigCache configs;
  private final Notifier notifier;

  /**
   * Notifications through {@code client}, sending only while {@code isLeader}; failures recorded
   * with {@code failures} (a recorder that does not notify).
   */
  public ClusterNotifications(
      KubernetesClient client,
      NotificationSettings settings,
      BooleanSupplier isLeader,
      EventRecorder failures) {
    this.client = client;
    this.configs = new ConfigCache(client, settings.controllerNamespace, settings.selfService);
    DeliveryListener events =
        new DeliveryListener() {
          @Override
          public void delivered(Delivery delivery, Duration latency) {}

          @Override
          public void failed(Delivery delivery, Duration latency, String message) {
            recordFailure(failures, delivery, message);
          }
        };
    this.notifier =
        settings
            .tuning
            .apply(
                Notifier.builder(configs)
                    .isLeader(isLeader)
                    .listener(settings.listener.and(events)))
            .build();
  }

  /**
   * Starts the ConfigMap and Secret informers and waits for them. A controller that may not read
   * them (RBAC) runs on without notifications, saying so.
   */
  public void start(Duration timeout) {
    try {
      configs.start(timeout);
    } catch (Exception e) {
      LOG.error(
          "notifications are off: the notification ConfigMap and Secret cannot be watched: {}",
          e.getMessage());
    }
  }

  /** {@code event} was recorded on {@code rollout}. */
  public void onEvent(RolloutResource rollout, RolloutEvent event) {
    if (configs.configsFor(rollout.getMetadata().getNamespace()).isEmpty()) {
      return;
    }
    try {
      Map<String, Object> snapshot = toMap(rollout);
      notifier.onEvent(
          event.type().name(), event.reason(), event.message(), snapshot, Optional.empty());
    } catch (RuntimeException e) {
      LOG.error(
          "[{}] notification for {} not queued: {}", key(rollout), event.reason(), e.getMessage());
    }
  }

  /**
   * {@code rollout} was synced: evaluates {@code when} conditions; patches the memory annotation.
   */
  public void onSynced(RolloutResource rollout) {
    boolean anyCondition =
        configs.configsFor(rollout.getMetadata().getNamespace()).stream()
            .flatMap(scoped -> scoped.config().triggers().values().stream())
            .flatMap(List::stream)
            .anyMatch(condition -> condition.when().isPresent());
    boolean remembered =
        rollout.getMetadata().getAnnotations() != null
            && rollout.getMetadata().getAnnotations().containsKey(Planner.NOTIFIED_ANNOTATION);
    if (!anyCondition && !remembered) {
      return; // nothing to evaluate and nothing to forget: no work on the sync thread
    }
    try {
      Optional<Optional<String>> change = notifier.onState(toMap(rollout), analysisRuns(rollout));
      if (change.isEmpty()) {
        return;
      }
      Map<String, Object> annotations = new LinkedHashMap<>();
      annotations.put(Planner.NOTIFIED_ANNOTATION, change.get().orElse(null));
      String patch = Json.writeRaw(Map.of("metadata", Map.of("annotations", annotations)));
      client
          .resources(RolloutResource.class)
          .inNamespace(rollout.getMetadata().getNamespace())
          .withName(rollout.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      LOG.warn("[{}] notification state not saved: {}", key(rollout), e.getMessage());
    }
  }

  private Map<String, Object> toMap(RolloutResource rollout) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map =
        (Map<String, Object>) Json.read(client.getKubernetesSerialization().asJson(rollout));
    return map;
  }

  /**
   * {@code analysisRuns}: not provided yet (nil in templates and conditions), as Argo's CLI also
   * leaves it; the AnalysisRun reconciler is another module's work.
   */
  private static Optional<List<Object>> analysisRuns(RolloutResource rollout) {
    return Optional.empty();
  }

  private void recordFailure(
      EventRecorder failures, DeliveryListener.Delivery delivery, String message) {
    try {
      RolloutResource rollout =
          client
              .getKubernetesSerialization()
              .convertValue(delivery.rollout(), RolloutResource.class);
      failures.record(
          rollout,
          RolloutEvent.warning(
              "NotificationFailed",
              "Notification "
                  + delivery.send().trigger()
                  + " to "
                  + delivery.send().destination()
                  + " failed: "
                  + message));
    } catch (RuntimeException e) {
      LOG.warn(
          "[{}/{}] failure event not recorded: {}",
          delivery.namespace(),
          delivery.name(),
          e.getMessage());
    }
  }

  private static String key(RolloutResource rollout) {
    return rollout.getMetadata().getNamespace() + "/" + rollout.getMetadata().getName();
  }

  @Override
  public void close() {
    notifier.close();
    configs.close();
  }
}
