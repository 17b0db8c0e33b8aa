package dev.rollouts.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The UI, from the jar's {@code dev/rollouts/dashboard/ui/}: a file by its path under the root
 * path, its type from its extension; any other path gets {@code index.html} (the page routes by
 * path), whose {@code <base href>} names the root path. A path with {@code ..} is not found.
 */
final class StaticFiles {

  private static final String BASE = "/dev/rollouts/dashboard/ui/";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json");

  private final String rootPath;

  /** Files for the UI at {@code rootPath} ({@code /rollouts/}). */
  StaticFiles(String rootPath) {
    this.rootPath = rootPath;
  }

  void serve(HttpExchange exchange, List<String> segments) throws IOException {
    if (segments.stream().anyMatch(s -> s.equals("..") || s.contains("/") || s.contains("\\"))) {
      throw new ApiError(404, "not found");
    }
    String file = String.join("/", segments);
    String extension = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "";
    byte[] body = TYPES.containsKey(extension) ? read(file) : null;
    if (body == null) {
      if (!extension.isEmpty() && !extension.equals("html")) {
        throw new ApiError(404, "not found: " + file);
      }
      String index = new String(read("index.html"), StandardCharsets.UTF_8);
      body =
          index
              .replaceFirst("<base href=\"[^\"]*\"\\s*/?>", "<base href=\"" + rootPath + "\">")
              .getBytes(StandardCharsets.UTF_8);
      extension = "html";
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    Http.send(exchange, 200, TYPES.get(extension), body);
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + file)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
