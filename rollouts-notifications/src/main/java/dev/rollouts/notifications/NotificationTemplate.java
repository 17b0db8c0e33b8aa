package dev.rollouts.notifications;

import dev.rollouts.notifications.template.CompiledTemplate;
import dev.rollouts.notifications.template.TemplateEngine;
import dev.rollouts.notifications.template.TemplateException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code template.<name>} entry compiled: every string field is its own Go template, as
 * notifications-engine compiles them. Rendering applies the fields onto a notification following
 * notifications-engine's rules: {@code message}, {@code email.*} and {@code teams-workflows.*}
 * replace a previous value only when they render non-empty; {@code slack.*} and {@code webhook.*}
 * replace unconditionally.
 */
final class NotificationTemplate {

  private record Field(String path, CompiledTemplate template) {}

  private final String name;
  private final Map<String, Object> source;
  private final Map<String, CompiledTemplate> fields = new LinkedHashMap<>();

  NotificationTemplate(String name, Map<String, Object> source, TemplateEngine engine) {
    this.name = name;
    this.source = source;
    compile(engine, "", source);
  }

  String name() {
    return name;
  }

  /** The template's source as the ConfigMap gave it (for {@code template get}). */
  Map<String, Object> source() {
    return source;
  }

  @SuppressWarnings("unchecked")
  private void compile(TemplateEngine engine, String prefix, Map<String, Object> map) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String path = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> nested) {
        compile(engine, path + ".", (Map<String, Object>) nested);
      } else if (e.getValue() instanceof String text) {
        try {
          fields.put(path, engine.compile(name, text));
        } catch (TemplateException ex) {
          throw new NotificationConfigException(
              "error in '" + name + "' " + path + " : " + ex.getMessage(), ex);
        }
      }
    }
  }

  private String render(String path, Map<String, Object> vars) {
    CompiledTemplate t = fields.get(path);
    return t == null ? "" : t.render(vars);
  }

  private boolean has(String prefix) {
    return source.get(prefix) instanceof Map;
  }

  /** Renders onto {@code previous}; throws {@link TemplateException} when a field fails. */
  @SuppressWarnings("unchecked")
  Notification render(Notification previous, Map<String, Object> vars) {
    String message = nonEmptyOr(render("message", vars), previous.message());
    Optional<Notification.Email> email = previous.email();
    if (has("email")) {
      Notification.Email before = email.orElse(new Notification.Email("", ""));
      email =
          Optional.of(
              new Notification.Email(
                  nonEmptyOr(render("email.subject", vars), before.subject()),
                  nonEmptyOr(render("email.body", vars), before.body())));
    }
    Optional<Notification.Slack> slack = previous.slack();
    if (has("slack")) {
      Map<String, Object> s = (Map<String, Object>) source.get("slack");
      slack =
          Optional.of(
              new Notification.Slack(
                  render("slack.attachments", vars),
                  render("slack.blocks", vars),
                  render("slack.username", vars),
                  render("slack.icon", vars),
                  render("slack.groupingKey", vars),
                  Boolean.TRUE.equals(s.get("notifyBroadcast")),
                  String.valueOf(s.getOrDefault("deliveryPolicy", "Post"))));
    }
    Map<String, Notification.Webhook> webhook = new HashMap<>(previous.webhook());
    if (has("webhook")) {
      Map<String, Object> hooks = (Map<String, Object>) source.get("webhook");
      for (Map.Entry<String, Object> hook : hooks.entrySet()) {
        String key = "webhook." + hook.getKey();
        Object method = hook.getValue() instanceof Map<?, ?> m ? m.get("method") : null;
        webhook.put(
            hook.getKey(),
            new Notification.Webhook(
                method == null ? "" : method.toString(),
                render(key + ".path", vars),
                render(key + ".body", vars)));
      }
    }
    Optional<Notification.TeamsWorkflows> teams = previous.teamsWorkflows();
    if (has("teams-workflows")) {
      Notification.TeamsWorkflows b =
          teams.orElse(new Notification.TeamsWorkflows("", "", "", "", "", "", "", "", ""));
      String p = "teams-workflows.";
      teams =
          Optional.of(
              new Notification.TeamsWorkflows(
                  nonEmptyOr(render(p + "template", vars), b.template()),
                  nonEmptyOr(render(p + "title", vars), b.title()),
                  nonEmptyOr(render(p + "summary", vars), b.summary()),
                  nonEmptyOr(render(p + "text", vars), b.text()),
                  nonEmptyOr(render(p + "themeColor", vars), b.themeColor()),
                  nonEmptyOr(render(p + "facts", vars), b.facts()),
                  nonEmptyOr(render(p + "sections", vars), b.sections()),
                  nonEmptyOr(render(p + "potentialAction", vars), b.potentialAction()),
                  nonEmptyOr(render(p + "adaptiveCard", vars), b.adaptiveCard())));
    }
    return new Notification(message, email, slack, webhook, teams);
  }

  private static String nonEmptyOr(String value, String previous) {
    return value.isEmpty() ? previous : value;
  }
}
