package dev.rollouts.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rollouts.notifications.template.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures: Rollouts as Argo hands them to templates, and the tutorial's objects. */
final class Fixtures {

  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> rollout(String name) {
    return (Map<String, Object>) Json.read(resource(name));
  }

  static Map<String, Object> canary() {
    return rollout("canary-rollout.json");
  }

  static Map<String, Object> blueGreen() {
    return rollout("bluegreen-rollout.json");
  }

  /** The ConfigMap's data and the Secret's stringData of the tutorial. */
  @SuppressWarnings("unchecked")
  static NotificationConfig tutorial() {
    try {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      List<Object> docs =
          yaml.readerFor(Object.class).readValues(resource("tutorial.yaml")).readAll().stream()
              .map(o -> (Object) o)
              .toList();
      Map<String, String> secret = new LinkedHashMap<>();
      Map<String, String> data = new LinkedHashMap<>();
      for (Object doc : docs) {
        Map<String, Object> m = (Map<String, Object>) doc;
        if (m.get("kind").equals("Secret")) {
          secret.putAll((Map<String, String>) m.get("stringData"));
        } else {
          data.putAll((Map<String, String>) m.get("data"));
        }
      }
      return NotificationConfig.parseStrings(data, secret);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
