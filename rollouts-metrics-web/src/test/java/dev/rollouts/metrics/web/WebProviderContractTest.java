package dev.rollouts.metrics.web;

import dev.rollouts.analysis.provider.MetricProvider;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.testkit.FakeHttpServer;
import dev.rollouts.testkit.FakeHttpServer.Response;
import dev.rollouts.testkit.MetricProviderContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The metric provider contract, for the web provider against a fake server. */
class WebProviderContractTest extends MetricProviderContract {

  private final FakeHttpServer server =
      FakeHttpServer.start()
          .answer("/ok", r -> Response.json(200, "{\"major\":\"1\"}"))
          .answer("/down", r -> Response.text(500, "down"));

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected MetricProvider provider() {
    return new WebProvider();
  }

  @Override
  protected Metric measurableMetric() {
    return Metric.builder()
        .name("version")
        .successCondition("result.major == '1'")
        .provider(Map.of("web", Map.of("url", server.url() + "/ok")))
        .build();
  }

  @Override
  protected Metric failingMetric() {
    return Metric.builder()
        .name("version")
        .provider(Map.of("web", Map.of("url", server.url() + "/down")))
        .build();
  }

  @Override
  protected Optional<Metric> failingMetricWithCredential(String credential) {
    return Optional.of(
        Metric.builder()
            .name("version")
            .provider(
                Map.of(
                    "web",
                    Map.of(
                        "url",
                        server.url() + "/down",
                        "headers",
                        List.of(Map.of("key", "Authorization", "value", "Bearer " + credential)))))
            .build());
  }
}
