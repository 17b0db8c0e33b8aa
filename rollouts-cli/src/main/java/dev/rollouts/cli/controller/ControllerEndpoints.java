package dev.rollouts.cli.controller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The HTTP endpoints of {@code rollouts controller}, on the JDK's own server: {@code /metrics}
 * (Prometheus text format, from Micrometer) on the metrics port, and {@code /healthz} (alive: the
 * process serves) and {@code /readyz} (ready: the controller's caches are filled and it runs,
 * leading or standing by) on the health port, as Argo Rollouts serves metrics on 8090 and health on
 * 8080. The two may share a port.
 */
public final class ControllerEndpoints implements AutoCloseable {

  /** Prometheus' text exposition format. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer metrics;
  private final HttpServer health;
  private final ExecutorService executor;

  private ControllerEndpoints(HttpServer metrics, HttpServer health, ExecutorService executor) {
    this.metrics = metrics;
    this.health = health;
    this.executor = executor;
  }

  /**
   * Starts serving on {@code host}: metrics on {@code metricsPort}, health on {@code healthPort} (0
   * picks a free port; equal ports share one server).
   *
   * @throws IOException if a port cannot be bound
   */
  public static ControllerEndpoints start(
      String host,
      int metricsPort,
      int healthPort,
      PrometheusMeterRegistry registry,
      BooleanSupplier ready)
      throws IOException {
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "rollouts-endpoints");
              t.setDaemon(true);
              return t;
            });
    HttpServer metrics = HttpServer.create(new InetSocketAddress(host, metricsPort), 16);
    HttpServer health =
        metricsPort == healthPort && metricsPort != 0
            ? metrics
            : HttpServer.create(new InetSocketAddress(host, healthPort), 16);
    metrics.createContext(
        "/metrics", exchange -> reply(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
    health.createContext("/healthz", exchange -> reply(exchange, 200, "text/plain", "ok\n"));
    health.createContext(
        "/readyz",
        exchange -> {
          boolean isReady = ready.getAsBoolean();
          reply(exchange, isReady ? 200 : 503, "text/plain", isReady ? "ok\n" : "not ready\n");
        });
    metrics.setExecutor(executor);
    metrics.start();
    if (health != metrics) {
      health.setExecutor(executor);
      health.start();
    }
    return new ControllerEndpoints(metrics, health, executor);
  }

  /** The port {@code /metrics} is served on. */
  public int metricsPort() {
    return metrics.getAddress().getPort();
  }

  /** The port {@code /healthz} and {@code /readyz} are served on. */
  public int healthPort() {
    return health.getAddress().getPort();
  }

  private static void reply(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(code, -1);
    } else {
      exchange.sendResponseHeaders(code, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    metrics.stop(0);
    if (health != metrics) {
      health.stop(0);
    }
    executor.shutdownNow();
  }
}
