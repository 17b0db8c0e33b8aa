package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API server refuses, answered with a {@code Status} as a real server does. */
final class ApiException extends RuntimeException {

  private final int code;
  private final String reason;

  ApiException(int code, String reason, String message) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
  }

  static ApiException notFound(ResourceType type, String name) {
    return new ApiException(404, "NotFound", type.qualifiedName() + " \"" + name + "\" not found");
  }

  static ApiException namespaceNotFound(String namespace) {
    return new ApiException(404, "NotFound", "namespaces \"" + namespace + "\" not found");
  }

  static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(
        409, "AlreadyExists", type.qualifiedName() + " \"" + name + "\" already exists");
  }

  static ApiException conflict(ResourceType type, String name) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + type.qualifiedName()
            + " \""
            + name
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again");
  }

  static ApiException invalid(ResourceType type, String name, String detail) {
    return new ApiException(
        422, "Invalid", type.kind() + " \"" + name + "\" is invalid: " + detail);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  int code() {
    return code;
  }

  /** The {@code Status} object of this refusal. */
  ObjectNode status() {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", getMessage());
    s.put("reason", reason);
    s.put("code", code);
    return s;
  }
}
