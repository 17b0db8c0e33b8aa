package dev.rollouts.metrics.prometheus;

import dev.rollouts.analysis.GoDuration;
import dev.rollouts.expr.Expression;
import dev.rollouts.expr.ExpressionException;
import dev.rollouts.expr.Values;
import dev.rollouts.metrics.http.HttpSupport;
import dev.rollouts.metrics.http.ProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A metric's {@code provider.prometheus} read into one HTTP query, with Argo's checks and messages
 * ({@code metricproviders/prometheus/prometheus.go}): the address or {@code
 * ARGO_ROLLOUTS_PROMETHEUS_ADDRESS}, {@code timeout} in seconds (default 30), {@code insecure},
 * {@code headers}, {@code authentication.basicAuth} / {@code oauth2}, and {@code rangeQuery}.
 */
record PrometheusQuery(
    String address,
    String query,
    Duration timeout,
    boolean insecure,
    List<Map.Entry<String, String>> headers,
    Optional<String> authorization,
    Optional<OAuth2> oauth2,
    Optional<Range> range) {

  /** The environment variable that gives the address when a metric has none. */
  static final String ADDRESS_ENV = "ARGO_ROLLOUTS_PROMETHEUS_ADDRESS";

  record OAuth2(String tokenUrl, String clientId, String clientSecret, List<String> scopes) {}

  record Range(Instant start, Instant end, Duration step) {}

  /**
   * Reads {@code config}.
   *
   * @throws IllegalArgumentException with Argo's message when it is not usable
   */
  static PrometheusQuery of(Map<String, Object> config, UnaryOperator<String> env, Instant now) {
    String address = ProviderConfig.string(config, "address").orElse("");
    if (address.isEmpty()) {
      String fromEnv = env.apply(ADDRESS_ENV);
      if (fromEnv == null || fromEnv.isEmpty()) {
        throw new IllegalArgumentException("prometheus address is not configured");
      }
      address = fromEnv;
    }
    if (!isUrl(address)) {
      throw new IllegalArgumentException("prometheus address is not is url format");
    }
    Duration timeout = Duration.ofSeconds(30);
    Optional<Long> seconds = ProviderConfig.integer(config, "timeout");
    if (seconds.isPresent()) {
      if (seconds.get() < 0) {
        throw new IllegalArgumentException("prometheus timeout should not be negative");
      }
      timeout = Duration.ofSeconds(seconds.get());
    }
    Map<String, Object> auth = ProviderConfig.map(config, "authentication");
    Map<String, Object> basic = ProviderConfig.map(auth, "basicAuth");
    Optional<String> authorization = Optional.empty();
    String user = ProviderConfig.string(basic, "username").orElse("");
    String password = ProviderConfig.string(basic, "password").orElse("");
    if (!user.isEmpty() || !password.isEmpty()) {
      if (user.isEmpty()) {
        throw new IllegalArgumentException(
            "missing mandatory parameter in metric for basic auth setup: username");
      }
      if (password.isEmpty()) {
        throw new IllegalArgumentException(
            "missing mandatory parameter in metric for basic auth setup: password");
      }
      authorization = Optional.of(HttpSupport.basicAuth(user, password));
    }
    if (address.contains("aps-workspaces") && !ProviderConfig.map(auth, "sigv4").isEmpty()) {
      throw new IllegalArgumentException(
          "prometheus authentication.sigv4 (Amazon Managed Prometheus) is not supported by this provider");
    }
    Map<String, Object> oauth = ProviderConfig.map(auth, "oauth2");
    Optional<OAuth2> oauth2 = Optional.empty();
    if (ProviderConfig.string(oauth, "tokenUrl").isPresent()) {
      Optional<String> id = ProviderConfig.string(oauth, "clientId");
      Optional<String> secret = ProviderConfig.string(oauth, "clientSecret");
      if (id.isEmpty() || secret.isEmpty()) {
        throw new IllegalArgumentException(
            "missing mandatory parameter in metric for OAuth2 setup");
      }
      oauth2 =
          Optional.of(
              new OAuth2(
                  ProviderConfig.string(oauth, "tokenUrl").get(),
                  id.get(),
                  secret.get(),
                  ProviderConfig.strings(oauth, "scopes")));
    }
    Optional<Range> range = Optional.empty();
    Map<String, Object> rangeQuery = ProviderConfig.map(config, "rangeQuery");
    if (config.get("rangeQuery") != null) {
      Instant start = time(ProviderConfig.string(rangeQuery, "start").orElse(""), now, "start");
      Instant end = time(ProviderConfig.string(rangeQuery, "end").orElse(""), now, "end");
      Duration step;
      try {
        step = GoDuration.parse(ProviderConfig.string(rangeQuery, "step").orElse(""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "failed to parse rangeQuery.step as duration: " + e.getMessage());
      }
      range = Optional.of(new Range(start, end, step));
    }
    return new PrometheusQuery(
        address,
        ProviderConfig.string(config, "query").orElse(""),
        timeout,
        ProviderConfig.bool(config, "insecure"),
        HttpSupport.headers(config),
        authorization,
        oauth2,
        range);
  }

  /** The URL of the query endpoint, the address's path kept. */
  URI endpoint() {
    String base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    return URI.create(base + (range.isPresent() ? "/api/v1/query_range" : "/api/v1/query"));
  }

  /** The form fields of the query, as client_golang sends them. */
  Map<String, String> fields(Instant now) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("query", query);
    if (range.isPresent()) {
      fields.put("start", unixSeconds(range.get().start()));
      fields.put("end", unixSeconds(range.get().end()));
      fields.put("step", seconds(range.get().step()));
    } else {
      fields.put("time", unixSeconds(now));
    }
    return fields;
  }

  /**
   * A range-query bound: an expr expression evaluated with {@code now()} answering the
   * measurement's time, as Argo's {@code EvalTime} does ({@code now() - duration("1h")}).
   */
  private static Instant time(String text, Instant now, String field) {
    Object value;
    try {
      value = Expression.parse(text).evaluate(Map.of(), now);
    } catch (ExpressionException e) {
      throw new IllegalArgumentException(
          "failed to parse rangeQuery." + field + " as time: " + e.getMessage());
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalArgumentException(
        "failed to parse rangeQuery."
            + field
            + " as time: expected a time, got "
            + Values.format(value));
  }

  private static String unixSeconds(Instant t) {
    return new java.math.BigDecimal(t.getEpochSecond())
        .add(java.math.BigDecimal.valueOf(t.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
  }

  private static boolean isUrl(String address) {
    try {
      URI uri = new URI(address);
      return uri.getScheme() != null && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
