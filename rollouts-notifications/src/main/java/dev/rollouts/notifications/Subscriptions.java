package dev.rollouts.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destinations a Rollout's annotations subscribe, as notifications-engine's {@code
 * subscriptions/annotations.go} reads them:
 *
 * <ul>
 *   <li>{@code notifications.argoproj.io/subscribe.<trigger>.<service>: a;b} — recipients split on
 *       {@code ;}, trimmed, empty ones dropped; an empty value is one empty recipient;
 *   <li>{@code notifications.argoproj.io/subscribe.<service>: a} — the service's {@code
 *       defaultTriggers.<service>}, else {@code defaultTriggers};
 *   <li>{@code notifications.argoproj.io/subscriptions:} a YAML list of {@code {trigger: [..],
 *       destinations: [{service, recipients: [..]}]}}.
 * </ul>
 */
final class Subscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
  static final String PREFIX = "notifications.argoproj.io/subscribe.";
  static final String LIST = "notifications.argoproj.io/subscriptions";

  private Subscriptions() {}

  private interface Callback {
    void accept(String trigger, String service, List<String> recipients);
  }

  static Map<String, List<Destination>> fromAnnotations(
      Map<String, String> annotations,
      List<String> defaultTriggers,
      Map<String, List<String>> serviceDefaultTriggers) {
    Map<String, List<Destination>> out = new LinkedHashMap<>();
    iterate(
        annotations,
        (trigger, service, recipients) -> {
          for (String recipient : recipients) {
            List<String> triggers = defaultTriggers;
            if (!trigger.isEmpty()) {
              triggers = List.of(trigger);
            } else if (serviceDefaultTriggers.containsKey(service)) {
              triggers = serviceDefaultTriggers.get(service);
            }
            for (String t : triggers) {
              out.computeIfAbsent(t, k -> new ArrayList<>())
                  .add(new Destination(service, recipient));
            }
          }
        });
    return out;
  }

  private static void iterate(Map<String, String> annotations, Callback callback) {
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(annotations).entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (key.startsWith(PREFIX)) {
        String[] parts = key.substring(PREFIX.length()).split("\\.", -1);
        String trigger = parts.length >= 2 ? parts[0] : "";
        String service = parts.length >= 2 ? parts[1] : parts[0];
        callback.accept(trigger, service, value.isEmpty() ? List.of("") : recipients(value));
      } else if (key.startsWith(LIST)) {
        readList(key, value, callback);
      }
    }
  }

  private static void readList(String key, String value, Callback callback) {
    List<Object> entries;
    try {
      entries = Yaml.list(key, Yaml.read(key, value));
    } catch (NotificationConfigException ex) {
      LOG.error("Notification subscription unmarshal error: {}", ex.getMessage());
      return;
    }
    for (Object entry : entries) {
      Map<String, Object> m = Yaml.map(key, entry);
      List<String> triggers = Yaml.strings(key, m.get("trigger"));
      List<Object> destinations = Yaml.list(key, m.get("destinations"));
      List<String> ts = triggers.isEmpty() ? List.of("") : triggers;
      for (String trigger : ts) {
        for (Object d : destinations) {
          Map<String, Object> dest = Yaml.map(key, d);
          callback.accept(
              trigger,
              String.valueOf(dest.getOrDefault("service", "")),
              Yaml.strings(key, dest.get("recipients")));
        }
      }
    }
  }

  static List<String> recipients(String value) {
    List<String> out = new ArrayList<>();
    for (String r : value.split(";")) {
      String t = r.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
