package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.apply.ApplyException;
import dev.rollouts.kubernetes.apply.DecisionApplier;
import dev.rollouts.kubernetes.apply.EventRecorder;
import dev.rollouts.kubernetes.apply.WriteGuard;
import dev.rollouts.kubernetes.controller.ControllerMetrics.Outcome;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.notify.ClusterNotifications;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The {@link RolloutController}: lifecycle, workers, leadership and error handling. */
final class DefaultRolloutController implements RolloutController {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRolloutController.class);

  private final ControllerSettings settings;
  private final ScheduledExecutorService timer;
  private final WorkQueue queue;
  private final ClusterCache cache;
  private final RolloutSync sync;
  private final Optional<Leadership> leadership;
  private final Optional<ClusterNotifications> notifications;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean acting;
  private volatile boolean ready;

  DefaultRolloutController(ControllerSettings settings) {
    this.settings = settings;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rollouts-controller-timer"));
    this.queue = new WorkQueue(settings.retryBaseDelay(), settings.retryMaxDelay(), timer);
    this.cache =
        new ClusterCache(
            settings.client(),
            settings.namespace(),
            settings.instanceId(),
            settings.resyncPeriod(),
            queue::add);
    this.leadership =
        settings
            .leaderElection()
            .map(
                config ->
                    new Leadership(
                        settings.client(), config, this::startActing, this::stopActing, timer));
    WriteGuard guard =
        () -> {
          if (!acting || closed.get()) {
            throw new WriteGuard.WriteRefusedException(
                "this controller is not acting (not leading, or closed)");
          }
        };
    EventRecorder kubernetes = EventRecorder.kubernetes(settings.client(), COMPONENT);
    this.notifications =
        settings
            .notifications()
            .map(
                n ->
                    new ClusterNotifications(
                        settings.client(),
                        settings.metrics().notificationListener().map(n::listener).orElse(n),
                        this::isActive,
                        kubernetes));
    EventRecorder events = (rollout, event) -> record(kubernetes, rollout, event);
    this.sync =
        new RolloutSync(
            cache,
            settings.engine(),
            DecisionApplier.create(settings.client(), events, guard),
            new Expectations(settings.expectationTimeout()),
            settings.clock(),
            settings.metrics());
  }

  private void record(EventRecorder kubernetes, RolloutResource rollout, RolloutEvent event) {
    kubernetes.record(rollout, event);
    settings
        .metrics()
        .eventRecorded(
            rollout.getMetadata().getNamespace(), rollout.getMetadata().getName(), event);
    notifications.ifPresent(n -> n.onEvent(rollout, event));
  }

  /** The settings this controller runs with: for tests. */
  ControllerSettings settings() {
    return settings;
  }

  /** How many of its worker threads are alive: for tests. */
  long workersAlive() {
    return workers.stream().filter(Thread::isAlive).count();
  }

  @Override
  public void start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a controller starts once");
    }
    try {
      // As Argo (PR #3075): the notification informers are synced before the others.
      for (ClusterNotifications n : notifications.stream().toList()) {
        n.start(settings.startTimeout());
      }
      cache.start(settings.startTimeout());
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "the caches did not fill within " + settings.startTimeout() + ": " + e, e);
    }
    for (int i = 0; i < settings.workers(); i++) {
      Thread worker = daemon(this::work, "rollouts-worker-" + i);
      workers.add(worker);
      worker.start();
    }
    LOG.info(
        "started: namespace {}, instance id {}, {} workers, leader election {}",
        settings.namespace().orElse("(all)"),
        settings.instanceId().orElse("(none)"),
        settings.workers(),
        settings
            .leaderElection()
            .map(l -> "on lease " + l.leaseNamespace() + "/" + l.leaseName())
            .orElse("off"));
    ready = true;
    leadership.ifPresentOrElse(Leadership::start, this::startActing);
  }

  private void startActing() {
    if (closed.get()) {
      return;
    }
    acting = true;
    cache.rolloutKeys().forEach(queue::add);
  }

  private void stopActing() {
    acting = false;
    queue.clear();
  }

  @Override
  public boolean isReady() {
    return ready && !closed.get();
  }

  @Override
  public boolean isActive() {
    return acting && !closed.get();
  }

  private void work() {
    while (true) {
      String key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      try {
        if (acting) {
          process(key);
        }
      } finally {
        queue.done(key);
      }
    }
  }

  private void process(String key) {
    int slash = key.indexOf('/');
    String namespace = key.substring(0, slash);
    String name = key.substring(slash + 1);
    MDC.put("rollout", key);
    long began = System.nanoTime();
    Outcome outcome;
    try {
      RolloutSync.Result result = sync.sync(key);
      outcome = result.outcome();
      if (outcome != Outcome.WAITING) {
        queue.forget(key);
      }
      result.requeueAfter().ifPresent(after -> queue.addAfter(key, realTime(after)));
      notifications.ifPresent(n -> cache.rollout(key).ifPresent(n::onSynced));
    } catch (WriteGuard.WriteRefusedException e) {
      LOG.info("[{}] stopped part-way: {}", key, e.getMessage());
      outcome = Outcome.SUCCESS;
    } catch (ApplyException e) {
      outcome = e.isConflict() ? Outcome.CONFLICT : Outcome.ERROR;
      Duration backoff = queue.addRateLimited(key);
      if (e.isConflict()) {
        LOG.debug("[{}] {}; reading again and deciding again in {}", key, e.getMessage(), backoff);
      } else {
        LOG.warn("[{}] {}; retrying in {}", key, e.getMessage(), backoff);
      }
    } catch (KubernetesClientException e) {
      outcome = Outcome.ERROR;
      LOG.warn("[{}] {}; retrying in {}", key, e.getMessage(), queue.addRateLimited(key));
    } catch (RuntimeException e) {
      outcome = Outcome.ERROR;
      LOG.error("[{}] sync failed; retrying in {}", key, queue.addRateLimited(key), e);
    } finally {
      MDC.remove("rollout");
    }
    settings
        .metrics()
        .reconciled(namespace, name, Duration.ofNanos(System.nanoTime() - began), outcome);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    acting = false;
    // Closing is often what an interrupt asks for: clear the flag so that releasing the Lease and
    // waiting for the workers are not cut short, and set it again at the end.
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    leadership.ifPresent(Leadership::close);
    queue.shutDown();
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          worker.join(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      if (worker.isAlive()) {
        LOG.warn(
            "{} did not stop within {}; leaving it (a daemon thread)",
            worker.getName(),
            settings.closeTimeout());
      }
    }
    notifications.ifPresent(ClusterNotifications::close);
    cache.close();
    timer.shutdownNow();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    LOG.info("stopped");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A delay in the clock's time as real time (the same, unless the clock runs faster). */
  private Duration realTime(Duration clockTime) {
    return settings.clockRate() == 1.0
        ? clockTime
        : Duration.ofNanos((long) (clockTime.toNanos() / settings.clockRate()));
  }
}
