package dev.rollouts.kubernetes.sim;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the simulated API server (a plain HTTP request, or a WebSocket a watch was opened
 * on), and the means to answer it: a whole response, or a stream of watch events (chunked lines
 * over HTTP, one text frame each over a WebSocket).
 */
final class Request {

  /** Where a watch writes its events. */
  interface EventSink {
    void write(byte[] event);

    void close();

    /** Runs {@code action} when the client goes away. */
    void onClose(Runnable action);
  }

  private final String method;
  private final String path;
  private final String rawQuery;
  private final List<String> segments;
  private final Map<String, String> query = new HashMap<>();
  private final MultiMap headers;
  private final byte[] body;
  private final HttpServerRequest http;
  private final ServerWebSocket webSocket;

  private Request(
      String method,
      String path,
      String rawQuery,
      MultiMap headers,
      byte[] body,
      HttpServerRequest http,
      ServerWebSocket webSocket) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.http = http;
    this.webSocket = webSocket;
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        parts.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    this.segments = List.copyOf(parts);
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.put(k, v);
      }
    }
  }

  static Request http(HttpServerRequest request, Buffer body) {
    return new Request(
        request.method().name(),
        request.path(),
        request.query(),
        request.headers(),
        body.getBytes(),
        request,
        null);
  }

  static Request webSocket(ServerWebSocket ws) {
    return new Request("GET", ws.path(), ws.query(), ws.headers(), new byte[0], null, ws);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** The path and query, as a log or a fault matcher sees it. */
  String pathAndQuery() {
    return rawQuery == null ? path : path + "?" + rawQuery;
  }

  List<String> segments() {
    return segments;
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
  }

  boolean flag(String name) {
    String v = query.get(name);
    return v != null && (v.isEmpty() || v.equals("true") || v.equals("1"));
  }

  boolean isWebSocket() {
    return webSocket != null;
  }

  String header(String name) {
    String v = headers.get(name);
    return v == null ? "" : v;
  }

  byte[] body() {
    return body;
  }

  void respond(int code, String contentType, byte[] bytes) {
    if (webSocket != null) {
      webSocket.writeTextMessage(new String(bytes, StandardCharsets.UTF_8));
      webSocket.close();
      return;
    }
    HttpServerResponse response = http.response();
    response.setStatusCode(code);
    response.putHeader("Content-Type", contentType);
    response.putHeader("Cache-Control", "no-cache, private");
    response.end(Buffer.buffer(bytes));
  }

  /** Starts a stream of events. */
  EventSink stream() {
    if (webSocket != null) {
      return new EventSink() {
        @Override
        public void write(byte[] event) {
          webSocket.writeTextMessage(new String(event, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
          if (!webSocket.isClosed()) {
            webSocket.close();
          }
        }

        @Override
        public void onClose(Runnable action) {
          webSocket.closeHandler(v -> action.run());
        }
      };
    }
    HttpServerResponse response = http.response();
    response.setStatusCode(200);
    response.putHeader("Content-Type", "application/json");
    response.putHeader("Cache-Control", "no-cache, private");
    response.setChunked(true);
    return new EventSink() {
      @Override
      public void write(byte[] event) {
        Buffer b = Buffer.buffer(event.length + 1);
        b.appendBytes(event).appendByte((byte) '\n');
        response.write(b);
      }

      @Override
      public void close() {
        if (!response.ended() && !response.closed()) {
          response.end();
        }
      }

      @Override
      public void onClose(Runnable action) {
        response.closeHandler(v -> action.run());
      }
    };
  }
}
