package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.kubernetes.notify.NotificationSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Rollouts controller: watches Rollouts and the objects around them, decides with the engine,
 * and applies each Decision. Embed it in a host operator, or run it on its own ({@code rollouts
 * controller}).
 *
 * <pre>{@code
 * try (RolloutController controller =
 *     RolloutController.builder(client)
 *         .namespace("shop")                                   // default: every namespace
 *         .workers(4)                                          // default: 2
 *         .leaderElection(LeaderElection.builder().leaseNamespace("shop").build())
 *         .metrics(MicrometerMetrics.of(registry))
 *         .build()) {
 *   controller.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Guarantees: at most one sync per Rollout at a time, in this process; with leader election,
 * only the replica that holds the lease writes, and it stops writing as soon as it loses it; one
 * Rollout's bad spec or failure never stops the others.
 */
public interface RolloutController extends AutoCloseable {

  /** The component name on the events it records: Argo's. */
  String COMPONENT = "rollouts-controller";

  /**
   * Starts watching, waits until the caches have listed what exists, and starts acting (at once
   * without leader election, once it holds the lease with it).
   *
   * @throws IllegalStateException if the caches cannot be filled within the start timeout
   */
  void start();

  /** Whether this controller acts now: started, and leading if it elects a leader. */
  boolean isActive();

  /**
   * Whether this controller is ready: started (its caches filled, its workers running) and not
   * closed, whether it acts or stands by for the lease. What a readiness probe reports.
   */
  boolean isReady();

  /**
   * Stops acting, releases the lease, stops the workers and the watches; returns within the
   * {@linkplain Builder#closeTimeout close timeout} (plus the time to release the lease), even if a
   * sync under way has not ended by then. Idempotent; never exits the JVM.
   */
  @Override
  void close();

  /** A builder for a controller that talks to the cluster through {@code client}. */
  static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /**
   * Builds a {@link RolloutController}; every setting has a default. Setters only collect: {@link
   * #build()} checks every setting and fails naming the first wrong one, and the controller it
   * returns holds its own immutable copy of them, so changing the builder afterwards changes no
   * controller. A builder may build several controllers.
   */
  final class Builder {
    private final KubernetesClient client;
    private Optional<String> namespace = Optional.empty();
    private Optional<String> instanceId = Optional.empty();
    private int workers = 2;
    private Optional<RolloutEngine> engine = Optional.empty();
    private Optional<LeaderElection> leaderElection = Optional.empty();
    private ControllerMetrics metrics = ControllerMetrics.none();
    private Optional<NotificationSettings> notifications = Optional.empty();
    private Duration resyncPeriod = Duration.ofMinutes(5);
    private Duration retryBaseDelay = Duration.ofMillis(100);
    private Duration retryMaxDelay = Duration.ofSeconds(60);
    private Duration expectationTimeout = Duration.ofSeconds(30);
    private Duration startTimeout = Duration.ofMinutes(2);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private double clockRate = 1.0;

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Watch and manage Rollouts of this namespace only (a namespace name). Default: every
     * namespace.
     */
    public Builder namespace(String namespace) {
      this.namespace = Optional.of(Objects.requireNonNull(namespace, "namespace"));
      return this;
    }

    /**
     * Manage only Rollouts labelled {@code argo-rollouts.argoproj.io/controller-instance-id: <id>}
     * (a label value), as Argo's {@code --instance-id} does, so that two controllers can share a
     * cluster. Default: only Rollouts without that label, as Argo's controller without {@code
     * --instance-id}.
     */
    public Builder instanceId(String instanceId) {
      this.instanceId = Optional.of(Objects.requireNonNull(instanceId, "instanceId"));
      return this;
    }

    /** Rollouts synced in parallel (each Rollout by one worker at a time), 1 to 256. Default: 2. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** The engine. Default: {@link RolloutEngine#withInstalledPlugins()}. */
    public Builder engine(RolloutEngine engine) {
      this.engine = Optional.of(Objects.requireNonNull(engine, "engine"));
      return this;
    }

    /** Act only while holding this lease. Default: no leader election (the host decides). */
    public Builder leaderElection(LeaderElection leaderElection) {
      this.leaderElection = Optional.of(Objects.requireNonNull(leaderElection, "leaderElection"));
      return this;
    }

    /** Where metrics go. Default: nowhere. */
    public Builder metrics(ControllerMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Send Argo Rollouts notifications (Slack, webhooks, Grafana, e-mail, Teams) configured by the
     * notification ConfigMap and Secret, from the events this controller records and from trigger
     * {@code when} conditions. Default: no notifications.
     */
    public Builder notifications(NotificationSettings notifications) {
      this.notifications = Optional.of(Objects.requireNonNull(notifications, "notifications"));
      return this;
    }

    /**
     * How often every Rollout is synced even without a change; zero turns it off. Default: 5
     * minutes.
     */
    public Builder resyncPeriod(Duration resyncPeriod) {
      this.resyncPeriod = Objects.requireNonNull(resyncPeriod, "resyncPeriod");
      return this;
    }

    /**
     * Backoff of a Rollout whose sync fails: {@code base}, doubling, capped at {@code max} ({@code
     * 0 < base <= max}). Default: 100 ms to 60 s.
     */
    public Builder retryBackoff(Duration base, Duration max) {
      this.retryBaseDelay = Objects.requireNonNull(base, "retryBackoff base");
      this.retryMaxDelay = Objects.requireNonNull(max, "retryBackoff max");
      return this;
    }

    /**
     * How long a sync waits for the caches to show the previous sync's writes before it decides
     * anyway. Default: 30 s.
     */
    public Builder expectationTimeout(Duration timeout) {
      this.expectationTimeout = Objects.requireNonNull(timeout, "expectationTimeout");
      return this;
    }

    /** How long {@link RolloutController#start()} waits for the caches. Default: 2 minutes. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "startTimeout");
      return this;
    }

    /**
     * How long {@link RolloutController#close()} waits, at most, for the syncs under way to end; it
     * returns after that even if one has not. Default: 10 s.
     */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = Objects.requireNonNull(timeout, "closeTimeout");
      return this;
    }

    /** The clock the engine's {@code now} comes from. Default: the system clock, UTC. */
    public Builder clock(Clock clock) {
      return clock(clock, 1.0);
    }

    /**
     * A clock that runs {@code rate} times as fast as real time, as a simulation's does: the
     * engine's {@code now} comes from it, and a Decision's {@code requeueAfter} (in the clock's
     * time) is waited for {@code requeueAfter / rate} in real time, so a timed pause ends on time
     * at any speed. {@code rate} must be positive and finite.
     */
    public Builder clock(Clock clock, double rate) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.clockRate = rate;
      return this;
    }

    /**
     * The controller, not started, on an immutable snapshot of these settings.
     *
     * @throws IllegalArgumentException naming the first setting that is wrong, its value and what
     *     it must be
     */
    public RolloutController build() {
      return new DefaultRolloutController(
          new ControllerSettings(
              client,
              namespace,
              instanceId,
              workers,
              engine.orElseGet(RolloutEngine::withInstalledPlugins),
              leaderElection,
              metrics,
              notifications,
              resyncPeriod,
              retryBaseDelay,
              retryMaxDelay,
              expectationTimeout,
              startTimeout,
              closeTimeout,
              clock,
              clockRate));
    }
  }
}
