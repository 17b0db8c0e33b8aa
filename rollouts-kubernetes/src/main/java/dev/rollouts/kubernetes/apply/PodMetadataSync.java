package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.kubernetes.apply.ObjectWrite.Operation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pod half of Argo's ephemeral metadata: the running pods of a ReplicaSet get what its template
 * got (see {@link EphemeralPodMetadata}). The pods are those its selector selects in its namespace
 * and that it controls (Argo's GetPodsOwnedByReplicaSet), read from the API server, as no informer
 * caches pods. Each pod is changed with a JSON Patch based on the version read; on a conflict it is
 * read again and patched again, up to {@value #ATTEMPTS} attempts, as Argo does; a pod gone
 * meanwhile is skipped.
 */
final class PodMetadataSync {

  /** Attempts per pod before a conflict fails the application. */
  static final int ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(PodMetadataSync.class);

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final Writes writes;

  PodMetadataSync(KubernetesClient client, Writes writes) {
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
    this.writes = writes;
  }

  /**
   * Argo's reconcileEphemeralMetadata for pods: syncs the pods of each ReplicaSet whose update in
   * {@code decision} carries pod metadata, is not deleted and keeps pods, when there is ephemeral
   * metadata to inject or to remove. Reading the pods at each such sync, as Argo does, also repairs
   * pods an interrupted sync left behind and pods created from the template just before it changed.
   *
   * @param logKey the Rollout, as {@code namespace/name}, for the log
   */
  void syncAll(Decision decision, Observation observed, String logKey) {
    for (ReplicaSetUpdate update : decision.replicaSets()) {
      Optional<ReplicaSet> current = observed.replicaSet(update.name());
      if (update.podMetadata().isEmpty()
          || current.isEmpty()
          || update.replicas() == 0
          || decision.deleteReplicaSets().contains(update.name())) {
        continue;
      }
      ReplicaSet rs = current.get();
      PodMetadata recorded = EphemeralPodMetadata.recorded(rs.getMetadata().getAnnotations());
      PodMetadata injected =
          EphemeralPodMetadata.injectable(
              ReplicaSets.templateMetadata(serialization.clone(rs)),
              recorded,
              update.podMetadata().get());
      if (EphemeralPodMetadata.isEmpty(recorded) && EphemeralPodMetadata.isEmpty(injected)) {
        continue;
      }
      int changed = sync(rs, recorded, injected);
      if (changed > 0) {
        LOG.info(
            "[{}] ephemeral metadata {} synced to {} pods of ReplicaSet {}",
            logKey,
            injected,
            changed,
            update.name());
      }
    }
  }

  /**
   * Makes the pods of {@code rs} carry {@code injected} instead of {@code recorded}. Returns how
   * many it changed.
   *
   * @throws ApplyException if reading the pods or changing one fails
   */
  int sync(ReplicaSet rs, PodMetadata recorded, PodMetadata injected) {
    String namespace = rs.getMetadata().getNamespace();
    List<Pod> pods =
        writes.send(
            "list the pods of ReplicaSet " + namespace + "/" + rs.getMetadata().getName(),
            () ->
                client
                    .pods()
                    .inNamespace(namespace)
                    .withLabelSelector(rs.getSpec().getSelector())
                    .list()
                    .getItems());
    int changed = 0;
    for (Pod pod : pods) {
      if (controlledBy(pod, rs) && sync(pod, recorded, injected)) {
        changed++;
      }
    }
    return changed;
  }

  private boolean sync(Pod listed, PodMetadata recorded, PodMetadata injected) {
    String namespace = listed.getMetadata().getNamespace();
    String name = listed.getMetadata().getName();
    String step = "set the ephemeral metadata of Pod " + namespace + "/" + name;
    Pod current = listed;
    for (int attempt = 1; ; attempt++) {
      Pod desired = serialization.clone(current);
      if (!EphemeralPodMetadata.replace(desired.getMetadata(), recorded, injected)) {
        return false;
      }
      Pod base = current;
      writes.checkGuard();
      try {
        Pod written = client.pods().resource(serialization.clone(base)).edit(p -> desired);
        writes.record(written, Operation.UPDATE, base);
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return false;
        }
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          throw writes.failed(step, e);
        }
      }
      current =
          writes.send(
              "read Pod " + namespace + "/" + name,
              () -> client.pods().inNamespace(namespace).withName(name).get());
      if (current == null) {
        return false;
      }
    }
  }

  /**
   * Whether {@code rs} is the controller of {@code pod} (by uid; by name when {@code rs} has none).
   */
  static boolean controlledBy(Pod pod, ReplicaSet rs) {
    String uid = rs.getMetadata().getUid();
    return pod.getMetadata().getOwnerReferences().stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .anyMatch(o -> uid != null ? uid.equals(o.getUid()) : owns(o, rs));
  }

  private static boolean owns(OwnerReference owner, ReplicaSet rs) {
    return "ReplicaSet".equals(owner.getKind())
        && Objects.equals(owner.getName(), rs.getMetadata().getName());
  }
}
