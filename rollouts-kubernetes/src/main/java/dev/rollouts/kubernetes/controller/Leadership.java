package dev.rollouts.kubernetes.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fabric8's {@link LeaderElector} on a Lease for as long as the controller runs: when it loses
 * the lease it stops leading at once and becomes a candidate again.
 */
final class Leadership implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final LeaderElection config;
  private final Runnable onStartLeading;
  private final Runnable onStopLeading;
  private final ScheduledExecutorService timer;
  private volatile boolean leading;
  private volatile boolean closed;
  private volatile CompletableFuture<?> running;

  Leadership(
      KubernetesClient client,
      LeaderElection config,
      Runnable onStartLeading,
      Runnable onStopLeading,
      ScheduledExecutorService timer) {
    this.client = client;
    this.config = config;
    this.onStartLeading = onStartLeading;
    this.onStopLeading = onStopLeading;
    this.timer = timer;
  }

  /** Becomes a candidate. */
  synchronized void start() {
    if (closed) {
      return;
    }
    LeaderElector elector =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName("rollouts-controller")
                    .withLock(
                        new LeaseLock(
                            config.leaseNamespace(), config.leaseName(), config.identity()))
                    .withLeaseDuration(config.leaseDuration())
                    .withRenewDeadline(config.renewDeadline())
                    .withRetryPeriod(config.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::started, this::stopped, this::newLeader))
                    .build())
            .build();
    running = elector.start();
    running.whenComplete(
        (ok, error) -> {
          stopped();
          if (!closed) {
            LOG.info(
                "{} is a candidate for lease {}/{} again",
                config.identity(),
                config.leaseNamespace(),
                config.leaseName());
            timer.schedule(this::start, config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
          }
        });
  }

  private void started() {
    LOG.info(
        "{} leads (lease {}/{})", config.identity(), config.leaseNamespace(), config.leaseName());
    leading = true;
    onStartLeading.run();
  }

  private synchronized void stopped() {
    if (leading) {
      leading = false;
      LOG.info("{} stopped leading", config.identity());
      onStopLeading.run();
    }
  }

  private void newLeader(String identity) {
    LOG.info("lease {}/{} is held by {}", config.leaseNamespace(), config.leaseName(), identity);
  }

  /** Whether this replica holds the lease now. */
  boolean isLeader() {
    return leading;
  }

  /**
   * Stops leading at once and releases the lease before it returns: cancelling the elector runs
   * fabric8's release on cancel in this thread (it shortens the lease to one second, so another
   * replica may lead at once).
   */
  @Override
  public synchronized void close() {
    closed = true;
    leading = false;
    if (running != null) {
      running.cancel(true);
    }
  }
}
