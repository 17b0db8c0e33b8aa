package dev.rollouts.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 for provider tests: answers each path with a function of
 * the request and records every request. Close it after the test.
 *
 * <pre>{@code
 * try (FakeHttpServer server = FakeHttpServer.start()) {
 *   server.answer("/api/v1/query", r -> FakeHttpServer.Response.json(200, "{...}"));
 *   ... server.url() ...
 *   assertThat(server.requests()).singleElement()...
 * }
 * }</pre>
 */
public final class FakeHttpServer implements AutoCloseable {

  /** A request as the server saw it. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    /** The first value of a header (names are case-insensitive), or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A response to send. */
  public record Response(int status, String contentType, String body) {
    /** A JSON response. */
    public static Response json(int status, String body) {
      return new Response(status, "application/json", body);
    }

    /** A plain-text response. */
    public static Response text(int status, String body) {
      return new Response(status, "text/plain", body);
    }
  }

  private final HttpServer server;
  private final Map<String, Function<Request, Response>> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeHttpServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static FakeHttpServer start() {
    try {
      return new FakeHttpServer(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests to {@code path} with {@code answer}; other paths get 404. */
  public FakeHttpServer answer(String path, Function<Request, Response> answer) {
    answers.put(path, answer);
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    requests.add(request);
    Function<Request, Response> answer = answers.get(request.path());
    Response response =
        answer == null ? Response.text(404, "404 page not found") : answer.apply(request);
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
