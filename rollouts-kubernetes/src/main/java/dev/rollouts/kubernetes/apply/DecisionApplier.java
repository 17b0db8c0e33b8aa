package dev.rollouts.kubernetes.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetCreation;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.apply.ObjectWrite.Operation;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import dev.rollouts.kubernetes.mapping.ClusterState;
import dev.rollouts.kubernetes.mapping.StatusMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link Decision} true on the cluster, given the objects it was decided from.
 *
 * <p>The order keeps the availability bounds at every intermediate state: create the new
 * ReplicaSet, scale up, set Service selectors, apply routing objects, scale down, delete past
 * history, sync the ephemeral metadata of running pods, set the Rollout's {@value
 * Annotations#REVISION} annotation, write the status (status subresource only), then record the
 * Decision's events. A ReplicaSet's ephemeral pod metadata ({@code podMetadata} of its creation or
 * update, see {@link EphemeralPodMetadata}) goes into the same write as its replicas. A step writes
 * only what differs from what was observed, and each update carries the {@code resourceVersion} it
 * was based on, so a stale read fails with 409 rather than overwriting a newer change. When a step
 * fails, the applier stops and throws {@link ApplyException} with what it had written: every step
 * is a desired state, so the next decision picks up from there.
 *
 * <pre>{@code
 * DecisionApplier applier = DecisionApplier.create(
 *     client, EventRecorder.kubernetes(client, "rollouts-controller"), WriteGuard.ALWAYS);
 * AppliedDecision applied = applier.apply(state, decision);   // state: what decision was made from
 * }</pre>
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class DecisionApplier {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionApplier.class);

  /** The event reason Argo Rollouts uses when it scales a ReplicaSet. */
  public static final String SCALING_REPLICA_SET = "ScalingReplicaSet";

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final EventRecorder events;
  private final WriteGuard guard;

  private DecisionApplier(KubernetesClient client, EventRecorder events, WriteGuard guard) {
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
    this.events = events;
    this.guard = guard;
  }

  /**
   * An applier that writes through {@code client}.
   *
   * @param events where the events go
   * @param guard asked before every write
   */
  public static DecisionApplier create(
      KubernetesClient client, EventRecorder events, WriteGuard guard) {
    return new DecisionApplier(client, events, guard);
  }

  /**
   * Applies {@code decision}, decided from {@code state}.
   *
   * @throws ApplyException if a write fails; nothing after it is attempted
   * @throws WriteGuard.WriteRefusedException if the guard refuses a write
   */
  public AppliedDecision apply(ClusterState state, Decision decision) {
    Run run = new Run(state, decision);
    run.createReplicaSet();
    run.scale(true);
    run.serviceSelectors();
    run.routingObjects();
    run.scale(false);
    run.deleteReplicaSets();
    run.podMetadata();
    run.rolloutRevision();
    run.status();
    run.decisionEvents();
    return run.writes.result();
  }

  /** One application of one Decision. */
  private final class Run {
    private final RolloutResource rollout;

    /** The Rollout as last written in this run: what the next write of it is based on. */
    private RolloutResource latestRollout;

    private final Observation observed;
    private final Decision decision;
    private final String namespace;
    private final String logKey;
    private final boolean engineReportsScaling;
    private final Writes writes;
    private final PodMetadataSync pods;

    Run(ClusterState state, Decision decision) {
      this.rollout = state.rollout();
      this.latestRollout = rollout;
      this.observed = new Observation(state);
      this.decision = decision;
      this.namespace = rollout.getMetadata().getNamespace();
      this.logKey = namespace + "/" + rollout.getMetadata().getName();
      this.writes = new Writes(guard, namespace);
      this.pods = new PodMetadataSync(client, writes);
      this.engineReportsScaling =
          decision.events().stream().anyMatch(e -> e.reason().equals(SCALING_REPLICA_SET));
    }

    void createReplicaSet() {
      decision
          .createReplicaSet()
          .filter(c -> observed.replicaSet(c.name()).isEmpty())
          .ifPresent(
              creation -> {
                ReplicaSet rs = ReplicaSets.newReplicaSet(rollout, creation, serialization);
                ReplicaSet created =
                    write(
                        "create ReplicaSet " + namespace + "/" + creation.name(),
                        () ->
                            client
                                .apps()
                                .replicaSets()
                                .inNamespace(namespace)
                                .resource(rs)
                                .create());
                record(created, Operation.CREATE, null);
                LOG.info(
                    "[{}] created ReplicaSet {} with {} replicas",
                    logKey,
                    creation.name(),
                    creation.replicas());
                if (creation.replicas() > 0) {
                  scalingEvent(
                      String.format(
                          "Scaled up replica set %s to %d", creation.name(), creation.replicas()));
                }
              });
    }

    void scale(boolean up) {
      int rolloutReplicas = ReplicaSets.rolloutReplicas(rollout);
      for (ReplicaSetUpdate update : decision.replicaSets()) {
        Optional<ReplicaSet> current = observed.replicaSet(update.name());
        if (current.isEmpty() || decision.deleteReplicaSets().contains(update.name())) {
          continue;
        }
        int from = ReplicaSets.specReplicas(current.get());
        if (up ? update.replicas() < from : update.replicas() >= from) {
          continue;
        }
        ReplicaSet desired = serialization.clone(current.get());
        if (!ReplicaSets.applyUpdate(desired, update, rolloutReplicas)) {
          continue;
        }
        String direction = update.replicas() > from ? "up" : "down";
        String step =
            (from == update.replicas() ? "update" : "scale " + direction)
                + " ReplicaSet "
                + namespace
                + "/"
                + update.name();
        ReplicaSet written =
            write(
                step,
                () ->
                    client
                        .apps()
                        .replicaSets()
                        .resource(serialization.clone(current.get()))
                        .edit(rs -> desired));
        record(written, Operation.UPDATE, current.get());
        if (from != update.replicas()) {
          LOG.info(
              "[{}] scaled {} ReplicaSet {} from {} to {}",
              logKey,
              direction,
              update.name(),
              from,
              update.replicas());
          scalingEvent(
              String.format(
                  "Scaled %s replica set %s from %d to %d",
                  direction, update.name(), from, update.replicas()));
        }
      }
    }

    void serviceSelectors() {
      decision
          .serviceSelectors()
          .forEach(
              (name, selector) -> {
                Optional<Service> current = observed.service(name);
                if (current.isEmpty()) {
                  LOG.warn("[{}] Service {} does not exist; its selector is not set", logKey, name);
                  return;
                }
                if (Objects.equals(current.get().getSpec().getSelector(), selector)) {
                  return;
                }
                Service written =
                    write(
                        "set the selector of Service " + namespace + "/" + name,
                        () ->
                            client
                                .services()
                                .resource(serialization.clone(current.get()))
                                .edit(
                                    s -> {
                                      s.getSpec().setSelector(new LinkedHashMap<>(selector));
                                      return s;
                                    }));
                record(written, Operation.UPDATE, current.get());
                LOG.info("[{}] Service {} now selects {}", logKey, name, selector);
              });
    }

    void routingObjects() {
      decision
          .routingObjects()
          .forEach(
              manifest -> {
                HasMetadata desired =
                    serialization.convertValue(manifest.content(), HasMetadata.class);
                if (desired.getMetadata().getNamespace() == null) {
                  desired.getMetadata().setNamespace(namespace);
                }
                String what = manifest.kind() + " " + namespace + "/" + manifest.name();
                Optional<HasMetadata> current =
                    observed.routingObject(manifest.kind(), manifest.name());
                if (current.isEmpty()) {
                  HasMetadata created =
                      write("create " + what, () -> client.resource(desired).create());
                  record(created, Operation.CREATE, null);
                  LOG.info("[{}] created {}", logKey, what);
                } else if (RoutingObjects.differs(serialization, current.get(), desired)) {
                  HasMetadata replacement = RoutingObjects.replacementOf(current.get(), desired);
                  HasMetadata updated =
                      write("update " + what, () -> client.resource(replacement).update());
                  record(updated, Operation.UPDATE, current.get());
                  LOG.info("[{}] updated {}", logKey, what);
                }
              });
    }

    void deleteReplicaSets() {
      for (String name : decision.deleteReplicaSets()) {
        Optional<ReplicaSet> current = observed.replicaSet(name);
        if (current.isEmpty()) {
          continue;
        }
        write(
            "delete ReplicaSet " + namespace + "/" + name,
            () -> client.apps().replicaSets().inNamespace(namespace).withName(name).delete());
        record(current.get(), Operation.DELETE, current.get());
        LOG.info("[{}] deleted ReplicaSet {} (revision history)", logKey, name);
      }
    }

    void podMetadata() {
      pods.syncAll(decision, observed, logKey);
    }

    /**
     * Argo's setRolloutRevision: the Rollout's own {@value Annotations#REVISION} annotation is the
     * revision of its new ReplicaSet (the one whose hash is {@code status.currentPodHash}), written
     * with a JSON Patch of that annotation alone.
     */
    void rolloutRevision() {
      Optional<String> revision = newRevision().map(String::valueOf);
      Map<String, String> annotations =
          Optional.ofNullable(rollout.getMetadata().getAnnotations()).orElse(Map.of());
      if (revision.isEmpty() || revision.get().equals(annotations.get(Annotations.REVISION))) {
        return;
      }
      RolloutResource written =
          write(
              "set the revision of Rollout " + logKey,
              () ->
                  client
                      .resources(RolloutResource.class)
                      .inNamespace(namespace)
                      .resource(serialization.clone(latestRollout))
                      .edit(
                          r -> {
                            Map<String, String> edited =
                                new LinkedHashMap<>(
                                    Optional.ofNullable(r.getMetadata().getAnnotations())
                                        .orElse(Map.of()));
                            edited.put(Annotations.REVISION, revision.get());
                            r.getMetadata().setAnnotations(edited);
                            return r;
                          }));
      record(written, Operation.UPDATE, latestRollout);
      latestRollout = written;
      LOG.info("[{}] Rollout revision {}", logKey, revision.get());
    }

    /** The revision of the ReplicaSet whose pod-template hash is the new status' currentPodHash. */
    private Optional<Long> newRevision() {
      Optional<String> hash = decision.status().currentPodHash();
      if (hash.isEmpty()) {
        return Optional.empty();
      }
      Optional<ReplicaSetCreation> created =
          decision.createReplicaSet().filter(c -> c.podTemplateHash().equals(hash.get()));
      if (created.isPresent()) {
        return Optional.of(created.get().revision());
      }
      return decision.replicaSets().stream()
          .filter(
              u ->
                  observed
                      .replicaSet(u.name())
                      .map(rs -> rs.getMetadata().getLabels())
                      .map(
                          labels ->
                              hash.get().equals(labels.get(Annotations.POD_TEMPLATE_HASH_LABEL)))
                      .orElse(false))
          .map(ReplicaSetUpdate::revision)
          .filter(r -> r > 0)
          .findFirst();
    }

    void status() {
      Map<String, Object> desired = new LinkedHashMap<>(StatusMapper.toMap(decision.status()));
      Long generation = latestRollout.getMetadata().getGeneration();
      if (generation != null) {
        desired.put("observedGeneration", Long.toString(generation));
      }
      Map<String, Object> merged = StatusMerge.merge(rollout.getStatus(), desired);
      if (tree(merged).equals(tree(rollout.getStatus()))) {
        return;
      }
      RolloutResource written =
          write(
              "write the status of Rollout " + logKey,
              () ->
                  client
                      .resources(RolloutResource.class)
                      .inNamespace(namespace)
                      .resource(serialization.clone(latestRollout))
                      .editStatus(
                          r -> {
                            r.setStatus(merged);
                            return r;
                          }));
      record(written, Operation.UPDATE, latestRollout);
      LOG.debug("[{}] status written: phase {}", logKey, merged.get("phase"));
    }

    void decisionEvents() {
      for (RolloutEvent event : decision.events()) {
        events.record(rollout, event);
        writes.event(event);
      }
    }

    private void scalingEvent(String message) {
      if (!engineReportsScaling) {
        RolloutEvent event = RolloutEvent.normal(SCALING_REPLICA_SET, message);
        events.record(rollout, event);
        writes.event(event);
      }
    }

    private <T> T write(String step, Supplier<T> request) {
      return writes.send(step, request);
    }

    private void record(HasMetadata after, Operation operation, HasMetadata before) {
      writes.record(after, operation, before);
    }

    private JsonNode tree(Map<String, Object> map) {
      return serialization.unmarshal(serialization.asJson(map), JsonNode.class);
    }
  }
}
