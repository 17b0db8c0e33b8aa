package dev.rollouts.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo Rollouts' dashboard on the JDK's HTTP server: the UI at {@code /<root-path>/} ({@code /}
 * redirects there) and Argo's API at {@code /<root-path>/api/v1/} and {@code /api/v1/}.
 *
 * <pre>{@code
 * try (DashboardServer dashboard = DashboardServer.builder(client).namespace("shop").start()) {
 *   System.out.println(dashboard.url());   // http://127.0.0.1:3100/rollouts/
 * }
 * }</pre>
 *
 * <p>Safe by default: it listens on {@code 127.0.0.1} and refuses a {@code Host} that is not a
 * loopback name; a request that changes state must be same-origin {@code application/json}; with
 * {@link Builder#readOnly}, every {@code PUT} answers 403. Viewers of one namespace share one set
 * of informers, started by the first and stopped after the last; an idle server makes no API calls.
 */
public final class DashboardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

  /** Argo's port. */
  public static final int DEFAULT_PORT = 3100;

  /** Argo's root path. */
  public static final String DEFAULT_ROOT_PATH = "rollouts";

  /** What the server was built with. */
  record Settings(
      String address,
      int port,
      String rootPath,
      boolean readOnly,
      String namespace,
      boolean allNamespaces,
      String version,
      Duration keepAlive,
      Duration informerLinger) {}

  private final Settings settings;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService scheduler;
  private final Informers informers;
  private final Api api;
  private final StaticFiles files;
  private final String base;
  private final boolean loopbackOnly;

  private DashboardServer(Settings settings, KubernetesClient client, Clock clock)
      throws IOException {
    this.settings = settings;
    InetAddress address = InetAddress.getByName(settings.address());
    this.loopbackOnly = address.isLoopbackAddress();
    this.base = settings.rootPath().isEmpty() ? "/" : "/" + settings.rootPath() + "/";
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dashboard-informers"));
    this.informers =
        new Informers(client, settings.informerLinger(), Duration.ofSeconds(30), scheduler);
    this.api = new Api(settings, client, informers, clock);
    this.files = new StaticFiles(base);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            64,
            64,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "dashboard-http-" + threads.incrementAndGet()));
    executor.allowCoreThreadTimeOut(true);
    noDelay();
    this.server = HttpServer.create(new InetSocketAddress(address, settings.port()), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * The JDK's server writes a reply's headers and body separately; with Nagle's algorithm on, the
   * body then waits for the client's delayed ACK (about 40 ms per request). Its switch is a system
   * property, read once when the first server starts; a value set by the host is kept.
   */
  private static void noDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A builder of a dashboard over {@code client}'s cluster. */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** The UI's address: {@code http://127.0.0.1:3100/rollouts/}. */
  public URI url() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort() + base);
  }

  /** The address and port it listens on (the port chosen when built with port 0). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The namespaces whose informers run now: empty when nobody is looking. */
  public Set<String> watchedNamespaces() {
    return informers.running();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
      Http.requireSameOrigin(exchange, loopbackOnly);
      String method = exchange.getRequestMethod();
      String raw = exchange.getRequestURI().getRawPath();
      List<String> path = Http.segments(raw);
      List<String> rest = path;
      if (!settings.rootPath().isEmpty()) {
        if (path.isEmpty()) {
          exchange.getResponseHeaders().set("Location", base);
          Http.send(exchange, 302, "text/plain", new byte[0]);
          return;
        }
        rest = path.get(0).equals(settings.rootPath()) ? path.subList(1, path.size()) : null;
      }
      if (path.size() >= 2 && path.get(0).equals("api") && path.get(1).equals("v1")) {
        rest = path;
      }
      if (rest != null
          && rest.size() >= 2
          && rest.get(0).equals("api")
          && rest.get(1).equals("v1")) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        api.handle(exchange, method, rest.subList(2, rest.size()));
      } else if (rest != null && (method.equals("GET") || method.equals("HEAD"))) {
        exchange
            .getResponseHeaders()
            .set(
                "Content-Security-Policy",
                "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        files.serve(exchange, rest);
      } else {
        throw new ApiError(404, "not found: " + raw);
      }
    } catch (ApiError e) {
      reply(exchange, e);
    } catch (KubernetesClientException e) {
      reply(exchange, Api.fromCluster(e));
    } catch (RuntimeException e) {
      LOG.warn("dashboard: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      reply(exchange, new ApiError(500, "internal error: " + e));
    } finally {
      exchange.close();
    }
  }

  private static void reply(HttpExchange exchange, ApiError e) throws IOException {
    if (exchange.getResponseCode() == -1) {
      Http.json(exchange, e.status(), e.body());
    }
  }

  /** Stops listening, ends the open streams and stops the informers. */
  @Override
  public void close() {
    api.closeStreams();
    server.stop(0);
    executor.shutdownNow();
    scheduler.shutdownNow();
    informers.close();
  }

  /** Builds and starts a {@link DashboardServer}. */
  public static final class Builder {
    private final KubernetesClient client;
    private String address = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private String rootPath = DEFAULT_ROOT_PATH;
    private boolean readOnly;
    private String namespace = "default";
    private boolean allNamespaces;
    private String version = "unknown";
    private Duration keepAlive = Duration.ofSeconds(15);
    private Duration informerLinger = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} exposes it). */
    public Builder address(String address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The port (default {@value DashboardServer#DEFAULT_PORT}; 0 picks a free one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The path the UI and API live under (default {@value DashboardServer#DEFAULT_ROOT_PATH}). */
    public Builder rootPath(String rootPath) {
      String trimmed = rootPath.replaceAll("^/+|/+$", "");
      if (trimmed.contains("/") || trimmed.contains("..") || trimmed.equals("api")) {
        throw new IllegalArgumentException(
            "the root path must be one path segment other than api, was \"" + rootPath + "\"");
      }
      this.rootPath = trimmed;
      return this;
    }

    /** Whether every action is refused (403) and the UI shows none. */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** The namespace shown first, and the only one served unless {@link #allNamespaces}. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** Whether every namespace is served (the picker lists those that have Rollouts). */
    public Builder allNamespaces(boolean allNamespaces) {
      this.allNamespaces = allNamespaces;
      return this;
    }

    /** The version {@code GET api/v1/version} reports (without the leading v). */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** How often an idle stream writes a keep-alive comment (default 15 s, as Argo). */
    public Builder keepAlive(Duration keepAlive) {
      if (keepAlive.isNegative() || keepAlive.isZero()) {
        throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
      }
      this.keepAlive = keepAlive;
      return this;
    }

    /** How long a namespace's informers run after its last viewer leaves (default 30 s). */
    public Builder informerLinger(Duration informerLinger) {
      if (informerLinger.isNegative()) {
        throw new IllegalArgumentException("informerLinger must not be negative");
      }
      this.informerLinger = informerLinger;
      return this;
    }

    /** The clock {@code restart} reads (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws UncheckedIOException if the address cannot be bound (the port is taken)
     */
    public DashboardServer start() {
      Settings settings =
          new Settings(
              address,
              port,
              rootPath,
              readOnly,
              namespace,
              allNamespaces,
              version,
              keepAlive,
              informerLinger);
      try {
        DashboardServer dashboard = new DashboardServer(settings, client, clock);
        dashboard.server.start();
        return dashboard;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
