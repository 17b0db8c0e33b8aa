package dev.rollouts.kubernetes.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Faults a test injects into the simulated API server (an HTTP error for the next requests that
 * match, dropped watches) and the count of requests it served, so that a harness can report API
 * requests per unit of work.
 *
 * <pre>{@code
 * cluster.faults().fail(RequestMatch.of("PATCH", "/replicasets/"), 500, 2);
 * long writes = cluster.faults().count(s -> s.userAgent().equals("controller") && s.isWrite());
 * }</pre>
 */
public final class Faults {

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

  /**
   * A request the test wants to fail: who sent it ({@code User-Agent}, any when null), its method
   * and a predicate on its path and query.
   *
   * @param userAgent the client's {@code User-Agent}, or null for any
   * @param method the HTTP method
   * @param path a predicate on the path and query
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

    boolean matches(String agent, String requestMethod, String pathAndQuery) {
      return (userAgent == null || userAgent.equals(agent))
          && requestMethod.equalsIgnoreCase(method)
          && path.test(pathAndQuery);
    }
  }

  private record Fault(RequestMatch match, int code, AtomicInteger remaining) {}

  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final Set<Runnable> openWatches = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> requestsByMethod = new ConcurrentHashMap<>();
  private final java.util.Queue<Served> served = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile boolean recording = true;

  Faults() {}

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
    for (Runnable close : List.copyOf(openWatches)) {
      openWatches.remove(close);
      close.run();
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
    Map<String, Long> copy = new TreeMap<>();
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

  /** Every request served so far, in order (kept only while {@link #record(boolean)} is on). */
  public List<Served> served() {
    return List.copyOf(served);
  }

  /** How many requests served so far match {@code filter}. */
  public long count(Predicate<Served> filter) {
    return served.stream().filter(filter).count();
  }

  /**
   * Whether to keep every request in {@link #served()} (on by default); a long run at scale turns
   * it off to keep memory flat, and counts by method only.
   */
  public void record(boolean on) {
    recording = on;
  }

  /** Counts a request and returns the injected fault's code, if one answers it. */
  Optional<Integer> intercept(String userAgent, String method, String pathAndQuery) {
    requestsByMethod.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    if (recording) {
      served.add(new Served(userAgent, method, pathAndQuery));
    }
    for (Fault fault : faults) {
      if (fault.match().matches(userAgent, method, pathAndQuery)
          && fault.remaining().getAndDecrement() > 0) {
        return Optional.of(fault.code());
      }
    }
    return Optional.empty();
  }

  void watchOpened(Runnable close) {
    openWatches.add(close);
  }

  void watchClosed(Runnable close) {
    openWatches.remove(close);
  }
}
