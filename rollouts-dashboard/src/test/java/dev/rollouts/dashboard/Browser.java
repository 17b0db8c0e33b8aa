package dev.rollouts.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** An HTTP client of a dashboard, as a browser on the same origin would call it. */
final class Browser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI root;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  Browser(URI root) {
    this.root = root;
  }

  /** {@code http://127.0.0.1:PORT} plus {@code path}. */
  URI uri(String path) {
    return root.resolve(path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** A same-origin JSON {@code PUT}, as the UI's fetch sends it. */
  HttpResponse<String> put(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Origin", root.getScheme() + "://" + root.getAuthority())
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An open event stream, its lines read in the background. */
  Stream stream(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build();
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          http.send(request, HttpResponse.BodyHandlers.ofLines());
      return new Stream(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The lines of a Server-Sent Events reply. */
  static final class Stream implements AutoCloseable {
    final HttpResponse<java.util.stream.Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    Stream(HttpResponse<java.util.stream.Stream<String>> response) {
      this.response = response;
      this.reader =
          new Thread(
              () -> {
                try {
                  response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                  // the stream was closed
                }
              },
              "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next line that {@code test} accepts, skipping others; fails after {@code timeout}. */
    String next(Predicate<String> test, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
          throw new AssertionError("no matching line within " + timeout);
        }
        if (test.test(line)) {
          return line;
        }
      }
    }

    /** The {@code result} of the next {@code data:} line that {@code test} accepts. */
    JsonNode nextResult(Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        String line = next(l -> l.startsWith("data: "), left);
        try {
          JsonNode result = JSON.readTree(line.substring("data: ".length())).get("result");
          if (test.test(result)) {
            return result;
          }
        } catch (IOException e) {
          throw new AssertionError("not JSON: " + line, e);
        }
      }
    }

    @Override
    public void close() {
      response.body().close();
      reader.interrupt();
    }
  }
}
