package dev.rollouts.notifications;

import dev.rollouts.notifications.template.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** notifications-engine's {@code ParseConfig}, key by key. */
final class ConfigParser {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigParser.class);
  private static final Pattern SECRET_REFERENCE = Pattern.compile("[$][\\w-]+");

  final Map<String, ServiceConfig> services = new LinkedHashMap<>();
  final Map<String, NotificationTemplate> templates = new LinkedHashMap<>();
  final Map<String, List<TriggerCondition>> triggers = new LinkedHashMap<>();
  final List<String> defaultTriggers = new ArrayList<>();
  final Map<String, List<String>> serviceDefaultTriggers = new LinkedHashMap<>();
  final List<GlobalSubscription> subscriptions = new ArrayList<>();

  private ConfigParser() {}

  static ConfigParser parse(
      Map<String, String> data, Map<String, byte[]> secret, TemplateEngine engine) {
    ConfigParser p = new ConfigParser();
    for (Map.Entry<String, String> e : new TreeMap<>(data).entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (key.equals("subscriptions")) {
        p.subscriptions(value);
      } else if (key.equals("defaultTriggers")) {
        p.defaultTriggers.addAll(Yaml.strings(key, Yaml.read(key, value)));
      } else if (key.startsWith("template.")) {
        String name = key.substring("template.".length());
        p.templates.put(
            name, new NotificationTemplate(name, Yaml.map(key, Yaml.read(key, value)), engine));
      } else if (key.startsWith("service.")) {
        p.service(key, value, secret);
      } else if (key.startsWith("trigger.")) {
        p.trigger(key, value);
      } else if (key.startsWith("defaultTriggers.")) {
        p.serviceDefaultTriggers.put(
            key.substring("defaultTriggers.".length()), Yaml.strings(key, Yaml.read(key, value)));
      }
    }
    return p;
  }

  private void subscriptions(String value) {
    for (Object entry : Yaml.list("subscriptions", Yaml.read("subscriptions", value))) {
      Map<String, Object> m = Yaml.map("subscriptions", entry);
      subscriptions.add(
          new GlobalSubscription(
              Yaml.strings("subscriptions", m.get("recipients")),
              Yaml.strings("subscriptions", m.get("triggers")),
              m.get("selector") == null ? "" : m.get("selector").toString()));
    }
  }

  private void service(String key, String value, Map<String, byte[]> secret) {
    String[] parts = key.split("\\.", -1);
    String type;
    String name;
    if (parts.length == 3) {
      type = parts[1];
      name = parts[2];
    } else if (parts.length == 2) {
      type = parts[1];
      name = parts[1];
    } else {
      throw new NotificationConfigException(
          "invalid service key; expected 'service.<type>(.<name>)' but got '" + key + "'");
    }
    Object tree = Yaml.read(key, value);
    @SuppressWarnings("unchecked")
    Map<String, Object> settings =
        (Map<String, Object>) replaceSecrets(Yaml.map(key, tree), secret);
    services.put(name, new ServiceConfig(type, name, settings));
  }

  private void trigger(String key, String value) {
    String name = key.substring("trigger.".length());
    List<TriggerCondition> conditions = new ArrayList<>();
    for (Object entry : Yaml.list(key, Yaml.read(key, value))) {
      Map<String, Object> m = Yaml.map(key, entry);
      conditions.add(
          new TriggerCondition(
              Yaml.strings(key, m.get("send")),
              text(m.get("when")),
              text(m.get("oncePer")),
              m.get("description") == null ? "" : m.get("description").toString()));
    }
    triggers.put(name, List.copyOf(conditions));
  }

  private static Optional<String> text(Object value) {
    return value == null || value.toString().isEmpty()
        ? Optional.empty()
        : Optional.of(value.toString());
  }

  /** {@code $key} references in every string of the tree, replaced from the Secret. */
  static Object replaceSecrets(Object node, Map<String, byte[]> secret) {
    if (node instanceof String s) {
      Matcher m = SECRET_REFERENCE.matcher(s);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        byte[] value = secret.get(m.group().substring(1));
        if (value == null) {
          LOG.warn("config referenced '{}', but key does not exist in secret", m.group());
          m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        } else {
          m.appendReplacement(
              out, Matcher.quoteReplacement(new String(value, StandardCharsets.UTF_8)));
        }
      }
      m.appendTail(out);
      return out.toString();
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), replaceSecrets(v, secret)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(replaceSecrets(o, secret));
      }
      return out;
    }
    return node;
  }
}
