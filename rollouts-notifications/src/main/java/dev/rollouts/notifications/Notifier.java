package dev.rollouts.notifications;

import dev.rollouts.notifications.service.NotificationService;
import dev.rollouts.notifications.service.NotificationServices;
import dev.rollouts.notifications.service.SendException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications without ever holding up a Rollout's sync.
 *
 * <p>{@link #onEvent} and {@link #onState} only plan and enqueue: rendering and sending happen on a
 * small pool of worker threads fed by a bounded queue. A full queue drops the notification with an
 * error log and a failure to the listener, never silently. A transient failure (connection error,
 * HTTP 429 or 5xx) is retried with exponential backoff, waiting at least the server's {@code
 * Retry-After}; a permanent one (Slack's {@code ok:false}, a template that fails) is not. Every
 * give-up is logged with trigger, service and recipient (never a secret) and reported to the {@link
 * DeliveryListener} (metrics, a Kubernetes Event on the Rollout). Only a leader sends: when {@code
 * isLeader} is false, nothing is planned. The same destination for the same trigger and the same
 * Rollout version is sent to once within {@link Builder#dedupeWindow}, even when subscribed twice
 * or when two equal events arrive together (Argo issue #4764).
 */
public final class Notifier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final ConfigSource configs;
  private final DeliveryListener listener;
  private final BooleanSupplier isLeader;
  private final Supplier<Instant> clock;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration timeout;
  private final Duration dedupeWindow;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService retries;
  private final Map<ServiceConfig, NotificationService> services = new ConcurrentHashMap<>();
  private final Map<String, Instant> recent = new ConcurrentHashMap<>();

  private Notifier(Builder b) {
    this.configs = b.configs;
    this.listener = b.listener;
    this.isLeader = b.isLeader;
    this.clock = b.clock;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.timeout = b.timeout;
    this.dedupeWindow = b.dedupeWindow;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            b.workers,
            b.workers,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(b.queueCapacity),
            r -> daemon(r, "rollouts-notify-" + n.incrementAndGet()));
    this.retries =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rollouts-notify-retry"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A builder; {@code configs} is the only required part. */
  public static Builder builder(ConfigSource configs) {
    return new Builder(configs);
  }

  /**
   * An event was recorded on {@code rollout} (the Rollout as a JSON map, as it was when recorded):
   * sends what its reason's trigger asks for. Returns at once; never throws.
   */
  public void onEvent(
      String eventType,
      String reason,
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns) {
    onEvent(eventType, reason, "", rollout, analysisRuns);
  }

  /**
   * {@link #onEvent(String, String, Map, Optional)} with the event's message: events of one Rollout
   * version that differ only in their message (two ReplicaSets scaled in one sync) are each sent;
   * identical ones are sent once.
   */
  public void onEvent(
      String eventType,
      String reason,
      String message,
      Map<String, Object> rollout,
      Optional<List<Object>> analysisRuns) {
    if (!isLeader.getAsBoolean()) {
      return;
    }
    submit(
        () -> {
          for (ConfigSource.Scoped scoped : configs.configsFor(namespaceOf(rollout))) {
            for (PlannedSend send :
                Planner.forEvent(scoped.config(), reason, rollout, analysisRuns)) {
              deliver(
                  scoped,
                  new DeliveryListener.Delivery(rollout, eventType, reason, send),
                  analysisRuns,
                  message);
            }
          }
        },
        rollout,
        reason);
  }

  /**
   * The state path for {@code rollout} as it is now: sends for every {@code when} that turned true
   * and answers the new value of the {@value Planner#NOTIFIED_ANNOTATION} annotation when it
   * changed (empty inner Optional: remove it). Plans on the caller's thread (no I/O), sends on the
   * workers. Answers {@code Optional.empty()} when nothing changed or this is not the leader.
   */
  public Optional<Optional<String>> onState(
      Map<String, Object> rollout, Optional<List<Object>> analysisRuns) {
    if (!isLeader.getAsBoolean()) {
      return Optional.empty();
    }
    String notified =
        Planner.metadataMap(rollout, "annotations").getOrDefault(Planner.NOTIFIED_ANNOTATION, "");
    String current = notified;
    boolean changed = false;
    try {
      for (ConfigSource.Scoped scoped : configs.configsFor(namespaceOf(rollout))) {
        Planner.StateOutcome outcome =
            Planner.forState(
                scoped.config(),
                scoped.selfService() ? Optional.of(scoped.namespace()) : Optional.empty(),
                rollout,
                analysisRuns,
                current,
                clock.get());
        if (outcome.changed()) {
          changed = true;
          current = outcome.annotation().orElse("");
        }
        for (PlannedSend send : outcome.sends()) {
          DeliveryListener.Delivery delivery =
              new DeliveryListener.Delivery(rollout, "", send.trigger(), send);
          submit(() -> deliver(scoped, delivery, analysisRuns, ""), rollout, send.trigger());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("[{}] notification state not evaluated: {}", key(rollout), e.getMessage());
      return Optional.empty();
    }
    return changed
        ? Optional.of(current.isEmpty() ? Optional.empty() : Optional.of(current))
        : Optional.empty();
  }

  private void submit(Runnable task, Map<String, Object> rollout, String reason) {
    try {
      workers.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.error(
                  "[{}] notifications for {} not sent: {}", key(rollout), reason, e.getMessage());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.error("[{}] notification queue full: notifications for {} dropped", key(rollout), reason);
      listener.failed(
          new DeliveryListener.Delivery(
              rollout, "", reason, new PlannedSend(reason, List.of(), new Destination("", ""))),
          Duration.ZERO,
          "notification queue full");
    }
  }

  private void deliver(
      ConfigSource.Scoped scoped,
      DeliveryListener.Delivery delivery,
      Optional<List<Object>> runs,
      String eventMessage) {
    PlannedSend send = delivery.send();
    if (duplicate(scoped, delivery, eventMessage)) {
      LOG.debug(
          "[{}] {} to {} already sent",
          key(delivery.rollout()),
          send.trigger(),
          send.destination());
      return;
    }
    Instant started = clock.get();
    Notification notification;
    NotificationService service;
    try {
      ServiceConfig config = scoped.config().services().get(send.destination().service());
      if (config == null) {
        throw new NotificationConfigException(
            "notification service '" + send.destination().service() + "' is not supported");
      }
      service =
          services.computeIfAbsent(config, c -> NotificationServices.create(c, timeout, clock));
      Map<String, Object> vars =
          TemplateVariables.of(
              delivery.rollout(), runs, scoped.config().secrets(), clock, send.destination());
      notification = scoped.config().render(send.templates(), vars);
    } catch (RuntimeException e) {
      giveUp(delivery, started, e.getMessage());
      return;
    }
    attempt(service, notification, delivery, started, 1);
  }

  private void attempt(
      NotificationService service,
      Notification notification,
      DeliveryListener.Delivery delivery,
      Instant started,
      int attempt) {
    try {
      service.send(notification, delivery.send().destination());
      listener.delivered(delivery, Duration.between(started, clock.get()));
    } catch (SendException e) {
      if (!e.retryable() || attempt >= maxAttempts) {
        giveUp(delivery, started, e.getMessage());
        return;
      }
      Duration doubled = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
      Duration backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
      Duration wait = e.retryAfter().filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
      LOG.info(
          "[{}] {} to {}:{} failed ({}), attempt {} of {}, retrying in {}",
          key(delivery.rollout()),
          delivery.send().trigger(),
          delivery.send().destination().service(),
          delivery.send().destination().recipient(),
          e.getMessage(),
          attempt,
          maxAttempts,
          wait);
      retries.schedule(
          () -> {
            try {
              workers.execute(() -> attempt(service, notification, delivery, started, attempt + 1));
            } catch (RejectedExecutionException rejected) {
              giveUp(delivery, started, "notification queue full");
            }
          },
          wait.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      giveUp(delivery, started, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void giveUp(DeliveryListener.Delivery delivery, Instant started, String message) {
    PlannedSend send = delivery.send();
    LOG.warn(
        "[{}] notification {} to {}:{} failed: {}",
        key(delivery.rollout()),
        send.trigger(),
        send.destination().service(),
        send.destination().recipient(),
        message);
    listener.failed(delivery, Duration.between(started, clock.get()), message);
  }

  private boolean duplicate(
      ConfigSource.Scoped scoped, DeliveryListener.Delivery d, String eventMessage) {
    Instant now = clock.get();
    recent.values().removeIf(t -> t.plus(dedupeWindow).isBefore(now));
    Map<String, Object> metadata =
        d.rollout().get("metadata") instanceof Map<?, ?> m ? cast(m) : Map.of();
    ServiceConfig service = scoped.config().services().get(d.send().destination().service());
    String key =
        metadata.get("uid")
            + "/"
            + metadata.get("resourceVersion")
            + "/"
            + key(d.rollout())
            + "/"
            + d.reason()
            + "/"
            + eventMessage
            + "/"
            + d.send().trigger()
            + "/"
            + d.send().destination()
            + "/"
            + (service == null ? "" : service.settings().hashCode());
    return recent.putIfAbsent(key, now) != null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static String namespaceOf(Map<String, Object> rollout) {
    Object namespace = rollout.get("metadata") instanceof Map<?, ?> m ? m.get("namespace") : null;
    return namespace == null ? "default" : namespace.toString();
  }

  private static String key(Map<String, Object> rollout) {
    Map<?, ?> metadata = rollout.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    return metadata.get("namespace") + "/" + metadata.get("name");
  }

  /** Waits up to {@code timeout} for queued and retrying deliveries, then stops the workers. */
  public void close(Duration timeout) {
    retries.shutdown();
    workers.shutdown();
    try {
      workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    retries.shutdownNow();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  /** Settings of a {@link Notifier}. */
  public static final class Builder {
    private final ConfigSource configs;
    private DeliveryListener listener = DeliveryListener.NONE;
    private BooleanSupplier isLeader = () -> true;
    private Supplier<Instant> clock = Instant::now;
    private int workers = 2;
    private int queueCapacity = 1000;
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration timeout = NotificationServices.DEFAULT_TIMEOUT;
    private Duration dedupeWindow = Duration.ofSeconds(10);

    private Builder(ConfigSource configs) {
      this.configs = configs;
    }

    /** Told of each delivery's outcome (metrics, Events). */
    public Builder listener(DeliveryListener listener) {
      this.listener = listener;
      return this;
    }

    /** Whether this process may send (leader election); default always. */
    public Builder isLeader(BooleanSupplier isLeader) {
      this.isLeader = isLeader;
      return this;
    }

    /** The clock of {@code .time.Now}, latencies and the notified annotation. */
    public Builder clock(Supplier<Instant> clock) {
      this.clock = clock;
      return this;
    }

    /** Worker threads (default 2) and queue capacity (default 1000). */
    public Builder workers(int workers, int queueCapacity) {
      this.workers = workers;
      this.queueCapacity = queueCapacity;
      return this;
    }

    /** Attempts per notification (default 5) and the backoff between them (1s doubling to 60s). */
    public Builder retries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
      this.maxAttempts = maxAttempts;
      this.initialBackoff = initialBackoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** Connect and request timeout of every service call (default 15s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How long an identical send is remembered to drop duplicates (default 10s). */
    public Builder dedupeWindow(Duration window) {
      this.dedupeWindow = window;
      return this;
    }

    /** Starts the workers. */
    public Notifier build() {
      return new Notifier(this);
    }
  }
}
