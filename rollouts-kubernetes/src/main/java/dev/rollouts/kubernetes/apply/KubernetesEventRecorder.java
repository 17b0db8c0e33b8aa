package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventRecorder} that creates {@code core/v1} Events, named as client-go names them. */
final class KubernetesEventRecorder implements EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEventRecorder.class);

  private final KubernetesClient client;
  private final String component;
  private final AtomicLong sequence = new AtomicLong();

  KubernetesEventRecorder(KubernetesClient client, String component) {
    this.client = client;
    this.component = component;
  }

  @Override
  public void record(RolloutResource rollout, RolloutEvent event) {
    String namespace = rollout.getMetadata().getNamespace();
    String name = rollout.getMetadata().getName();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Event object =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(
                name
                    + "."
                    + Long.toHexString(
                        System.currentTimeMillis() * 1000 + sequence.incrementAndGet() % 1000))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(RolloutResource.API_VERSION)
            .withKind(RolloutResource.KIND)
            .withNamespace(namespace)
            .withName(name)
            .withUid(rollout.getMetadata().getUid())
            .withResourceVersion(rollout.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(event.type().name())
            .withReason(event.reason())
            .withMessage(event.message())
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource()
            .withComponent(component)
            .endSource()
            .withReportingComponent(component)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(object).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "[{}/{}] event {} not recorded: {}", namespace, name, event.reason(), e.getMessage());
    }
  }
}
