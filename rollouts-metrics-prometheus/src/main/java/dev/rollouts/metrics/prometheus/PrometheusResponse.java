package dev.rollouts.metrics.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.metrics.http.HttpSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus HTTP API answer as a measured value ({@code processResponse}, {@code
 * prometheus.go}): a scalar is a number; a vector is a list of its samples' values, labels dropped;
 * a matrix (range query) is every sample of every series in one list; anything else is {@code
 * Prometheus metric type not supported}. The value's text is Go's: {@code 0.95}, {@code NaN},
 * {@code +Inf}, {@code [0.99,0.98]}, {@code []}. An {@code "error"} status is {@code <errorType>:
 * <error>}; warnings go to the measurement's {@code warnings} metadata.
 */
final class PrometheusResponse {

  private PrometheusResponse() {}

  static ProviderResult read(int status, String body, String query) {
    JsonNode root;
    try {
      root = HttpSupport.json().readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new ProviderResult.Failure(
          status / 100 == 2
              ? "bad_response: cannot read the Prometheus response as JSON"
              : (status / 100 == 4
                      ? "client_error: client error: "
                      : "server_error: server error: ")
                  + status);
    }
    if ("error".equals(root.path("status").asText())) {
      return new ProviderResult.Failure(
          root.path("errorType").asText() + ": " + root.path("error").asText());
    }
    if (status / 100 != 2) {
      return new ProviderResult.Failure("server_error: server error: " + status);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    Map<String, String> metadata = warnings(root.path("warnings"));
    switch (type) {
      case "scalar" -> {
        double value = sample(result.path(1).asText());
        return new ProviderResult.Value(value, text(value), Optional.of(query), metadata);
      }
      case "vector" -> {
        List<Double> values = new ArrayList<>();
        result.forEach(s -> values.add(sample(s.path("value").path(1).asText())));
        return new ProviderResult.Value(values, text(values), Optional.of(query), metadata);
      }
      case "matrix" -> {
        List<Double> values = new ArrayList<>();
        result.forEach(
            series -> series.path("values").forEach(v -> values.add(sample(v.path(1).asText()))));
        return new ProviderResult.Value(values, text(values), Optional.of(query), metadata);
      }
      default -> {
        return new ProviderResult.Failure("Prometheus metric type not supported");
      }
    }
  }

  private static Map<String, String> warnings(JsonNode warnings) {
    if (!warnings.isArray() || warnings.isEmpty()) {
      return Map.of();
    }
    List<String> quoted = new ArrayList<>();
    warnings.forEach(w -> quoted.add("\"" + w.asText() + "\""));
    return Map.of("warnings", String.join(", ", quoted));
  }

  /** A sample value as Prometheus writes it: a number, {@code NaN}, {@code +Inf}, {@code -Inf}. */
  static double sample(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** Go's {@code SampleValue.String()}: {@code strconv.FormatFloat(v, 'f', -1, 64)}. */
  static String text(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static String text(List<Double> values) {
    return "[" + String.join(",", values.stream().map(PrometheusResponse::text).toList()) + "]";
  }
}
