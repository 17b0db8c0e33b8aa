package dev.rollouts.kubernetes.sim;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.Resetable;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The CRUD dispatcher of fabric8's in-process API server, with faults a test can inject: an HTTP
 * error for the next requests that match, and dropped watches. It also counts the requests it
 * served, so a harness can report API requests per unit of work.
 */
public final class FaultInjectingDispatcher extends Dispatcher
    implements Resetable, CustomResourceAware {

  private final KubernetesMixedDispatcher delegate;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final Set<WebSocket> openWatches = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> requestsByMethod = new ConcurrentHashMap<>();
  private final List<Served> served = new CopyOnWriteArrayList<>();

  /**
   * A request served, with the {@code User-Agent} of the client that sent it (give each client
   * under test its own).
   *
   * @param userAgent the {@code User-Agent} header
   * @param method the HTTP method
   * @param path the path and query
   */
  public record Served(String userAgent, String method, String path) {

    /** Whether it wrote (any method but GET). */
    public boolean isWrite() {
      return !method.equals("GET");
    }
  }

  FaultInjectingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
    this.delegate = new KubernetesMixedDispatcher(responses);
  }

  /**
   * A request the test wants to fail: who sent it ({@code User-Agent}, any when null), its method
   * and a predicate on its path.
   */
  public record RequestMatch(String userAgent, String method, Predicate<String> path) {

    /** Requests of {@code method} whose path contains {@code fragment}, from any client. */
    public static RequestMatch of(String method, String fragment) {
      return new RequestMatch(null, method, p -> p.contains(fragment));
    }

    /** Requests from {@code userAgent} of {@code method} whose path contains {@code fragment}. */
    public static RequestMatch of(String userAgent, String method, String fragment) {
      return new RequestMatch(userAgent, method, p -> p.contains(fragment));
    }

    boolean matches(RecordedRequest request) {
      return (userAgent == null || userAgent.equals(request.getHeader("User-Agent")))
          && request.getMethod().equalsIgnoreCase(method)
          && path.test(request.getPath());
    }
  }

  private record Fault(RequestMatch match, int code, AtomicInteger remaining) {}

  private record Answer(RequestMatch match, int code, String body) {}

  private final List<Answer> answers = new CopyOnWriteArrayList<>();

  /**
   * Answers every request that matches with {@code code} and {@code body} (JSON), instead of
   * serving it: for the few APIs the CRUD server does not implement, as a real API server would
   * answer them (a {@code SelfSubjectRulesReview}, say).
   */
  public void answer(RequestMatch match, int code, String body) {
    answers.add(new Answer(match, code, body));
  }

  /**
   * Answers the next {@code times} requests that match with {@code code} and a Kubernetes {@code
   * Status} body, instead of serving them.
   */
  public void fail(RequestMatch match, int code, int times) {
    faults.add(new Fault(match, code, new AtomicInteger(times)));
  }

  /** Forgets every injected fault not served yet. */
  public void clearFaults() {
    faults.clear();
  }

  /** How many injected faults have not been served yet. */
  public int pendingFaults() {
    return faults.stream().mapToInt(f -> Math.max(0, f.remaining().get())).sum();
  }

  /** Closes every open watch from the server side, as an API server restart or a proxy would. */
  public int dropWatches() {
    int dropped = 0;
    for (WebSocket ws : List.copyOf(openWatches)) {
      openWatches.remove(ws);
      ws.close(1000, "dropped by the test");
      dropped++;
    }
    return dropped;
  }

  /** Watches open now. */
  public int openWatches() {
    return openWatches.size();
  }

  /** Requests served so far (watches included), by HTTP method. */
  public Map<String, Long> requestsByMethod() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    requestsByMethod.forEach((m, n) -> copy.put(m, n.get()));
    return copy;
  }

  /** Requests served so far with a method other than GET: the writes. */
  public long writeRequests() {
    return requestsByMethod.entrySet().stream()
        .filter(e -> !e.getKey().equals("GET"))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }

  /** Every request served so far, in order. */
  public List<Served> served() {
    return List.copyOf(served);
  }

  /** How many requests served so far match {@code filter}. */
  public long count(Predicate<Served> filter) {
    return served.stream().filter(filter).count();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requestsByMethod.computeIfAbsent(request.getMethod(), m -> new AtomicLong()).incrementAndGet();
    served.add(
        new Served(
            String.valueOf(request.getHeader("User-Agent")),
            request.getMethod(),
            request.getPath()));
    for (Answer answer : answers) {
      if (answer.match().matches(request)) {
        return new MockResponse()
            .setResponseCode(answer.code())
            .setHeader("Content-Type", "application/json")
            .setBody(answer.body());
      }
    }
    for (Fault fault : faults) {
      if (fault.match().matches(request) && fault.remaining().getAndDecrement() > 0) {
        return new MockResponse().setResponseCode(fault.code()).setBody(statusBody(fault.code()));
      }
    }
    MockResponse response = delegate.dispatch(request);
    WebSocketListener listener = response.getWebSocketListener();
    if (listener != null) {
      response.withWebSocketUpgrade(new TrackingListener(listener));
    }
    return response;
  }

  private static String statusBody(int code) {
    String reason = code == 409 ? "Conflict" : code >= 500 ? "InternalError" : "BadRequest";
    return "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"code\":"
        + code
        + ",\"reason\":\""
        + reason
        + "\",\"message\":\"injected by the test\"}";
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }

  @Override
  public void reset() {
    delegate.reset();
  }

  @Override
  public void expectCustomResource(CustomResourceDefinitionContext rdc) {
    delegate.expectCustomResource(rdc);
  }

  /** Delegates to the CRUD watch listener and remembers the socket so that a test can drop it. */
  private final class TrackingListener extends WebSocketListener {
    private final WebSocketListener inner;

    TrackingListener(WebSocketListener inner) {
      this.inner = inner;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      inner.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      openWatches.add(webSocket);
      inner.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      inner.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      inner.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      inner.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      inner.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      openWatches.remove(webSocket);
      inner.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      openWatches.remove(webSocket);
      inner.onFailure(webSocket, error, response);
    }
  }
}
