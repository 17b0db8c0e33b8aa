package dev.rollouts.notifications.service;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A generic webhook, as notifications-engine's {@code webhook.go}: settings {@code url}, {@code
 * headers: [{name, value}]}, {@code basicAuth: {username, password}}; the template's {@code
 * webhook.<service name>: {method, path, body}}. Method defaults to {@code GET}; a {@code path} is
 * appended to the URL with one slash between; the body is the template's {@code body}, or the
 * {@code message} when the template has no part for this service (sent even with GET). No
 * Content-Type unless a header sets it. 2xx is success; 429 and 5xx but 501 are transient.
 */
final class WebhookService implements NotificationService {

  private final Http http;
  private final String url;
  private final List<Object> headers;
  private final Map<String, Object> basicAuth;

  WebhookService(Map<String, Object> settings, Http http) {
    this.http = http;
    this.url = Settings.string(settings, "url");
    this.headers = Settings.list(settings, "headers");
    this.basicAuth = Settings.map(settings, "basicAuth");
  }

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public void send(Notification notification, Destination destination) throws SendException {
    String method = "GET";
    String target = url;
    String body = notification.message();
    Notification.Webhook hook = notification.webhook().get(destination.service());
    if (hook != null) {
      if (!hook.method().isEmpty()) {
        method = hook.method();
      }
      if (!hook.path().isEmpty()) {
        target = url.replaceAll("/+$", "") + "/" + hook.path().replaceAll("^/+", "");
      }
      body = hook.body();
    }
    HttpRequest.Builder request =
        http.request(target)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (Object h : headers) {
      if (h instanceof Map<?, ?> header && header.get("name") != null) {
        request.setHeader(
            String.valueOf(header.get("name")),
            header.get("value") == null ? "" : String.valueOf(header.get("value")));
      }
    }
    if (!basicAuth.isEmpty()) {
      String credentials =
          Settings.string(basicAuth, "username") + ":" + Settings.string(basicAuth, "password");
      request.setHeader(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = http.send(request.build(), "webhook request");
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new SendException(
          "request to "
              + method
              + " "
              + target
              + " has failed with error code "
              + status
              + " : "
              + response.body(),
          Http.retryable(status),
          Http.retryAfter(response));
    }
  }
}
