package dev.rollouts.notifications.service;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.template.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grafana annotations, as notifications-engine's {@code grafana.go}: {@code POST
 * <apiUrl>/annotations} with {@code Authorization: Bearer <apiKey>} and the JSON {@code
 * {"time":<unix ms, whole seconds>,"isRegion":false,"tags":[…],"text":"<message>"}}, the tags being
 * the recipient split on {@code |}. Only HTTP 200 is success.
 */
final class GrafanaService implements NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(GrafanaService.class);

  private final Http http;
  private final String apiUrl;
  private final String apiKey;
  private final Supplier<Instant> clock;

  GrafanaService(Map<String, Object> settings, Http http, Supplier<Instant> clock) {
    this.http = http;
    this.apiUrl = Settings.string(settings, "apiUrl");
    this.apiKey = Settings.string(settings, "apiKey");
    this.clock = clock;
  }

  @Override
  public String type() {
    return "grafana";
  }

  @Override
  public void send(Notification notification, Destination destination) throws SendException {
    if (notification.message().isEmpty()) {
      LOG.warn("Message is an empty string or not provided in the notifications template");
    }
    List<Object> tags =
        new ArrayList<>(List.of((Object[]) destination.recipient().split("\\|", -1)));
    String body =
        Json.write(
            new Json.Struct()
                .with("time", clock.get().getEpochSecond() * 1000)
                .with("isRegion", false)
                .with("tags", tags)
                .with("text", notification.message()));
    HttpRequest request =
        http.request(annotationsUrl())
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, "grafana annotation");
    if (response.statusCode() != 200) {
      throw new SendException(
          "request to "
              + apiUrl
              + " has failed with error code "
              + response.statusCode()
              + " : "
              + response.body(),
          Http.retryable(response.statusCode()),
          Http.retryAfter(response));
    }
  }

  /** Go's {@code path.Join(u.Path, "annotations")} on the URL's path. */
  private String annotationsUrl() throws SendException {
    try {
      java.net.URI uri = java.net.URI.create(apiUrl);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String joined = (path.replaceAll("/+$", "") + "/annotations").replaceAll("//+", "/");
      return new java.net.URI(uri.getScheme(), uri.getRawAuthority(), null, null, null).toString()
          + joined
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      throw SendException.permanent("invalid grafana apiUrl " + apiUrl);
    }
  }
}
