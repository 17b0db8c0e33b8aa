package dev.rollouts.cli.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A rendered notification as YAML, as Argo's console service prints it. */
final class NotificationYaml {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

  private NotificationYaml() {}

  static String of(Notification n, Optional<Destination> destination) {
    Map<String, Object> out = new LinkedHashMap<>();
    destination.ifPresent(d -> out.put("destination", d.toString()));
    out.put("message", n.message());
    n.email().ifPresent(e -> out.put("email", Map.of("subject", e.subject(), "body", e.body())));
    n.slack()
        .ifPresent(
            s -> {
              Map<String, Object> slack = new LinkedHashMap<>();
              slack.put("attachments", s.attachments());
              slack.put("blocks", s.blocks());
              slack.put("username", s.username());
              slack.put("icon", s.icon());
              slack.put("groupingKey", s.groupingKey());
              slack.put("notifyBroadcast", s.notifyBroadcast());
              slack.put("deliveryPolicy", s.deliveryPolicy());
              out.put("slack", slack);
            });
    if (!n.webhook().isEmpty()) {
      Map<String, Object> hooks = new LinkedHashMap<>();
      n.webhook()
          .forEach(
              (k, w) ->
                  hooks.put(k, Map.of("method", w.method(), "path", w.path(), "body", w.body())));
      out.put("webhook", hooks);
    }
    n.teamsWorkflows().ifPresent(t -> out.put("teams-workflows", t));
    try {
      return YAML.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
