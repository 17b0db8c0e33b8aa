package dev.rollouts.notifications.service;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.template.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's {@code chat.postMessage}, as notifications-engine sends it through slack-go v0.16.0:
 * {@code POST {apiURL}chat.postMessage} (default {@code https://slack.com/api/}), form-encoded,
 * keys sorted: {@code attachments} (always, {@code []} at least, when the template has a {@code
 * slack:} part), {@code blocks} (when non-empty), {@code channel} (the recipient), {@code
 * icon_emoji} or {@code icon_url}, {@code reply_broadcast}, {@code text} (the message), {@code
 * thread_ts}, {@code token} (a form field, not a header), {@code unfurl_links}/{@code unfurl_media}
 * (with {@code disableUnfurl}), {@code username}.
 *
 * <p>The reply {@code {"ok":false,"error":"channel_not_found"}} is a failure; HTTP 429 is a
 * transient failure carrying {@code Retry-After}. With a {@code groupingKey}, later messages go to
 * the thread of the first (remembered in memory per recipient, as notifications-engine does);
 * {@code deliveryPolicy} {@code Update}/{@code PostAndUpdate} update that first message with {@code
 * chat.update}.
 */
final class SlackService implements NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(SlackService.class);
  private static final Pattern EMOJI = Pattern.compile("^:.+:$");
  private static final Pattern ICON_URL = Pattern.compile("^https?://[^/\\s]+.*$");

  private final Http http;
  private final String token;
  private final String apiUrl;
  private final String username;
  private final String icon;
  private final boolean disableUnfurl;
  private final Map<String, String> threads = new ConcurrentHashMap<>();
  private final Map<String, String> channelIds = new ConcurrentHashMap<>();

  SlackService(Map<String, Object> settings, Http http) {
    this.http = http;
    this.token = Settings.string(settings, "token");
    String url = Settings.string(settings, "apiURL");
    this.apiUrl = url.isEmpty() ? "https://slack.com/api/" : url;
    this.username = Settings.string(settings, "username");
    this.icon = Settings.string(settings, "icon");
    this.disableUnfurl = Settings.bool(settings, "disableUnfurl");
  }

  @Override
  public String type() {
    return "slack";
  }

  @Override
  public void send(Notification notification, Destination destination) throws SendException {
    Map<String, String> values = options(notification);
    Optional<Notification.Slack> slack = notification.slack();
    String groupingKey = slack.map(Notification.Slack::groupingKey).orElse("");
    String policy = slack.map(Notification.Slack::deliveryPolicy).orElse("Post");
    String recipient = destination.recipient();
    String threadKey = recipient + "\u0000" + groupingKey;
    String ts = groupingKey.isEmpty() ? null : threads.get(threadKey);
    if (ts != null) {
      values.put("thread_ts", ts);
    }
    if (ts == null || policy.equals("Post") || policy.equals("PostAndUpdate")) {
      Map<String, String> post = new LinkedHashMap<>(values);
      if (slack.map(Notification.Slack::notifyBroadcast).orElse(false)) {
        post.put("reply_broadcast", "true");
      }
      post.put("channel", recipient);
      Map<?, ?> reply = call("chat.postMessage", post);
      if (!groupingKey.isEmpty() && ts == null && reply.get("ts") instanceof String newTs) {
        threads.put(threadKey, newTs);
      }
      if (reply.get("channel") instanceof String channel) {
        channelIds.put(recipient, channel);
      }
    }
    if (ts != null && (policy.equals("Update") || policy.equals("PostAndUpdate"))) {
      Map<String, String> update = new LinkedHashMap<>(values);
      update.remove("thread_ts");
      update.put("channel", channelIds.getOrDefault(recipient, recipient));
      update.put("ts", ts);
      update.put("as_user", "true");
      call("chat.update", update);
    }
  }

  private Map<String, String> options(Notification notification) throws SendException {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("token", token);
    values.put("text", notification.message());
    Optional<Notification.Slack> slack = notification.slack();
    String name =
        slack.map(Notification.Slack::username).filter(s -> !s.isEmpty()).orElse(username);
    if (!name.isEmpty()) {
      values.put("username", name);
    }
    String iconRef = slack.map(Notification.Slack::icon).filter(s -> !s.isEmpty()).orElse(icon);
    if (!iconRef.isEmpty()) {
      if (EMOJI.matcher(iconRef).matches()) {
        values.put("icon_emoji", iconRef);
      } else if (ICON_URL.matcher(iconRef).matches()) {
        values.put("icon_url", iconRef);
      } else {
        LOG.warn("Icon reference '{}' is not a valid emoji or url", iconRef);
      }
    }
    if (slack.isPresent()) {
      values.put("attachments", SlackAttachments.normalise(slack.get().attachments()));
      String blocks = slack.get().blocks();
      if (!blocks.isEmpty()) {
        Object parsed;
        try {
          parsed = Json.read(blocks);
        } catch (IllegalArgumentException e) {
          throw SendException.permanent(
              "failed to unmarshal blocks '" + blocks + "' : " + e.getMessage());
        }
        if (parsed instanceof List<?> l && !l.isEmpty()) {
          values.put("blocks", Json.write(parsed));
        }
      }
    }
    if (disableUnfurl) {
      values.put("unfurl_links", "false");
      values.put("unfurl_media", "false");
    }
    return values;
  }

  private Map<?, ?> call(String method, Map<String, String> values) throws SendException {
    HttpRequest request =
        http.request(apiUrl + method)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(values)))
            .build();
    HttpResponse<String> response = http.send(request, "slack " + method);
    if (response.statusCode() == 429) {
      Optional<java.time.Duration> wait = Http.retryAfter(response);
      throw SendException.transientFailure(
          "slack rate limit exceeded, retry after "
              + wait.map(d -> d.toSeconds() + "s").orElse("an unknown time"),
          wait);
    }
    if (response.statusCode() != 200) {
      throw new SendException(
          "slack server error: " + response.statusCode(),
          Http.retryable(response.statusCode()),
          Optional.empty());
    }
    Object reply;
    try {
      reply = Json.read(response.body());
    } catch (IllegalArgumentException e) {
      throw SendException.permanent("slack replied with something other than JSON");
    }
    if (!(reply instanceof Map<?, ?> map) || !Boolean.TRUE.equals(map.get("ok"))) {
      Object error = reply instanceof Map<?, ?> m ? m.get("error") : null;
      throw SendException.permanent(String.valueOf(error == null ? "slack: ok is false" : error));
    }
    return map;
  }
}
