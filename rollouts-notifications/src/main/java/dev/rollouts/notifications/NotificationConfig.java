package dev.rollouts.notifications;

import dev.rollouts.notifications.template.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One namespace's notification configuration: ConfigMap {@value #CONFIG_MAP} and Secret {@value
 * #SECRET}, parsed as notifications-engine's {@code ParseConfig} does.
 *
 * <ul>
 *   <li>{@code service.<type>} and {@code service.<type>.<name>}: services (a key of four parts is
 *       an error); every {@code $key} in a string of their YAML is replaced by the Secret's {@code
 *       key} (unknown keys stay as written);
 *   <li>{@code template.<name>}: templates (names may contain dots), compiled now, so a template
 *       that does not parse fails the configuration, naming it;
 *   <li>{@code trigger.<name>}: a list of {@code {when, send, oncePer, description}};
 *   <li>{@code defaultTriggers}, {@code defaultTriggers.<service>}, {@code subscriptions}.
 * </ul>
 *
 * <p>Immutable and thread-safe. A missing ConfigMap or Secret is an empty map.
 */
public final class NotificationConfig {

  /** The ConfigMap's name, fixed as in Argo Rollouts. */
  public static final String CONFIG_MAP = "argo-rollouts-notification-configmap";

  /** The Secret's name. */
  public static final String SECRET = "argo-rollouts-notification-secret";

  private final Map<String, ServiceConfig> services;
  private final Map<String, NotificationTemplate> templates;
  private final Map<String, List<TriggerCondition>> triggers;
  private final List<String> defaultTriggers;
  private final Map<String, List<String>> serviceDefaultTriggers;
  private final List<GlobalSubscription> subscriptions;
  private final Map<String, byte[]> secrets;

  private NotificationConfig(ConfigParser parsed, Map<String, byte[]> secrets) {
    this.services = Map.copyOf(parsed.services);
    this.templates = Map.copyOf(parsed.templates);
    this.triggers = Map.copyOf(parsed.triggers);
    this.defaultTriggers = List.copyOf(parsed.defaultTriggers);
    this.serviceDefaultTriggers = Map.copyOf(parsed.serviceDefaultTriggers);
    this.subscriptions = List.copyOf(parsed.subscriptions);
    Map<String, byte[]> copy = new LinkedHashMap<>();
    secrets.forEach((k, v) -> copy.put(k, v.clone()));
    this.secrets = Map.copyOf(copy);
  }

  /**
   * Parses a ConfigMap's {@code data} and a Secret's decoded {@code data}.
   *
   * @throws NotificationConfigException naming the key that cannot be read
   */
  public static NotificationConfig parse(
      Map<String, String> configMap, Map<String, byte[]> secret) {
    return new NotificationConfig(
        ConfigParser.parse(configMap, secret, TemplateEngine.go()), secret);
  }

  /** {@link #parse} with the Secret given as strings (its {@code stringData} form). */
  public static NotificationConfig parseStrings(
      Map<String, String> configMap, Map<String, String> secret) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    secret.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return parse(configMap, bytes);
  }

  /** No services, templates or triggers. */
  public static NotificationConfig empty() {
    return parse(Map.of(), Map.of());
  }

  /** Services by name. */
  public Map<String, ServiceConfig> services() {
    return services;
  }

  /** Template names, sorted. */
  public List<String> templateNames() {
    return List.copyOf(new TreeMap<>(templates).keySet());
  }

  /** A template's source fields ({@code message}, {@code slack.attachments} …), as configured. */
  public Optional<Map<String, Object>> templateSource(String name) {
    return Optional.ofNullable(templates.get(name)).map(NotificationTemplate::source);
  }

  /** Triggers by name. */
  public Map<String, List<TriggerCondition>> triggers() {
    return triggers;
  }

  /** {@code defaultTriggers}. */
  public List<String> defaultTriggers() {
    return defaultTriggers;
  }

  /** {@code defaultTriggers.<service>} by service name. */
  public Map<String, List<String>> serviceDefaultTriggers() {
    return serviceDefaultTriggers;
  }

  /** The ConfigMap's {@code subscriptions}. */
  public List<GlobalSubscription> subscriptions() {
    return subscriptions;
  }

  /** The Secret's data, the {@code .secrets} of templates. Copies. */
  public Map<String, byte[]> secrets() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    secrets.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /**
   * The destinations of each trigger for a resource with these labels and annotations: the
   * ConfigMap's {@code subscriptions} whose selector matches, then the annotations' (Argo's {@code
   * GetGlobalDestinations(labels).Merge(annotations.GetDestinations(...))}, duplicates kept).
   */
  public Map<String, List<Destination>> destinations(
      Map<String, String> labels, Map<String, String> annotations) {
    Map<String, List<Destination>> out = new LinkedHashMap<>();
    for (GlobalSubscription s : subscriptions) {
      List<String> ts = s.triggers().isEmpty() ? defaultTriggers : s.triggers();
      for (String trigger : ts) {
        if (s.matchesTrigger(trigger) && s.matches(labels)) {
          for (String recipient : s.recipients()) {
            out.computeIfAbsent(trigger, k -> new ArrayList<>()).add(Destination.parse(recipient));
          }
        }
      }
    }
    Subscriptions.fromAnnotations(annotations, defaultTriggers, serviceDefaultTriggers)
        .forEach((t, ds) -> out.computeIfAbsent(t, k -> new ArrayList<>()).addAll(ds));
    return out;
  }

  /**
   * Renders the templates {@code send} names, in order, onto one notification.
   *
   * @throws NotificationConfigException when a template is not configured ({@code template NAME is
   *     not supported})
   * @throws dev.rollouts.notifications.template.TemplateException when a template fails to render
   */
  public Notification render(List<String> send, Map<String, Object> vars) {
    Notification notification = Notification.empty();
    for (String name : send) {
      NotificationTemplate template = templates.get(name);
      if (template == null) {
        throw new NotificationConfigException("template " + name + " is not supported");
      }
      notification = template.render(notification, vars);
    }
    return notification;
  }
}
