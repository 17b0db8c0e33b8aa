package dev.rollouts.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events reply as Argo's gateway writes it: {@code text/event-stream}, chunked, each
 * message {@code data: {"result":<json>} } and a blank line, and the comment {@code :} to keep the
 * connection alive. A write that fails means the browser has gone.
 */
final class Sse {

  private final OutputStream body;

  private Sse(OutputStream body) {
    this.body = body;
  }

  static Sse open(HttpExchange exchange) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/event-stream");
    headers.set("Cache-Control", "no-cache");
    headers.set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(200, 0);
    Sse sse = new Sse(exchange.getResponseBody());
    sse.comment();
    return sse;
  }

  void send(String resultJson) throws IOException {
    write("data: {\"result\":" + resultJson + "} \n\n");
  }

  void comment() throws IOException {
    write(":\n");
  }

  private void write(String text) throws IOException {
    body.write(text.getBytes(StandardCharsets.UTF_8));
    body.flush();
  }
}
