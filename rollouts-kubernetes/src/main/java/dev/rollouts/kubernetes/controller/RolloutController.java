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

  /** Stops acting, releases the lease, stops watching. Idempotent. */
  @Override
  void close();

  /** A builder for a controller that talks to the cluster through {@code client}. */
  static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** Builds a {@link RolloutController}; every setting has a default. */
  final class Builder {
    final KubernetesClient client;
    Optional<String> namespace = Optional.empty();
    Optional<String> instanceId = Optional.empty();
    int workers = 2;
    RolloutEngine engine;
    Optional<LeaderElection> leaderElection = Optional.empty();
    ControllerMetrics metrics = ControllerMetrics.none();
    Optional<NotificationSettings> notifications = Optional.empty();
    Duration resyncPeriod = Duration.ofMinutes(5);
    Duration retryBaseDelay = Duration.ofMillis(100);
    Duration retryMaxDelay = Duration.ofSeconds(60);
    Duration expectationTimeout = Duration.ofSeconds(30);
    Duration startTimeout = Duration.ofMinutes(2);
    Clock clock = Clock.systemUTC();
    double clockRate = 1.0;

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Watch and manage Rollouts of this namespace only. Default: every namespace. */
    public Builder namespace(String namespace) {
      this.namespace = Optional.of(namespace);
      return this;
    }

    /**
     * Manage only Rollouts labelled {@code argo-rollouts.argoproj.io/controller-instance-id: <id>},
     * as Argo does, so that two controllers can share a cluster. Default: only Rollouts without
     * that label.
     */
    public Builder instanceId(String instanceId) {
      this.instanceId = Optional.of(instanceId);
      return this;
    }

    /** Rollouts synced in parallel (each Rollout by one worker at a time). Default: 2. */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** The engine. Default: {@link RolloutEngine#withInstalledPlugins()}. */
    public Builder engine(RolloutEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** Act only while holding this lease. Default: no leader election (the host decides). */
    public Builder leaderElection(LeaderElection leaderElection) {
      this.leaderElection = Optional.of(leaderElection);
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

    /** How often every Rollout is synced even without a change. Default: 5 minutes. */
    public Builder resyncPeriod(Duration resyncPeriod) {
      this.resyncPeriod = resyncPeriod;
      return this;
    }

    /**
     * Backoff of a Rollout whose sync fails: {@code base}, doubling, capped at {@code max}.
     * Default: 100 ms to 60 s.
     */
    public Builder retryBackoff(Duration base, Duration max) {
      if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
        throw new IllegalArgumentException(
            "need 0 < base <= max, was base " + base + ", max " + max);
      }
      this.retryBaseDelay = base;
      this.retryMaxDelay = max;
      return this;
    }

    /**
     * How long a sync waits for the caches to show the previous sync's writes before it decides
     * anyway. Default: 30 s.
     */
    public Builder expectationTimeout(Duration timeout) {
      this.expectationTimeout = timeout;
      return this;
    }

    /** How long {@link RolloutController#start()} waits for the caches. Default: 2 minutes. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
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
     * at any speed.
     *
     * @throws IllegalArgumentException if {@code rate} is not positive
     */
    public Builder clock(Clock clock, double rate) {
      if (!(rate > 0)) {
        throw new IllegalArgumentException("the clock's rate must be positive, was " + rate);
      }
      this.clock = Objects.requireNonNull(clock, "clock");
      this.clockRate = rate;
      return this;
    }

    /** The controller, not started. */
    public RolloutController build() {
      if (engine == null) {
        engine = RolloutEngine.withInstalledPlugins();
      }
      return new DefaultRolloutController(this);
    }
  }
}
