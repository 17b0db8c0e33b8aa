package dev.rollouts.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.provider.MeasurementRequest;
import dev.rollouts.analysis.provider.MetricProviders;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.testkit.FakeHttpServer;
import dev.rollouts.testkit.FakeHttpServer.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argo's prometheus provider ({@code metricproviders/prometheus/prometheus.go}) against a fake. */
class PrometheusProviderTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00.5Z");
  static final String VECTOR =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          + "{\"metric\":{\"pod\":\"a\"},\"value\":[1767225600,\"0.99\"]},"
          + "{\"metric\":{\"pod\":\"b\"},\"value\":[1767225600,\"0.5\"]}]}}";

  private final FakeHttpServer server = FakeHttpServer.start();
  private final PrometheusProvider provider = new PrometheusProvider(name -> null);

  @AfterEach
  void stop() {
    server.close();
  }

  static Map<String, String> form(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return fields;
    }
    Arrays.stream(text.split("&"))
        .map(kv -> kv.split("=", 2))
        .forEach(
            kv ->
                fields.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8)));
    return fields;
  }

  private ProviderResult measure(Map<String, Object> config) {
    Metric metric = Metric.builder().name("m").provider(Map.of("prometheus", config)).build();
    return provider
        .run(new MeasurementRequest("run", "ns", Optional.empty(), metric, NOW))
        .toCompletableFuture()
        .join();
  }

  private Map<String, Object> config(Object... more) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("address", server.url());
    c.put("query", "up");
    for (int i = 0; i < more.length; i += 2) {
      c.put((String) more[i], more[i + 1]);
    }
    return c;
  }

  @Test
  void postsTheQueryAndTimeAsAFormAndReadsAVectorAsAList() {
    server.answer("/api/v1/query", r -> Response.json(200, VECTOR));
    ProviderResult.Value value = (ProviderResult.Value) measure(config());
    assertThat(value.result()).isEqualTo(List.of(0.99, 0.5));
    assertThat(value.text()).isEqualTo("[0.99,0.5]");
    assertThat(value.query()).hasValue("up");
    FakeHttpServer.Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(request.body()))
        .containsEntry("query", "up")
        .containsEntry("time", "1767225600.5");
  }

  @Test
  void retriesAsAGetWhenPostIsNotAllowed() {
    server.answer(
        "/api/v1/query",
        r -> r.method().equals("POST") ? Response.text(405, "") : Response.json(200, VECTOR));
    assertThat(measure(config())).isInstanceOf(ProviderResult.Value.class);
    assertThat(server.requests())
        .extracting(FakeHttpServer.Request::method)
        .containsExactly("POST", "GET");
    assertThat(form(server.requests().get(1).query())).containsEntry("query", "up");
  }

  @Test
  void aScalarIsANumberAndSpecialValuesAreRead() {
    server.answer(
        "/api/v1/query",
        r ->
            Response.json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"+Inf\"]}}"));
    ProviderResult.Value value = (ProviderResult.Value) measure(config());
    assertThat(value.result()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value.text()).isEqualTo("+Inf");
    assertThat(PrometheusResponse.sample("NaN")).isNaN();
    assertThat(PrometheusResponse.text(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusResponse.text(0.95)).isEqualTo("0.95");
    assertThat(PrometheusResponse.text(100.0)).isEqualTo("100");
  }

  @Test
  void aRangeQueryFlattensTheMatrix() {
    server.answer(
        "/api/v1/query_range",
        r ->
            Response.json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                    + "{\"metric\":{},\"values\":[[1,\"1\"],[2,\"2\"]]},{\"metric\":{},\"values\":[[1,\"3\"]]}]}}"));
    ProviderResult.Value value =
        (ProviderResult.Value)
            measure(
                config(
                    "rangeQuery",
                    Map.of("start", "now() - duration(\"1h\")", "end", "now()", "step", "1m")));
    assertThat(value.result()).isEqualTo(List.of(1.0, 2.0, 3.0));
    assertThat(form(server.requests().get(0).body()))
        .containsEntry("start", "1767222000.5")
        .containsEntry("end", "1767225600.5")
        .containsEntry("step", "60");
  }

  @Test
  void aRangeBoundThatIsNotATimeIsArgosError() {
    ProviderResult result =
        measure(config("rangeQuery", Map.of("start", "1 + 1", "end", "now()", "step", "1m")));
    assertThat(result)
        .isEqualTo(
            new ProviderResult.Failure(
                "failed to parse rangeQuery.start as time: expected a time, got 2"));
  }

  @Test
  void anEmptyVectorIsAnEmptyList() {
    server.answer(
        "/api/v1/query",
        r ->
            Response.json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    ProviderResult.Value value = (ProviderResult.Value) measure(config());
    assertThat(value.result()).isEqualTo(List.of());
    assertThat(value.text()).isEqualTo("[]");
  }

  @Test
  void anErrorStatusIsTheErrorTypeAndMessage() {
    server.answer(
        "/api/v1/query",
        r ->
            Response.json(
                400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 3\"}"));
    assertThat(measure(config()))
        .isEqualTo(new ProviderResult.Failure("bad_data: parse error at char 3"));
  }

  @Test
  void aStringResultIsNotSupported() {
    server.answer(
        "/api/v1/query",
        r ->
            Response.json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"x\"]}}"));
    assertThat(measure(config()))
        .isEqualTo(new ProviderResult.Failure("Prometheus metric type not supported"));
  }

  @Test
  void warningsGoToTheMeasurementsMetadata() {
    server.answer(
        "/api/v1/query",
        r -> Response.json(200, VECTOR.replace("]}}", "]},\"warnings\":[\"w1\",\"w2\"]}")));
    assertThat(((ProviderResult.Value) measure(config())).metadata())
        .containsEntry("warnings", "\"w1\", \"w2\"");
  }

  @Test
  void headersAndBasicAuthAreSent() {
    server.answer("/api/v1/query", r -> Response.json(200, VECTOR));
    measure(
        config(
            "headers", List.of(Map.of("key", "X-Scope-OrgID", "value", "team-a")),
            "authentication", Map.of("basicAuth", Map.of("username", "u", "password", "p"))));
    FakeHttpServer.Request request = server.requests().get(0);
    assertThat(request.header("X-Scope-OrgID")).isEqualTo("team-a");
    assertThat(request.header("Authorization")).isEqualTo("Basic dTpw");
  }

  @Test
  void oauth2ClientCredentialsGiveABearerToken() {
    server.answer(
        "/token", r -> Response.json(200, "{\"access_token\":\"tok\",\"token_type\":\"bearer\"}"));
    server.answer("/api/v1/query", r -> Response.json(200, VECTOR));
    measure(
        config(
            "authentication",
            Map.of(
                "oauth2",
                Map.of(
                    "tokenUrl",
                    server.url() + "/token",
                    "clientId",
                    "id",
                    "clientSecret",
                    "secret",
                    "scopes",
                    List.of("read", "write")))));
    assertThat(form(server.requests().get(0).body()))
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "id")
        .containsEntry("client_secret", "secret")
        .containsEntry("scope", "read write");
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer tok");
  }

  @Test
  void theAddressComesFromTheEnvironmentWhenTheMetricHasNone() {
    server.answer("/prom/api/v1/query", r -> Response.json(200, VECTOR));
    PrometheusProvider fromEnv =
        new PrometheusProvider(
            name ->
                name.equals("ARGO_ROLLOUTS_PROMETHEUS_ADDRESS") ? server.url() + "/prom/" : null);
    Metric metric =
        Metric.builder().name("m").provider(Map.of("prometheus", Map.of("query", "up"))).build();
    ProviderResult result =
        fromEnv
            .run(new MeasurementRequest("r", "ns", Optional.empty(), metric, NOW))
            .toCompletableFuture()
            .join();
    assertThat(result).isInstanceOf(ProviderResult.Value.class);
  }

  @Test
  void argosConfigurationErrors() {
    assertThat(measure(Map.of("query", "up")))
        .isEqualTo(new ProviderResult.Failure("prometheus address is not configured"));
    assertThat(measure(Map.of("address", "not a url", "query", "up")))
        .isEqualTo(new ProviderResult.Failure("prometheus address is not is url format"));
    assertThat(measure(config("timeout", -1)))
        .isEqualTo(new ProviderResult.Failure("prometheus timeout should not be negative"));
    assertThat(measure(config("authentication", Map.of("basicAuth", Map.of("username", "u")))))
        .isEqualTo(
            new ProviderResult.Failure(
                "missing mandatory parameter in metric for basic auth setup: password"));
    assertThat(measure(config("authentication", Map.of("oauth2", Map.of("tokenUrl", "http://t")))))
        .isEqualTo(
            new ProviderResult.Failure("missing mandatory parameter in metric for OAuth2 setup"));
  }

  @Test
  void anUnreachableServerIsAnErrorNamingTheUrl() {
    int port = server.url().lastIndexOf(':');
    server.close();
    ProviderResult result = measure(config());
    assertThat(((ProviderResult.Failure) result).message())
        .startsWith("Post \"" + server.url() + "/api/v1/query\": ");
  }

  @Test
  void theResolvedQueryIsKeptInTheMetricsMetadata() {
    Metric metric =
        Metric.builder()
            .name("m")
            .provider(Map.of("prometheus", Map.of("query", "sum(up)")))
            .build();
    assertThat(provider.metadata(metric)).containsEntry("ResolvedPrometheusQuery", "sum(up)");
  }

  @Test
  void itIsFoundByServiceLoader() {
    assertThat(MetricProviders.load().find("prometheus"))
        .get()
        .isInstanceOf(PrometheusProvider.class);
  }
}
