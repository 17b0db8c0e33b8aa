package dev.rollouts.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that fails with an HTTP status, answered as grpc-gateway answers errors: {@code
 * {"error":"…","code":<gRPC code>,"message":"…"}}.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  ApiError(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  int status() {
    return status;
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", getMessage());
    body.put("code", grpcCode(status));
    body.put("message", getMessage());
    return body;
  }

  /** The gRPC code grpc-gateway maps to {@code status}. */
  static int grpcCode(int status) {
    return switch (status) {
      case 400, 415, 422 -> 3; // InvalidArgument
      case 401 -> 16; // Unauthenticated
      case 403 -> 7; // PermissionDenied
      case 404 -> 5; // NotFound
      case 409 -> 10; // Aborted
      case 405, 501 -> 12; // Unimplemented
      case 503, 502 -> 14; // Unavailable
      default -> 2; // Unknown
    };
  }
}
