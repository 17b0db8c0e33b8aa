package dev.rollouts.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.provider.MeasurementRequest;
import dev.rollouts.analysis.provider.MetricProviders;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.testkit.FakeHttpServer;
import dev.rollouts.testkit.FakeHttpServer.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argo's web provider ({@code metricproviders/webmetric/webmetric.go}) against a fake server. */
class WebProviderTest {

  private final FakeHttpServer server = FakeHttpServer.start();
  private final WebProvider provider = new WebProvider();

  @AfterEach
  void stop() {
    server.close();
  }

  private ProviderResult measure(Object... pairs) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("url", server.url() + "/metric");
    for (int i = 0; i < pairs.length; i += 2) {
      config.put((String) pairs[i], pairs[i + 1]);
    }
    Metric metric = Metric.builder().name("m").provider(Map.of("web", config)).build();
    return provider
        .run(new MeasurementRequest("r", "ns", Optional.empty(), metric, Instant.EPOCH))
        .toCompletableFuture()
        .join();
  }

  @Test
  void getsTheUrlAndReadsTheWholeJsonBodyByDefault() {
    server.answer("/metric", r -> Response.json(200, "{\"ok\":true,\"successPercent\":0.95}"));
    ProviderResult.Value value = (ProviderResult.Value) measure();
    assertThat(value.result()).isEqualTo(Map.of("ok", true, "successPercent", 0.95));
    assertThat(value.text()).isEqualTo("{\"ok\":true,\"successPercent\":0.95}");
    assertThat(server.requests().get(0).method()).isEqualTo("GET");
  }

  @Test
  void aJsonPathPicksTheFirstMatchAndNumbersAreFloats() {
    server.answer(
        "/metric", r -> Response.json(200, "{\"data\":{\"items\":[{\"v\":1},{\"v\":2}]}}"));
    ProviderResult.Value value = (ProviderResult.Value) measure("jsonPath", "{$.data.items[*].v}");
    assertThat(value.result()).isEqualTo(1.0);
    assertThat(value.text()).isEqualTo("1");
    assertThat(((ProviderResult.Value) measure("jsonPath", "{.data.items[-1]}")).text())
        .isEqualTo("{\"v\":2}");
  }

  @Test
  void aMissingPathIsAnError() {
    server.answer("/metric", r -> Response.json(200, "{\"data\":{}}"));
    assertThat(measure("jsonPath", "{.data.missing}"))
        .isEqualTo(
            new ProviderResult.Failure("Could not find JSONPath in body: missing is not found"));
    server.answer("/metric", r -> Response.json(200, "{\"data\":[]}"));
    assertThat(measure("jsonPath", "{.data[*]}"))
        .isEqualTo(new ProviderResult.Failure("result of web metric produced no value"));
  }

  @Test
  void aPlainTextBodyIsTheResultAsAString() {
    server.answer("/metric", r -> Response.text(200, "ok"));
    ProviderResult.Value value = (ProviderResult.Value) measure();
    assertThat(value.result()).isEqualTo("ok");
    assertThat(value.text()).isEqualTo("ok");
  }

  @Test
  void aNon2xxStatusIsAnError() {
    server.answer("/metric", r -> Response.text(503, "down"));
    assertThat(measure())
        .isEqualTo(new ProviderResult.Failure("received non 2xx response code: 503"));
  }

  @Test
  void postsABodyWithHeaders() {
    server.answer("/metric", r -> Response.json(200, "1"));
    measure(
        "method",
        "POST",
        "body",
        "q=1",
        "headers",
        List.of(Map.of("key", "X-Token", "value", "t")));
    FakeHttpServer.Request r = server.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).isEqualTo("q=1");
    assertThat(r.header("X-Token")).isEqualTo("t");
  }

  @Test
  void putsAJsonBodyAsApplicationJson() {
    server.answer("/metric", r -> Response.json(200, "1"));
    measure("method", "PUT", "jsonBody", Map.of("a", 1));
    FakeHttpServer.Request r = server.requests().get(0);
    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.body()).isEqualTo("{\"a\":1}");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void argosBodyRules() {
    assertThat(measure("body", "x"))
        .isEqualTo(
            new ProviderResult.Failure(
                "Body/JSONBody can only be used with POST or PUT WebMetric Method types"));
    assertThat(measure("method", "POST", "body", "x", "jsonBody", Map.of()))
        .isEqualTo(
            new ProviderResult.Failure(
                "use either Body or JSONBody; both cannot exists for WebMetric payload"));
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aSlowServerTimesOut() {
    server.answer(
        "/metric",
        r -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Response.json(200, "1");
        });
    ProviderResult result = measure("timeoutSeconds", 1);
    assertThat(((ProviderResult.Failure) result).message()).endsWith(": context deadline exceeded");
  }

  @Test
  void oauth2AddsABearerToken() {
    server.answer("/token", r -> Response.json(200, "{\"access_token\":\"abc\"}"));
    server.answer("/metric", r -> Response.json(200, "1"));
    measure(
        "authentication",
        Map.of(
            "oauth2",
            Map.of("tokenUrl", server.url() + "/token", "clientId", "i", "clientSecret", "s")));
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer abc");
  }

  @Test
  void itIsFoundByServiceLoader() {
    assertThat(MetricProviders.load().find("web")).get().isInstanceOf(WebProvider.class);
  }
}
