package dev.rollouts.kubernetes.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversions between fabric8 model objects and JSON trees ({@code Map}, {@code List}, {@code
 * String}, {@code Number}, {@code Boolean}), strict about types: a string where an integer belongs
 * is an error naming the field, not a silent conversion.
 */
final class KubeJson {

  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private KubeJson() {}

  /** {@code model} as a JSON tree, as the API server would send it. */
  static Map<String, Object> toTree(Object model) {
    return MAPPER.convertValue(model, TREE);
  }

  /** A JSON text that should hold an object, as a tree; empty if it does not. */
  static Optional<Map<String, Object>> parseObject(String json) {
    try {
      return Optional.ofNullable(MAPPER.readValue(json, TREE));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code tree} as an object of {@code type}.
   *
   * @param object the object, as {@code Kind namespace/name}, for the error message
   * @throws ManifestException naming the field whose value has the wrong type
   */
  static <T> T fromTree(Map<String, ?> tree, Class<T> type, String object) {
    try {
      return MAPPER.convertValue(tree, type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException mapping) {
        String path = path(mapping.getPath());
        Object value = valueAt(tree, mapping.getPath());
        throw new ManifestException(
            object, path, expectation(mapping) + ", was " + Node.describe(value), e);
      }
      throw new ManifestException(object, "", "cannot be read: " + e.getMessage(), e);
    }
  }

  private static String expectation(JsonMappingException e) {
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "has the wrong type";
    }
    if (target == int.class
        || target == Integer.class
        || target == long.class
        || target == Long.class) {
      return "must be an integer";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "must be true or false";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "must be a list";
    }
    return "must be an object";
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static Object valueAt(Object tree, List<JsonMappingException.Reference> references) {
    Object current = tree;
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null && current instanceof Map<?, ?> map) {
        current = map.get(r.getFieldName());
      } else if (r.getIndex() >= 0
          && current instanceof List<?> list
          && r.getIndex() < list.size()) {
        current = list.get(r.getIndex());
      } else {
        return null;
      }
    }
    return current;
  }
}
