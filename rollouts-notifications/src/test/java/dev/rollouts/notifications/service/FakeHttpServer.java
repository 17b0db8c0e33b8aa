package dev.rollouts.notifications.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake HTTP server on 127.0.0.1 for service tests: records every request byte for byte and
 * answers with scripted replies (200 with an empty body once the script runs out).
 */
public final class FakeHttpServer implements AutoCloseable {

  /** A request as it arrived. */
  public record Recorded(
      String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header (names are case-insensitive), or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null ? null : values.get(0);
    }
  }

  /** A scripted reply. */
  public record Reply(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Deque<Reply> script = new ArrayDeque<>();
  private Reply fallback = new Reply(200, Map.of(), "");

  /** Starts on an ephemeral loopback port. */
  public FakeHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, List<String>> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
          requests.add(
              new Recorded(
                  exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
          Reply reply;
          synchronized (script) {
            reply = script.isEmpty() ? fallback : script.poll();
          }
          reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
          if (out.length > 0) {
            exchange.getResponseBody().write(out);
          }
          exchange.close();
        });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the next request with this reply. */
  public FakeHttpServer thenReply(int status, Map<String, String> headers, String body) {
    synchronized (script) {
      script.add(new Reply(status, headers, body));
    }
    return this;
  }

  /** Answers every unscripted request with this reply. */
  public FakeHttpServer alwaysReply(int status, String body) {
    fallback = new Reply(status, Map.of(), body);
    return this;
  }

  /** The requests so far. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
