package dev.rollouts.metrics.prometheus;

import dev.rollouts.analysis.provider.MetricProvider;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.testkit.FakeHttpServer;
import dev.rollouts.testkit.FakeHttpServer.Response;
import dev.rollouts.testkit.MetricProviderContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The metric provider contract, for the Prometheus provider against a fake server. */
class PrometheusProviderContractTest extends MetricProviderContract {

  private final FakeHttpServer server =
      FakeHttpServer.start()
          .answer("/api/v1/query", r -> Response.json(200, PrometheusProviderTest.VECTOR))
          .answer("/broken/api/v1/query", r -> Response.text(500, "oops"));

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected MetricProvider provider() {
    return new PrometheusProvider(name -> null);
  }

  @Override
  protected Metric measurableMetric() {
    return Metric.builder()
        .name("rate")
        .successCondition("all(result, # > 0.1)")
        .provider(Map.of("prometheus", Map.of("address", server.url(), "query", "up")))
        .build();
  }

  @Override
  protected Metric failingMetric() {
    return Metric.builder()
        .name("rate")
        .provider(Map.of("prometheus", Map.of("address", server.url() + "/broken", "query", "up")))
        .build();
  }

  @Override
  protected Optional<Metric> failingMetricWithCredential(String credential) {
    return Optional.of(
        Metric.builder()
            .name("rate")
            .provider(
                Map.of(
                    "prometheus",
                    Map.of(
                        "address",
                        server.url() + "/broken",
                        "query",
                        "up",
                        "authentication",
                        Map.of("basicAuth", Map.of("username", "u", "password", credential)))))
            .build());
  }
}
