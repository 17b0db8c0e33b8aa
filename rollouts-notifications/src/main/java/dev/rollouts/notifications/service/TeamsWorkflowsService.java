package dev.rollouts.notifications.service;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.template.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook, as notifications-engine's {@code
 * teams-workflows.go}: settings {@code recipientUrls: {<recipient>: <url>}}; {@code POST <url>}
 * with {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","content":<card>}]}}, the card being the template's
 * {@code adaptiveCard}, or one built from {@code title}, {@code text} (default: the message),
 * {@code facts} and {@code potentialAction}. 2xx is success.
 */
final class TeamsWorkflowsService implements NotificationService {

  private static final Pattern WORKFLOWS_URL =
      Pattern.compile(
          "(?i)(api\\.(powerautomate|powerplatform)\\.com|flow\\.microsoft\\.com|webhook\\.office\\.com/workflows|/powerautomate/)");

  private final Http http;
  private final Map<String, Object> recipientUrls;

  TeamsWorkflowsService(Map<String, Object> settings, Http http) {
    this.http = http;
    this.recipientUrls = Settings.map(settings, "recipientUrls");
  }

  @Override
  public String type() {
    return "teams-workflows";
  }

  @Override
  public void send(Notification notification, Destination destination) throws SendException {
    Object url = recipientUrls.get(destination.recipient());
    if (url == null) {
      throw SendException.permanent(
          "no teams-workflows webhook configured for recipient " + destination.recipient());
    }
    validate(url.toString(), destination.recipient());
    String body = payload(notification);
    HttpRequest request =
        http.request(url.toString())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, "teams-workflows webhook");
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new SendException(
          "teams workflows webhook post error (status "
              + status
              + "): "
              + (response.body().isEmpty() ? "no error details provided" : response.body()),
          Http.retryable(status),
          Http.retryAfter(response));
    }
  }

  private static void validate(String url, String recipient) throws SendException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw SendException.permanent("invalid webhook URL for recipient " + recipient);
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean local = host.equals("localhost") || host.startsWith("127.");
    if (!"https".equals(uri.getScheme()) && !local) {
      throw SendException.permanent(
          "invalid webhook URL for recipient " + recipient + ": webhook URL must use HTTPS scheme");
    }
    if (!WORKFLOWS_URL.matcher(url).find()) {
      throw SendException.permanent(
          "invalid webhook URL for recipient "
              + recipient
              + ": webhook URL does not appear to be a valid Microsoft Teams Workflows URL");
    }
  }

  static String payload(Notification n) throws SendException {
    Optional<Notification.TeamsWorkflows> t = n.teamsWorkflows();
    Object card;
    if (t.isPresent() && !t.get().adaptiveCard().isEmpty()) {
      card = read(t.get().adaptiveCard().strip(), "adaptiveCard");
    } else {
      card = buildCard(n, t);
    }
    Json.Struct attachment =
        new Json.Struct()
            .with("contentType", "application/vnd.microsoft.card.adaptive")
            .with("content", card);
    return Json.write(
        new Json.Struct().with("type", "message").with("attachments", List.of(attachment)));
  }

  private static Json.Struct buildCard(Notification n, Optional<Notification.TeamsWorkflows> t)
      throws SendException {
    String title = t.map(Notification.TeamsWorkflows::title).orElse("");
    String text =
        t.map(Notification.TeamsWorkflows::text).filter(s -> !s.isEmpty()).orElse(n.message());
    String color = t.map(Notification.TeamsWorkflows::themeColor).orElse("");
    List<Object> body = new ArrayList<>();
    if (!title.isEmpty()) {
      Json.Struct block =
          new Json.Struct()
              .with("type", "TextBlock")
              .with("text", title)
              .with("size", "Large")
              .with("weight", "Bolder");
      if (!color.isEmpty()) {
        block.with("color", color);
      }
      body.add(block.with("wrap", true));
    }
    if (!text.isEmpty()) {
      body.add(new Json.Struct().with("type", "TextBlock").with("text", text).with("wrap", true));
    }
    String facts = t.map(Notification.TeamsWorkflows::facts).orElse("");
    if (!facts.isEmpty()) {
      List<Object> set = new ArrayList<>();
      for (Object f : list(read(facts, "facts"))) {
        if (f instanceof Map<?, ?> fact && fact.get("name") instanceof String name) {
          Object v = fact.get("value");
          set.add(
              new Json.Struct()
                  .with("title", name)
                  .with("value", v == null ? "" : dev.rollouts.expr.Values.format(v)));
        }
      }
      if (!set.isEmpty()) {
        body.add(new Json.Struct().with("type", "FactSet").with("facts", set));
      }
    }
    Json.Struct card =
        new Json.Struct().with("type", "AdaptiveCard").with("version", "1.4").with("body", body);
    String actions = t.map(Notification.TeamsWorkflows::potentialAction).orElse("");
    if (!actions.isEmpty()) {
      List<Object> out = new ArrayList<>();
      for (Object a : list(read(actions, "potentialAction"))) {
        if (a instanceof Map<?, ?> action
            && "OpenUri".equals(action.get("@type"))
            && action.get("targets") instanceof List<?> targets
            && !targets.isEmpty()
            && targets.get(0) instanceof Map<?, ?> target
            && target.get("uri") instanceof String uri) {
          Json.Struct open = new Json.Struct().with("type", "Action.OpenUrl");
          if (action.get("name") instanceof String name) {
            open.with("title", name);
          }
          out.add(open.with("url", uri));
        }
      }
      if (!out.isEmpty()) {
        card.with("actions", out);
      }
    }
    return card;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Object read(String json, String field) throws SendException {
    try {
      return Json.read(json);
    } catch (IllegalArgumentException e) {
      throw SendException.permanent(
          "teams-workflows " + field + " unmarshalling error " + e.getMessage());
    }
  }
}
