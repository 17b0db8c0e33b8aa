package dev.rollouts.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in triggers and templates: Argo Rollouts' {@code manifests/notifications-install.yaml}
 * with the same names and texts ({@code on-rollout-completed} sends {@code rollout-completed} …,
 * nine of each). Shipped as the resource {@code
 * dev/rollouts/notifications/notifications-install.yaml}, a ConfigMap a user can {@code kubectl
 * apply -n argo-rollouts -f}.
 */
public final class BuiltInCatalogue {

  private static final String RESOURCE = "notifications-install.yaml";

  private BuiltInCatalogue() {}

  /** The ConfigMap manifest, as YAML text. */
  public static String manifest() {
    try (InputStream in = BuiltInCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ConfigMap's {@code data}: {@code template.*} and {@code trigger.*} keys. */
  public static Map<String, String> data() {
    Map<String, Object> manifest = Yaml.map(RESOURCE, Yaml.read(RESOURCE, manifest()));
    Map<String, String> data = new LinkedHashMap<>();
    Yaml.map(RESOURCE, manifest.get("data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
    return data;
  }
}
