package dev.rollouts.operatorsdk;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.kubernetes.apply.ApplyException;
import dev.rollouts.kubernetes.apply.DecisionApplier;
import dev.rollouts.kubernetes.apply.EventRecorder;
import dev.rollouts.kubernetes.apply.WriteGuard;
import dev.rollouts.kubernetes.controller.ControllerMetrics;
import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.controller.RolloutReferences;
import dev.rollouts.kubernetes.controller.RolloutSync;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A java-operator-sdk {@link Reconciler} for the {@code argoproj.io/v1alpha1} Rollout: the same
 * mapping, {@code decide} and {@link DecisionApplier} as {@link RolloutController}, inside a host's
 * own {@link Operator}.
 *
 * <pre>{@code
 * Operator operator = new Operator(o -> o.withLeaderElectionConfiguration(...));
 * RolloutReconciler.builder().build().registerWith(operator);
 * operator.start();
 * }</pre>
 *
 * <p>{@link #reconcile} syncs the Rollout once ({@link RolloutSync}: map, decide, apply in the safe
 * order, status last) and returns {@link UpdateControl#noUpdate()} (the applier wrote the status
 * already), {@linkplain UpdateControl#rescheduleAfter(Duration) rescheduled after} the Decision's
 * {@code requeueAfter}. ReplicaSets, Services, Ingresses and AnalysisRuns are informer event
 * sources mapped back to their Rollouts by {@link RolloutReferences}, as {@link RolloutController}
 * maps them. A write that meets a newer version (HTTP 409) is retried at once by reading again and
 * deciding again ({@link #updateErrorStatus}); other failures get JOSDK's retry.
 *
 * <p>Leader election is the Operator's ({@link #leaderElection}); this reconciler writes only while
 * its Operator leads, and the configuration it gives never exits the JVM.
 */
@ControllerConfiguration(name = RolloutReconciler.NAME, generationAwareEventProcessing = false)
public final class RolloutReconciler implements Reconciler<RolloutResource> {

  /** The controller's name in the Operator. */
  public static final String NAME = "rollouts";

  private final Settings settings;
  private volatile boolean leading = true;
  private volatile RolloutSync sync;

  private RolloutReconciler(Settings settings) {
    this.settings = settings;
  }

  /** A builder; every setting has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers this reconciler with {@code operator}, watching its namespace (or every namespace)
   * and only the Rollouts of its instance id, with generation-aware event processing off (a user's
   * promote or abort changes the status only).
   */
  public RegisteredController<RolloutResource> registerWith(Operator operator) {
    return operator.register(
        this,
        o -> {
          o.withGenerationAware(false).withLabelSelector(labelSelector());
          settings.namespace().ifPresentOrElse(o::settingNamespace, o::watchingAllNamespaces);
        });
  }

  /** Argo's instance-id requirement as a label selector. */
  String labelSelector() {
    return settings
        .instanceId()
        .map(id -> RolloutReferences.INSTANCE_ID_LABEL + "=" + id)
        .orElse("!" + RolloutReferences.INSTANCE_ID_LABEL);
  }

  /**
   * The Operator's leader election on {@code election}'s Lease (name, namespace, identity and
   * timings), for {@code withLeaderElectionConfiguration}: JOSDK starts reconciling once it leads;
   * the moment it stops leading this reconciler refuses every write. The JVM is not exited: JOSDK's
   * default would call {@code System.exit} whenever leading stops, even on {@code Operator.stop()},
   * inside the host's process. A host whose other controllers need that guarantee builds its own
   * configuration with JOSDK's default and passes this reconciler's {@link #leaderCallbacks()}.
   *
   * <p>Call it before the Operator starts. JOSDK checks with a {@code SelfSubjectRulesReview} that
   * it may create, get and update Leases in the lease namespace.
   */
  @SuppressWarnings("deprecation") // the one constructor that does not exit; see above
  public LeaderElectionConfiguration leaderElection(LeaderElection election) {
    leading = false;
    return new LeaderElectionConfiguration(
        election.leaseName(),
        election.leaseNamespace(),
        election.leaseDuration(),
        election.renewDeadline(),
        election.retryPeriod(),
        election.identity(),
        leaderCallbacks(),
        false);
  }

  /**
   * Callbacks that let this reconciler write only while its Operator leads: for a host that builds
   * its own {@link LeaderElectionConfiguration}. Using them turns on the guard: no write until the
   * Operator first leads.
   */
  public LeaderCallbacks leaderCallbacks() {
    leading = false;
    return new LeaderCallbacks(() -> leading = true, () -> leading = false, identity -> {});
  }

  /** Whether this reconciler may write now: always without leader election, else while leading. */
  public boolean isLeading() {
    return leading;
  }

  @Override
  public List<EventSource<?, RolloutResource>> prepareEventSources(
      EventSourceContext<RolloutResource> context) {
    IndexerResourceCache<RolloutResource> rollouts = context.getPrimaryCache();
    rollouts.addIndexer(RolloutReferences.BY_REFERENCE, RolloutReferences::referencedKeys);
    var replicaSets =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ReplicaSet.class, RolloutResource.class)
                .withName("replicasets")
                .withSecondaryToPrimaryMapper(mapper(rollouts, true))
                .build(),
            context);
    replicaSets.addIndexers(Map.of(RolloutReferences.BY_OWNER, RolloutReferences::ownerKeys));
    var services =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Service.class, RolloutResource.class)
                .withName("services")
                .withSecondaryToPrimaryMapper(mapper(rollouts, false))
                .build(),
            context);
    var ingresses =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Ingress.class, RolloutResource.class)
                .withName("ingresses")
                .withSecondaryToPrimaryMapper(mapper(rollouts, false))
                .build(),
            context);
    List<EventSource<?, RolloutResource>> sources =
        new ArrayList<>(List.of(replicaSets, services, ingresses));
    if (settings.watchAnalysisRuns()) {
      sources.add(
          new InformerEventSource<>(
              InformerEventSourceConfiguration.from(
                      AnalysisRunResource.class, RolloutResource.class)
                  .withName("analysisruns")
                  .withSecondaryToPrimaryMapper(mapper(rollouts, false))
                  .build(),
              context));
    }
    WriteGuard guard =
        () -> {
          if (!leading) {
            throw new WriteGuard.WriteRefusedException("this operator is not leading");
          }
        };
    EventRecorder events =
        EventRecorder.kubernetes(context.getClient(), RolloutController.COMPONENT);
    sync =
        RolloutSync.create(
            new EventSourceView(rollouts, replicaSets, services, ingresses, settings.instanceId()),
            settings.engine(),
            DecisionApplier.create(context.getClient(), events, guard),
            settings.expectationTimeout(),
            settings.clock(),
            settings.metrics());
    return sources;
  }

  private <R extends HasMetadata> SecondaryToPrimaryMapper<R> mapper(
      IndexerResourceCache<RolloutResource> rollouts, boolean adoptable) {
    return object ->
        RolloutReferences.rolloutsOf(
                object,
                adoptable,
                namespace -> rollouts.list(namespace).toList(),
                key -> rollouts.byIndex(RolloutReferences.BY_REFERENCE, key))
            .stream()
            .map(RolloutReconciler::id)
            .collect(Collectors.toSet());
  }

  private static ResourceID id(String key) {
    int slash = key.indexOf('/');
    return new ResourceID(key.substring(slash + 1), key.substring(0, slash));
  }

  /**
   * Syncs the Rollout once.
   *
   * @throws ApplyException if a write failed (see {@link #updateErrorStatus})
   */
  @Override
  public UpdateControl<RolloutResource> reconcile(
      RolloutResource resource, Context<RolloutResource> context) {
    if (sync == null) {
      throw new IllegalStateException(
          "prepareEventSources was not called: register this reconciler with an Operator");
    }
    long began = System.nanoTime();
    String key = RolloutReferences.key(resource);
    UpdateControl<RolloutResource> control = UpdateControl.noUpdate();
    ControllerMetrics.Outcome outcome = ControllerMetrics.Outcome.ERROR;
    try {
      RolloutSync.Result result = sync.sync(key);
      outcome = result.outcome();
      Optional<Duration> after = result.requeueAfter().map(settings::realTime);
      return after.isPresent() ? control.rescheduleAfter(after.get()) : control;
    } catch (WriteGuard.WriteRefusedException notLeading) {
      outcome = ControllerMetrics.Outcome.SUCCESS;
      return control;
    } catch (ApplyException e) {
      outcome =
          e.isConflict() ? ControllerMetrics.Outcome.CONFLICT : ControllerMetrics.Outcome.ERROR;
      throw e;
    } finally {
      settings
          .metrics()
          .reconciled(
              resource.getMetadata().getNamespace(),
              resource.getMetadata().getName(),
              Duration.ofNanos(System.nanoTime() - began),
              outcome);
    }
  }

  /**
   * A conflict (HTTP 409: another writer changed an object since the caches read it) is no error:
   * no status update, no retry count, and a new reconcile after {@link
   * Builder#conflictDelay(Duration)} that reads again and decides again, as {@link
   * RolloutController} does. Any other failure gets JOSDK's default processing (its retry with
   * backoff).
   */
  @Override
  public ErrorStatusUpdateControl<RolloutResource> updateErrorStatus(
      RolloutResource resource, Context<RolloutResource> context, Exception e) {
    if (e instanceof ApplyException apply && apply.isConflict()) {
      return ErrorStatusUpdateControl.<RolloutResource>noStatusUpdate()
          .withNoRetry()
          .rescheduleAfter(settings.conflictDelay());
    }
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  /** The kinds this reconciler watches besides Rollouts: for tests and diagnostics. */
  Set<String> watchedKinds() {
    return settings.watchAnalysisRuns()
        ? Set.of("ReplicaSet", "Service", "Ingress", "AnalysisRun")
        : Set.of("ReplicaSet", "Service", "Ingress");
  }

  /**
   * Builds a {@link RolloutReconciler}; every setting has a default. Setters only collect; {@link
   * #build()} checks them all and the reconciler keeps its own immutable copy.
   */
  public static final class Builder {
    private Optional<String> namespace = Optional.empty();
    private Optional<String> instanceId = Optional.empty();
    private Optional<RolloutEngine> engine = Optional.empty();
    private ControllerMetrics metrics = ControllerMetrics.none();
    private Duration expectationTimeout = Duration.ofSeconds(30);
    private Duration conflictDelay = Duration.ofMillis(100);
    private Clock clock = Clock.systemUTC();
    private double clockRate = 1.0;
    private boolean watchAnalysisRuns = false;

    private Builder() {}

    /** Reconcile the Rollouts of this namespace only. Default: every namespace. */
    public Builder namespace(String namespace) {
      this.namespace = Optional.of(Objects.requireNonNull(namespace, "namespace"));
      return this;
    }

    /**
     * Reconcile only Rollouts labelled {@code argo-rollouts.argoproj.io/controller-instance-id:
     * <id>}, as Argo's {@code --instance-id}. Default: only Rollouts without that label.
     */
    public Builder instanceId(String instanceId) {
      this.instanceId = Optional.of(Objects.requireNonNull(instanceId, "instanceId"));
      return this;
    }

    /** The engine. Default: {@link RolloutEngine#withInstalledPlugins()}. */
    public Builder engine(RolloutEngine engine) {
      this.engine = Optional.of(Objects.requireNonNull(engine, "engine"));
      return this;
    }

    /** Where metrics go ({@code MicrometerMetrics}, say). Default: nowhere. */
    public Builder metrics(ControllerMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * How long a reconcile waits for the caches to show the previous one's writes before it decides
     * anyway. Default: 30 s.
     */
    public Builder expectationTimeout(Duration timeout) {
      this.expectationTimeout = Objects.requireNonNull(timeout, "expectationTimeout");
      return this;
    }

    /** How soon a reconcile that met a conflict runs again. Default: 100 ms. */
    public Builder conflictDelay(Duration delay) {
      this.conflictDelay = Objects.requireNonNull(delay, "conflictDelay");
      return this;
    }

    /** The clock the engine's {@code now} comes from. Default: the system clock, UTC. */
    public Builder clock(Clock clock) {
      return clock(clock, 1.0);
    }

    /**
     * A clock {@code rate} times as fast as real time: {@code requeueAfter} is rescheduled after
     * {@code requeueAfter / rate} of real time, as {@link RolloutController.Builder#clock(Clock,
     * double)}.
     */
    public Builder clock(Clock clock, double rate) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.clockRate = rate;
      return this;
    }

    /**
     * Whether to watch AnalysisRuns ({@code argoproj.io/v1alpha1}, generically) as an event source;
     * their CRD must then be installed. Default: on.
     */
    public Builder watchAnalysisRuns(boolean watch) {
      this.watchAnalysisRuns = watch;
      return this;
    }

    /**
     * The reconciler.
     *
     * @throws IllegalArgumentException naming the first setting that is wrong
     */
    public RolloutReconciler build() {
      return new RolloutReconciler(
          new Settings(
              namespace,
              instanceId,
              engine.orElseGet(RolloutEngine::withInstalledPlugins),
              metrics,
              expectationTimeout,
              conflictDelay,
              clock,
              clockRate,
              watchAnalysisRuns));
    }
  }
}
