package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One watch: the changes of one type (in one namespace, through label and field selectors) written
 * as a stream of {@code {"type":…,"object":…}} lines. The store hands each change to the watch's
 * own queue and goes on; this thread (the request's) writes them out, so a slow client only delays
 * itself. An object that stops matching the selectors is reported DELETED, one that starts matching
 * ADDED, as a real API server does; bookmarks are sent when asked for.
 */
final class WatchStream {

  private static final Store.Change CLOSE = new Store.Change(null, "CLOSE", null, null, 0);
  private static final long BOOKMARK_EVERY_MILLIS = 5_000;

  private final Store store;
  private final Faults faults;
  private final ObjectMapper json;

  WatchStream(Store store, Faults faults, ObjectMapper json) {
    this.store = store;
    this.faults = faults;
    this.json = json;
  }

  void serve(
      Request request,
      ResourceType type,
      String namespace,
      Selector labels,
      Selector fields,
      long fromRevision,
      boolean table)
      throws IOException {
    Request.EventSink out = request.stream();
    LinkedBlockingQueue<Store.Change> queue = new LinkedBlockingQueue<>();
    Consumer<Store.Change> sink =
        c -> {
          if (namespace == null
              || namespace.equals(c.object().path("metadata").path("namespace").asText())) {
            queue.offer(c);
          }
        };
    boolean ok =
        store.watch(
            type,
            fromRevision,
            sink,
            () -> {
              long rev = store.revision();
              for (ObjectNode o : store.list(type, namespace, labels, fields)) {
                queue.offer(new Store.Change(type, "ADDED", null, o, rev));
              }
            });
    if (!ok) {
      ApiException gone =
          new ApiException(
              410,
              "Expired",
              "too old resource version: " + fromRevision + " (" + store.revision() + ")");
      write(out, "ERROR", gone.status());
      out.close();
      return;
    }
    Runnable close = () -> queue.offer(CLOSE);
    out.onClose(close);
    faults.watchOpened(close);
    long deadline =
        request
            .query("timeoutSeconds")
            .map(s -> System.currentTimeMillis() + Long.parseLong(s) * 1000)
            .orElse(Long.MAX_VALUE);
    boolean bookmarks = request.flag("allowWatchBookmarks");
    long lastWrite = System.currentTimeMillis();
    try {
      while (System.currentTimeMillis() < deadline) {
        Store.Change c = queue.poll(1, TimeUnit.SECONDS);
        if (c == CLOSE) {
          break;
        }
        if (c == null) {
          if (bookmarks && System.currentTimeMillis() - lastWrite > BOOKMARK_EVERY_MILLIS) {
            ObjectNode mark = JsonNodeFactory.instance.objectNode();
            mark.put("kind", type.kind());
            mark.put("apiVersion", type.apiVersion());
            mark.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
            write(out, "BOOKMARK", mark);
            lastWrite = System.currentTimeMillis();
          }
          continue;
        }
        boolean closed = false;
        do {
          if (c == CLOSE) {
            closed = true;
            break;
          }
          emit(out, c, labels, fields, type, table);
          c = queue.poll();
        } while (c != null);
        lastWrite = System.currentTimeMillis();
        if (closed) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      store.unwatch(type, sink);
      faults.watchClosed(close);
      out.close();
    }
  }

  private void emit(
      Request.EventSink out,
      Store.Change c,
      Selector labels,
      Selector fields,
      ResourceType type,
      boolean table)
      throws IOException {
    boolean before = c.before() != null && labels.matches(c.before()) && fields.matches(c.before());
    boolean after = c.after() != null && labels.matches(c.after()) && fields.matches(c.after());
    String kind;
    JsonNode object;
    if (after) {
      kind = before ? "MODIFIED" : "ADDED";
      object = c.after();
    } else if (before) {
      kind = "DELETED";
      ObjectNode last = (c.after() != null ? c.after() : c.before()).deepCopy();
      Resources.metadata(last).put("resourceVersion", Long.toString(c.revision()));
      object = last;
    } else {
      return;
    }
    if (table) {
      object = Tables.table(type, List.of(object), "Metadata", Instant.now());
    }
    write(out, kind, object);
  }

  private void write(Request.EventSink out, String kind, JsonNode object) throws IOException {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", kind);
    event.set("object", object);
    out.write(json.writeValueAsBytes(event));
  }
}
