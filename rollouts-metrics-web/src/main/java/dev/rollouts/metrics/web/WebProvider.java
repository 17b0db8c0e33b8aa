package dev.rollouts.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.rollouts.analysis.provider.MeasurementRequest;
import dev.rollouts.analysis.provider.MetricProvider;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.metrics.http.HttpSupport;
import dev.rollouts.metrics.http.ProviderConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Argo's {@code web} metric provider ({@code metricproviders/webmetric/webmetric.go}) over the JDK
 * HTTP client.
 *
 * <p>A measurement is one {@code GET} (default), {@code POST} or {@code PUT} of {@code url} with
 * {@code headers} and a {@code body} (a string) or {@code jsonBody} (JSON, sent as {@code
 * application/json}), bounded by {@code timeoutSeconds} (10 when not above 0), with an OAuth2
 * client-credentials token when {@code authentication.oauth2} is set. Any status outside 2xx is an
 * Error, {@code received non 2xx response code: 503}. A JSON body is read by {@code jsonPath}
 * (Kubernetes JSONPath, default {@code {$}}) and its first match is the result, written as JSON for
 * the measurement's value; a body that is not JSON is the result as a string ({@code result ==
 * 'ok'}).
 */
public final class WebProvider implements MetricProvider {

  private static final ObjectReader STRICT =
      HttpSupport.json().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Override
  public String type() {
    return "web";
  }

  @Override
  public CompletionStage<ProviderResult> run(MeasurementRequest request) {
    Map<String, Object> config = request.metric().providerConfig();
    String method = ProviderConfig.string(config, "method").orElse("GET");
    String url = ProviderConfig.string(config, "url").orElse("");
    Optional<String> body = ProviderConfig.string(config, "body");
    Object jsonBody = config.get("jsonBody");
    if (body.isPresent() && jsonBody != null) {
      return failure("use either Body or JSONBody; both cannot exists for WebMetric payload");
    }
    if ((body.isPresent() || jsonBody != null) && method.equals("GET")) {
      return failure("Body/JSONBody can only be used with POST or PUT WebMetric Method types");
    }
    long seconds;
    HttpRequest.Builder builder;
    JsonPath path;
    try {
      seconds = ProviderConfig.integer(config, "timeoutSeconds").orElse(0L);
      builder = HttpRequest.newBuilder(URI.create(url));
      path = JsonPath.parse(ProviderConfig.string(config, "jsonPath").orElse(""));
      HttpSupport.headers(config).forEach(h -> builder.setHeader(h.getKey(), h.getValue()));
    } catch (IllegalArgumentException e) {
      return failure(e.getMessage());
    }
    Duration timeout = Duration.ofSeconds(seconds <= 0 ? 10 : seconds);
    builder.timeout(timeout);
    String payload = body.orElse("");
    if (jsonBody != null) {
      try {
        payload = HttpSupport.json().writeValueAsString(jsonBody);
      } catch (JsonProcessingException e) {
        return failure(e.getMessage());
      }
      builder.setHeader("Content-Type", "application/json");
    }
    builder.method(
        method,
        method.equals("GET")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(payload));
    HttpClient client = HttpSupport.client(ProviderConfig.bool(config, "insecure"));
    Map<String, Object> oauth =
        ProviderConfig.map(ProviderConfig.map(config, "authentication"), "oauth2");
    CompletableFuture<Optional<String>> bearer =
        CompletableFuture.completedFuture(Optional.empty());
    if (ProviderConfig.string(oauth, "tokenUrl").isPresent()) {
      Optional<String> id = ProviderConfig.string(oauth, "clientId");
      Optional<String> secret = ProviderConfig.string(oauth, "clientSecret");
      if (id.isEmpty() || secret.isEmpty()) {
        return failure("missing mandatory parameter in metric for OAuth2 setup");
      }
      bearer =
          HttpSupport.oauth2Token(
                  client,
                  ProviderConfig.string(oauth, "tokenUrl").get(),
                  id.get(),
                  secret.get(),
                  ProviderConfig.strings(oauth, "scopes"),
                  timeout)
              .thenApply(t -> Optional.of("Bearer " + t));
    }
    return bearer
        .thenCompose(
            token -> {
              token.ifPresent(t -> builder.setHeader("Authorization", t));
              return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
            })
        .handle(
            (response, failure) -> {
              if (failure != null) {
                return new ProviderResult.Failure(HttpSupport.describe(method, url, failure));
              }
              if (response.statusCode() < 200 || response.statusCode() >= 300) {
                return new ProviderResult.Failure(
                    "received non 2xx response code: " + response.statusCode());
              }
              return read(response.body(), path, url);
            });
  }

  /** Argo's {@code parseResponse}: JSONPath over a JSON body, or the body as a string. */
  static ProviderResult read(String body, JsonPath path, String url) {
    JsonNode node;
    try {
      node = body.isBlank() ? null : STRICT.readTree(body);
    } catch (IOException e) {
      node = null;
    }
    if (node == null) {
      return new ProviderResult.Value(body, body, Optional.of(url), Map.of());
    }
    List<Object> matches;
    try {
      matches = path.find(GoJson.decode(node));
    } catch (IllegalArgumentException e) {
      return new ProviderResult.Failure("Could not find JSONPath in body: " + e.getMessage());
    }
    if (matches.isEmpty()) {
      return new ProviderResult.Failure("result of web metric produced no value");
    }
    Object value = matches.get(0);
    return new ProviderResult.Value(value, GoJson.encode(value), Optional.of(url), Map.of());
  }

  private static CompletionStage<ProviderResult> failure(String message) {
    return CompletableFuture.completedFuture(new ProviderResult.Failure(message));
  }
}
