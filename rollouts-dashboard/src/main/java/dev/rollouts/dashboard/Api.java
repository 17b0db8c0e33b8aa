package dev.rollouts.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.rollouts.cli.cluster.RolloutReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

/**
 * Argo's dashboard API under {@code api/v1/}: the info and watch routes read the shared {@link
 * Informers}; the {@code PUT} routes are {@link Actions}.
 */
final class Api {

  private final DashboardServer.Settings settings;
  private final KubernetesClient client;
  private final Informers informers;
  private final Set<LatestChanges> streams = new CopyOnWriteArraySet<>();
  private final Actions actions;

  Api(
      DashboardServer.Settings settings,
      KubernetesClient client,
      Informers informers,
      Clock clock) {
    this.settings = settings;
    this.client = client;
    this.informers = informers;
    this.actions = new Actions(client, clock);
  }

  /** Answers {@code method} on {@code path}, the decoded segments after {@code api/v1/}. */
  void handle(HttpExchange exchange, String method, List<String> path) throws IOException {
    int n = path.size();
    if (method.equals("GET")) {
      if (n == 1 && path.get(0).equals("namespace")) {
        Http.json(exchange, 200, namespaces());
      } else if (n == 1 && path.get(0).equals("version")) {
        Http.json(exchange, 200, Map.of("rolloutsVersion", "v" + settings.version()));
      } else if (n == 1 && path.get(0).equals("settings")) {
        Http.json(exchange, 200, Map.of("readOnly", settings.readOnly()));
      } else if (isRollouts(path, 3) && path.get(2).equals("info")) {
        Http.json(exchange, 200, list(namespace(path)));
      } else if (isRollouts(path, 4) && path.get(2).equals("info") && path.get(3).equals("watch")) {
        watchList(exchange, namespace(path));
      } else if (isRollouts(path, 4) && path.get(3).equals("info")) {
        Http.json(exchange, 200, one(namespace(path), path.get(2)));
      } else if (isRollouts(path, 5) && path.get(3).equals("info") && path.get(4).equals("watch")) {
        watchOne(exchange, namespace(path), path.get(2));
      } else {
        throw new ApiError(404, "no such API path: " + String.join("/", path));
      }
    } else if (method.equals("PUT")) {
      if (n < 4 || !path.get(0).equals("rollouts")) {
        throw new ApiError(404, "no such API path: " + String.join("/", path));
      }
      if (settings.readOnly()) {
        throw new ApiError(403, "permission denied: the dashboard is read-only (--read-only)");
      }
      Http.requireJson(exchange);
      byte[] body = exchange.getRequestBody().readAllBytes();
      Object rollout = actions.run(namespace(path), path.get(2), path.subList(3, n), body);
      Http.json(exchange, 200, rollout);
    } else {
      throw new ApiError(405, "method " + method + " is not allowed on the API");
    }
  }

  private static boolean isRollouts(List<String> path, int size) {
    return path.size() == size && path.get(0).equals("rollouts");
  }

  private String namespace(List<String> path) {
    String namespace = path.get(1);
    if (!settings.allNamespaces() && !namespace.equals(settings.namespace())) {
      throw new ApiError(
          403,
          "namespace \""
              + namespace
              + "\" is not served by this dashboard, which shows \""
              + settings.namespace()
              + "\" (start it with -A for every namespace)");
    }
    return namespace;
  }

  private Map<String, Object> namespaces() {
    Set<String> available = new TreeSet<>();
    available.add(settings.namespace());
    if (settings.allNamespaces()) {
      try {
        RolloutReader.rollouts(client).inAnyNamespace().list().getItems().stream()
            .map(r -> r.getMetadata().getNamespace())
            .forEach(available::add);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 403) {
          throw e;
        }
      }
    }
    return Map.of("namespace", settings.namespace(), "availableNamespaces", List.copyOf(available));
  }

  private Map<String, Object> list(String namespace) {
    try (Informers.Lease lease = informers.acquire(namespace)) {
      NamespaceCache cache = lease.cache();
      List<Map<String, Object>> infos =
          cache.names().stream()
              .flatMap(name -> cache.snapshot(name).stream())
              .map(s -> InfoJson.of(s, List.of(), false))
              .toList();
      return Map.of("rollouts", infos);
    }
  }

  private Map<String, Object> one(String namespace, String name) {
    try (Informers.Lease lease = informers.acquire(namespace)) {
      return full(lease.cache(), name).orElseThrow(() -> notFound(namespace, name));
    }
  }

  private static Optional<Map<String, Object>> full(NamespaceCache cache, String name) {
    return cache.snapshot(name).map(s -> InfoJson.of(s, cache.analysisRuns(s), true));
  }

  private static ApiError notFound(String namespace, String name) {
    return new ApiError(404, RolloutReader.notFound(name, namespace).getMessage());
  }

  /** {@code watch} of the list: {@code Added}, then {@code Updated}, then {@code Deleted}. */
  private void watchList(HttpExchange exchange, String namespace) throws IOException {
    stream(
        exchange,
        namespace,
        name -> true,
        (sse, cache, name, known) -> {
          var snapshot = cache.snapshot(name);
          if (snapshot.isEmpty()) {
            if (known.remove(name) != null) {
              sse.send(
                  event(
                      "Deleted",
                      Map.of("objectMeta", Map.of("name", name, "namespace", namespace))));
            }
            return;
          }
          String info = Http.write(InfoJson.of(snapshot.get(), List.of(), false));
          String before = known.put(name, info);
          if (!info.equals(before)) {
            sse.send(event(before == null ? "Added" : "Updated", info));
          }
        });
  }

  /** {@code watch} of one Rollout: its full info whenever it or an object it controls changes. */
  private void watchOne(HttpExchange exchange, String namespace, String rollout)
      throws IOException {
    // the lease that found the Rollout is kept for the stream: letting it go first would stop
    // the namespace's informers between the check and the stream and start them again
    try (Informers.Lease lease = informers.acquire(namespace)) {
      if (lease.cache().snapshot(rollout).isEmpty()) {
        throw notFound(namespace, rollout);
      }
      stream(
          exchange,
          namespace,
          rollout::equals,
          (sse, cache, name, known) -> {
            var info = full(cache, name);
            if (info.isPresent()) {
              String json = Http.write(info.get());
              if (!json.equals(known.put(name, json))) {
                sse.send(json);
              }
            }
          });
    }
  }

  private interface Sender {
    void send(Sse sse, NamespaceCache cache, String rollout, Map<String, String> known)
        throws IOException;
  }

  private void stream(
      HttpExchange exchange, String namespace, Predicate<String> wanted, Sender sender)
      throws IOException {
    LatestChanges changes = new LatestChanges(wanted);
    try (Informers.Lease lease = informers.acquire(namespace)) {
      NamespaceCache cache = lease.cache();
      cache.addListener(changes);
      streams.add(changes);
      try {
        Sse sse = Sse.open(exchange);
        Map<String, String> known = new HashMap<>();
        for (String name : cache.names()) {
          if (wanted.test(name)) {
            sender.send(sse, cache, name, known);
          }
        }
        long keepAlive = settings.keepAlive().toMillis();
        while (!changes.isClosed()) {
          Map<String, Boolean> taken = changes.take(keepAlive);
          if (taken.isEmpty()) {
            sse.comment();
          }
          for (String name : taken.keySet()) {
            sender.send(sse, cache, name, known);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the browser went away
      } finally {
        cache.removeListener(changes);
        streams.remove(changes);
        changes.close();
      }
    }
  }

  private static String event(String type, Object info) {
    return event(type, Http.write(info));
  }

  private static String event(String type, String infoJson) {
    return "{\"type\":\"" + type + "\",\"rolloutInfo\":" + infoJson + "}";
  }

  /** Ends every open stream. */
  void closeStreams() {
    streams.forEach(LatestChanges::close);
  }

  /** How many streams are open. */
  int openStreams() {
    return streams.size();
  }

  /** The error to answer for an API server's refusal: its status code, passed through. */
  static ApiError fromCluster(KubernetesClientException e) {
    String said =
        e.getStatus() != null
                && e.getStatus().getMessage() != null
                && !e.getStatus().getMessage().isEmpty()
            ? e.getStatus().getMessage()
            : e.getMessage();
    int code = e.getCode();
    if (code < 400 || code > 599) {
      return new ApiError(502, "cannot reach the Kubernetes API server: " + said, e);
    }
    return new ApiError(code, said, e);
  }
}
