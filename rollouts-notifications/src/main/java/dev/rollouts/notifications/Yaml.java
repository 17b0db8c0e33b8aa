package dev.rollouts.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the YAML values of a notification ConfigMap into plain maps, lists and scalars. */
final class Yaml {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private Yaml() {}

  static Object read(String key, String text) {
    try {
      Object value = MAPPER.readValue(text, Object.class);
      return value;
    } catch (JsonProcessingException e) {
      throw new NotificationConfigException(
          "failed to unmarshal " + key + ": " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String key, Object value) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new NotificationConfigException(key + ": expected a mapping");
  }

  static List<Object> list(String key, Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new NotificationConfigException(key + ": expected a list");
  }

  static List<String> strings(String key, Object value) {
    if (value instanceof String s) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    for (Object o : list(key, value)) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
