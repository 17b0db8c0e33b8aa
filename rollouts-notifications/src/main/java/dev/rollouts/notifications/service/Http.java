package dev.rollouts.notifications.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** HTTP through the JDK client with timeouts, failures sorted into transient and permanent. */
final class Http {

  private final HttpClient client;
  private final Duration timeout;

  Http(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  HttpRequest.Builder request(String url) throws SendException {
    try {
      return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw SendException.permanent("invalid URL " + url + ": " + e.getMessage());
    }
  }

  /** Sends; a connection failure or timeout is a transient {@link SendException}. */
  HttpResponse<String> send(HttpRequest request, String what) throws SendException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw SendException.transientFailure(
          what
              + " to "
              + origin(request.uri())
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SendException.transientFailure(what + " interrupted", Optional.empty());
    }
  }

  /** Scheme, host and port only: paths and queries of webhook URLs often carry secrets. */
  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** {@code Retry-After} in seconds, as Slack and most servers send it. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** Whether a status is worth retrying, as go-retryablehttp decides: 429 and 5xx except 501. */
  static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status != 501);
  }
}
