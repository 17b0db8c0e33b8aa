package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * OpenAPI documents ({@code /openapi/v2}, {@code /openapi/v3}); see the class comment of each
 * method.
 */
final class OpenApi {

  private final Registry registry;

  OpenApi(Registry registry) {
    this.registry = registry;
  }

  void serve(Request r, ObjectMapper json) throws IOException {
    throw new ApiException(404, "NotFound", "the server could not find the requested resource");
  }
}
