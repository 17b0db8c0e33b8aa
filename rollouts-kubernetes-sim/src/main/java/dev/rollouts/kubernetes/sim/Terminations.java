package dev.rollouts.kubernetes.sim;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's part of a graceful pod deletion: a pod on a node that is deleted with a grace
 * period stays {@code Terminating} (it has a {@code deletionTimestamp}) for the cluster's stop
 * delay, then goes.
 */
final class Terminations {

  Terminations(Resources resources, ScheduledExecutorService executor, Duration stopDelay) {
    resources
        .store()
        .listen(
            c -> {
              if (c.type().kind().equals("Pod")
                  && c.type().group().isEmpty()
                  && c.after() != null
                  && c.before() != null
                  && c.after().path("metadata").has("deletionGracePeriodSeconds")
                  && !c.before().path("metadata").has("deletionTimestamp")) {
                String ns = c.after().path("metadata").path("namespace").asText();
                String name = c.after().path("metadata").path("name").asText();
                executor.schedule(
                    () -> {
                      try {
                        resources.delete(c.type(), ns, name, 0);
                      } catch (ApiException gone) {
                        // deleted meanwhile
                      }
                    },
                    stopDelay.toNanos(),
                    TimeUnit.NANOSECONDS);
              }
            });
  }
}
