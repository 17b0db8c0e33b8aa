package dev.rollouts.metrics.prometheus;

import dev.rollouts.analysis.provider.MeasurementRequest;
import dev.rollouts.analysis.provider.MetricProvider;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.metrics.http.HttpSupport;
import dev.rollouts.metrics.http.ProviderConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Argo's {@code prometheus} metric provider over the JDK HTTP client.
 *
 * <p>A measurement is a POST of {@code query} and {@code time} (or {@code start}, {@code end},
 * {@code step} for a {@code rangeQuery}) as a form to {@code <address>/api/v1/query} (or {@code
 * /query_range}), retried as a GET with the same parameters when the server answers 405 or 501, as
 * client_golang's {@code DoGetFallback} does. An OAuth2 client-credentials token, basic auth and
 * the configured headers go on the request; {@code timeout} (seconds, default 30) bounds it. The
 * answer becomes a value for the metric's conditions ({@link PrometheusResponse}); the metric
 * result keeps the query as {@code ResolvedPrometheusQuery}.
 *
 * <pre>{@code
 * provider:
 *   prometheus:
 *     address: http://prometheus.monitoring:9090
 *     query: sum(rate(http_requests_total{status!~"5.*",service="{{args.service}}"}[5m]))
 *            / sum(rate(http_requests_total{service="{{args.service}}"}[5m]))
 * successCondition: result[0] >= 0.95
 * }</pre>
 */
public final class PrometheusProvider implements MetricProvider {

  private final UnaryOperator<String> env;

  /** A provider reading {@code ARGO_ROLLOUTS_PROMETHEUS_ADDRESS} from the environment. */
  public PrometheusProvider() {
    this(System::getenv);
  }

  /** A provider reading environment variables from {@code env} (for tests and embedding). */
  public PrometheusProvider(UnaryOperator<String> env) {
    this.env = env;
  }

  @Override
  public String type() {
    return "prometheus";
  }

  @Override
  public Map<String, String> metadata(Metric metric) {
    return ProviderConfig.string(metric.providerConfig(), "query")
        .map(q -> Map.of("ResolvedPrometheusQuery", q))
        .orElse(Map.of());
  }

  @Override
  public CompletionStage<ProviderResult> run(MeasurementRequest request) {
    PrometheusQuery query;
    try {
      query = PrometheusQuery.of(request.metric().providerConfig(), env, request.now());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new ProviderResult.Failure(e.getMessage()));
    }
    HttpClient client = HttpSupport.client(query.insecure());
    CompletableFuture<Optional<String>> bearer =
        query.oauth2().isEmpty()
            ? CompletableFuture.completedFuture(Optional.empty())
            : HttpSupport.oauth2Token(
                    client,
                    query.oauth2().get().tokenUrl(),
                    query.oauth2().get().clientId(),
                    query.oauth2().get().clientSecret(),
                    query.oauth2().get().scopes(),
                    query.timeout())
                .thenApply(token -> Optional.of("Bearer " + token));
    String form = HttpSupport.form(query.fields(request.now()));
    return bearer
        .thenCompose(
            token ->
                send(client, post(query, form, token))
                    .thenCompose(
                        response ->
                            response.statusCode() == 405 || response.statusCode() == 501
                                ? send(client, get(query, form, token))
                                : CompletableFuture.completedFuture(response)))
        .handle(
            (response, failure) ->
                failure != null
                    ? new ProviderResult.Failure(
                        HttpSupport.describe("POST", query.endpoint().toString(), failure))
                    : PrometheusResponse.read(
                        response.statusCode(), response.body(), query.query()));
  }

  private static CompletableFuture<HttpResponse<String>> send(HttpClient client, HttpRequest r) {
    return client.sendAsync(r, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest post(PrometheusQuery q, String form, Optional<String> bearer) {
    return decorate(HttpRequest.newBuilder(q.endpoint()), q, bearer)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static HttpRequest get(PrometheusQuery q, String form, Optional<String> bearer) {
    return decorate(
            HttpRequest.newBuilder(java.net.URI.create(q.endpoint() + "?" + form)), q, bearer)
        .GET()
        .build();
  }

  private static HttpRequest.Builder decorate(
      HttpRequest.Builder b, PrometheusQuery q, Optional<String> bearer) {
    b.timeout(q.timeout().isZero() ? java.time.Duration.ofMillis(1) : q.timeout());
    q.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
    q.authorization().ifPresent(a -> b.setHeader("Authorization", a));
    bearer.ifPresent(a -> b.setHeader("Authorization", a));
    return b;
  }
}
