package dev.rollouts.cli.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link ControllerEndpoints}: /metrics in Prometheus text, /healthz, and /readyz following the
 * controller.
 */
class ControllerEndpointsTest {

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final AtomicBoolean ready = new AtomicBoolean();

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyzFollowsTheControllerAndHealthzAnswersFromTheStart() throws Exception {
    try (ControllerEndpoints endpoints =
        ControllerEndpoints.start("127.0.0.1", 0, 0, registry, ready::get)) {
      String health = "http://127.0.0.1:" + endpoints.healthPort();

      assertThat(get(health + "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(health + "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(health + "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(health + "/readyz").body()).isEqualTo("ok\n");
    }
  }

  @Test
  void metricsAreTheRegistrysInPrometheusTextFormat() throws Exception {
    Counter.builder("rollout.events")
        .tag("reason", "RolloutCompleted")
        .register(registry)
        .increment(2);
    try (ControllerEndpoints endpoints =
        ControllerEndpoints.start("127.0.0.1", 0, 0, registry, ready::get)) {
      HttpResponse<String> scrape = get("http://127.0.0.1:" + endpoints.metricsPort() + "/metrics");

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .contains(ControllerEndpoints.PROMETHEUS_TEXT);
      assertThat(scrape.body())
          .contains("# TYPE rollout_events_total counter")
          .contains("rollout_events_total{reason=\"RolloutCompleted\"} 2.0");
      assertThat(endpoints.metricsPort()).isNotEqualTo(endpoints.healthPort());
    }
  }
}
