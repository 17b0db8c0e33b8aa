package dev.rollouts.metrics.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP helpers for metric providers. Every method is non-blocking or pure.
 *
 * <p>{@code insecure: true} trusts any certificate chain, as Go's {@code InsecureSkipVerify} does;
 * the JDK client still checks the host name against the certificate unless the JVM runs with {@code
 * -Djdk.internal.httpclient.disableHostnameVerification}.
 */
public final class HttpSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient SECURE = build(false);
  private static final HttpClient INSECURE = build(true);

  private HttpSupport() {}

  /** The shared client, verifying TLS certificates unless {@code insecure}. */
  public static HttpClient client(boolean insecure) {
    return insecure ? INSECURE : SECURE;
  }

  private static HttpClient build(boolean insecure) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (insecure) {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        builder.sslContext(context);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot create a TLS context", e);
      }
    }
    return builder.build();
  }

  /** The JSON mapper the providers share. */
  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * The {@code headers: [{key, value}]} of a provider's configuration, in order.
   *
   * @throws IllegalArgumentException if an entry has no key
   */
  public static List<Map.Entry<String, String>> headers(Map<String, Object> config) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (config.get("headers") instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> h && h.get("key") instanceof String key && !key.isEmpty()) {
          Object value = h.get("value");
          headers.add(Map.entry(key, value == null ? "" : String.valueOf(value)));
        } else {
          throw new IllegalArgumentException("headers: every header needs a key");
        }
      }
    }
    return headers;
  }

  /** {@code Basic base64(user:password)}. */
  public static String basicAuth(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code application/x-www-form-urlencoded} of {@code fields}, in order. */
  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * An OAuth2 client-credentials access token (RFC 6749 §4.4): a POST of {@code
   * grant_type=client_credentials}, the client's id and secret and the scopes to {@code tokenUrl},
   * answered with {@code access_token}. Completes exceptionally with an {@link
   * IllegalStateException} whose message never contains the secret.
   */
  public static CompletableFuture<String> oauth2Token(
      HttpClient client,
      String tokenUrl,
      String clientId,
      String clientSecret,
      List<String> scopes,
      Duration timeout) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("client_id", clientId);
    fields.put("client_secret", clientSecret);
    if (!scopes.isEmpty()) {
      fields.put("scope", String.join(" ", scopes));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tokenUrl))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw new IllegalStateException(
                    "oauth2: cannot fetch token: " + describe("POST", tokenUrl, failure));
              }
              if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                    "oauth2: cannot fetch token: " + response.statusCode() + " from " + tokenUrl);
              }
              Optional<String> token = accessToken(response.body());
              return token.orElseThrow(
                  () -> new IllegalStateException("oauth2: server response missing access_token"));
            });
  }

  private static Optional<String> accessToken(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode token = node == null ? null : node.get("access_token");
      return token != null && token.isTextual() ? Optional.of(token.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * A request failure as Go's {@code net/http} words it: {@code Post "http://h/api": connection
   * refused}, {@code ...: context deadline exceeded} for a timeout.
   */
  public static String describe(String method, String url, Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String what;
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
      what = "context deadline exceeded";
    } else if (cause instanceof ConnectException) {
      what = "connection refused";
    } else if (cause instanceof IllegalStateException && cause.getMessage() != null) {
      return cause.getMessage();
    } else {
      what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
    String verb = method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT);
    return verb + " \"" + url + "\": " + what;
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
