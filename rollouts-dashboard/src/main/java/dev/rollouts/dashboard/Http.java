package dev.rollouts.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small helpers for {@link HttpExchange}: JSON replies, path segments, the same-origin rules. */
final class Http {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  private Http() {}

  /** {@code value} as JSON: maps, lists and scalars by Jackson, Kubernetes objects by fabric8. */
  static String write(Object value) {
    if (value instanceof io.fabric8.kubernetes.api.model.KubernetesResource) {
      return KUBERNETES.asJson(value);
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps, lists and scalars are always JSON", e);
    }
  }

  static void json(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json", write(value).getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  /**
   * The segments of a raw path, each percent-decoded on its own, so that {@code argoproj%2Fdemo}
   * stays one segment ({@code argoproj/demo}); {@code +} stays a plus.
   */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      if (!segment.isEmpty()) {
        out.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * A request that changes state must send {@code Content-Type: application/json}: a cross-site
   * HTML form cannot, and a cross-site script cannot without a preflight this server never grants.
   */
  static void requireJson(HttpExchange exchange) {
    String type =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
            .orElse("")
            .toLowerCase(Locale.ROOT);
    if (!type.equals("application/json") && !type.startsWith("application/json;")) {
      throw new ApiError(
          415, "a request that changes state must have Content-Type: application/json");
    }
  }

  /**
   * Refuses a request from another site: an {@code Origin} that is not this server's (the scheme
   * and the {@code Host} the request names), or {@code Sec-Fetch-Site: cross-site}; and, when the
   * server listens on loopback only, a {@code Host} that is not a loopback name (DNS rebinding).
   */
  static void requireSameOrigin(HttpExchange exchange, boolean loopbackOnly) {
    var headers = exchange.getRequestHeaders();
    String host = Optional.ofNullable(headers.getFirst("Host")).orElse("");
    if (loopbackOnly && !isLoopbackHost(host)) {
      throw new ApiError(
          403, "the dashboard listens on loopback only; Host \"" + host + "\" is refused");
    }
    String origin = headers.getFirst("Origin");
    if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
      throw new ApiError(403, "cross-origin request refused (Origin " + origin + ")");
    }
    if ("cross-site".equalsIgnoreCase(headers.getFirst("Sec-Fetch-Site"))) {
      throw new ApiError(403, "cross-site request refused");
    }
  }

  /** {@code localhost}, {@code 127.x.x.x} or {@code [::1]}, with or without a port. */
  static boolean isLoopbackHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      return name.startsWith("[::1]");
    }
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
