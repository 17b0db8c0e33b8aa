package dev.rollouts.notifications;

import java.util.Map;

/**
 * One {@code service.<type>[.<name>]} entry: its type ({@code slack}, {@code webhook}, {@code
 * grafana}, {@code email}, {@code teams-workflows} …), its name, and its settings with {@code $key}
 * references already replaced from the Secret. {@link #toString()} never shows the settings: they
 * hold tokens and passwords.
 */
public record ServiceConfig(String type, String name, Map<String, Object> settings) {

  /** Copies the settings. */
  public ServiceConfig {
    settings = Map.copyOf(settings);
  }

  @Override
  public String toString() {
    return "ServiceConfig[type=" + type + ", name=" + name + ", settings=<redacted>]";
  }
}
