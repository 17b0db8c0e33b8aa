package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the simulated API server, bound to loopback. Vert.x (already on the class path
 * as fabric8's HTTP client) does the I/O: plain HTTP/1.1 requests, streamed watches for kubectl,
 * and WebSocket watches for fabric8. Every request is served on a thread of its own from a pool
 * that grows as needed, never on the event loop, so a long-lived watch holds one thread and nothing
 * else. Routes discovery, OpenAPI, health and version requests, and every {@code /api/v1/…} and
 * {@code /apis/GROUP/VERSION/…} resource path, to their handlers; injected faults are answered
 * first.
 */
final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Vertx vertx;
  private final HttpServer http;
  private final ExecutorService threads;
  private final Resources resources;
  private final Faults faults;
  private final ObjectMapper json = new ObjectMapper();
  private final Discovery discovery;
  private final OpenApi openApi;
  private final ResourceHandler handler;

  ApiServer(Resources resources, Faults faults, int port) {
    this.resources = resources;
    this.faults = faults;
    this.discovery = new Discovery(resources.registry());
    this.openApi = new OpenApi(resources.registry());
    this.handler =
        new ResourceHandler(resources, new WatchStream(resources.store(), faults, json), json);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "sim-apiserver-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.threads = Executors.newCachedThreadPool(factory);
    this.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    this.http =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setMaxWebSocketFrameSize(64 * 1024 * 1024)
                .setMaxWebSocketMessageSize(64 * 1024 * 1024));
    http.requestHandler(
        req -> req.body().onSuccess(body -> threads.execute(() -> serve(Request.http(req, body)))));
    http.webSocketHandler(
        ws -> {
          Optional<Integer> fault =
              faults.intercept(
                  ws.headers().get("User-Agent"),
                  "GET",
                  ws.query() == null ? ws.path() : ws.path() + "?" + ws.query());
          if (fault.isPresent()) {
            ws.reject(fault.get());
            return;
          }
          threads.execute(() -> serve(Request.webSocket(ws)));
        });
    try {
      http.listen().toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      vertx.close();
      throw new IllegalStateException(
          "the simulated API server cannot listen on port " + port, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return http.actualPort();
  }

  private void serve(Request r) {
    try {
      Optional<Integer> fault =
          r.isWebSocket()
              ? Optional.empty()
              : faults.intercept(r.header("User-Agent"), r.method(), r.pathAndQuery());
      if (fault.isPresent()) {
        int code = fault.get();
        String reason = code == 409 ? "Conflict" : code >= 500 ? "InternalError" : "BadRequest";
        throw new ApiException(code, reason, "injected by the test");
      }
      route(r);
    } catch (ApiException e) {
      respond(r, e.code(), e.status());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      respond(
          r,
          400,
          ApiException.badRequest("the request body is not valid: " + e.getOriginalMessage())
              .status());
    } catch (IOException e) {
      LOG.debug("simulated API server: {} {}: {}", r.method(), r.path(), e.toString());
      respond(r, 500, new ApiException(500, "InternalError", e.toString()).status());
    } catch (RuntimeException e) {
      LOG.warn("simulated API server: {} {} failed", r.method(), r.pathAndQuery(), e);
      respond(r, 500, new ApiException(500, "InternalError", e.toString()).status());
    }
  }

  private void respond(Request r, int code, JsonNode body) {
    try {
      r.respond(code, "application/json", json.writeValueAsBytes(body));
    } catch (IOException | RuntimeException e) {
      LOG.debug("simulated API server: cannot answer {}: {}", r.path(), e.toString());
    }
  }

  private void route(Request r) throws IOException {
    List<String> s = r.segments();
    if (s.isEmpty()) {
      ok(
          r,
          json.createObjectNode()
              .set(
                  "paths",
                  json.valueToTree(
                      List.of(
                          "/api",
                          "/apis",
                          "/healthz",
                          "/livez",
                          "/openapi/v2",
                          "/openapi/v3",
                          "/readyz",
                          "/version"))));
      return;
    }
    switch (s.get(0)) {
      case "healthz", "livez", "readyz" ->
          r.respond(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
      case "version" -> ok(r, discovery.version());
      case "openapi" -> openApi.serve(r, json);
      case "api" -> {
        if (s.size() == 1) {
          ok(r, discovery.coreVersions("127.0.0.1:" + port()));
        } else {
          resource(r, s.get(1), s.subList(2, s.size()));
        }
      }
      case "apis" -> {
        if (s.size() == 1) {
          ok(r, discovery.groups());
        } else if (s.size() == 2) {
          ok(r, discovery.group(s.get(1)).orElseThrow(ApiServer::notFound));
        } else {
          resource(r, s.get(1) + "/" + s.get(2), s.subList(3, s.size()));
        }
      }
      default -> throw notFound();
    }
  }

  private void resource(Request r, String apiVersion, List<String> rest) throws IOException {
    if (rest.isEmpty()) {
      ok(r, discovery.resources(apiVersion).orElseThrow(ApiServer::notFound));
      return;
    }
    Registry registry = resources.registry();
    String namespace = null;
    List<String> tail = rest;
    if (rest.get(0).equals("namespaces")
        && rest.size() >= 3
        && registry.find(apiVersion, rest.get(2)).filter(ResourceType::namespaced).isPresent()) {
      namespace = rest.get(1);
      tail = rest.subList(2, rest.size());
    }
    ResourceType type = registry.find(apiVersion, tail.get(0)).orElseThrow(ApiServer::notFound);
    String name = tail.size() > 1 ? tail.get(1) : null;
    String sub = tail.size() > 2 ? tail.get(2) : null;
    if (type.namespaced() && namespace == null && name != null) {
      throw notFound();
    }
    handler.handle(r, type, namespace, name, sub);
  }

  private void ok(Request r, JsonNode body) throws IOException {
    r.respond(200, "application/json", json.writeValueAsBytes(body));
  }

  private static ApiException notFound() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource");
  }

  @Override
  public void close() {
    threads.shutdownNow();
    try {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .get(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.debug("simulated API server: slow to stop: {}", e.toString());
    }
  }
}
