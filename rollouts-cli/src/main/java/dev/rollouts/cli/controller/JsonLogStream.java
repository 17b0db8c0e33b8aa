package dev.rollouts.cli.controller;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --log-format json}: turns each record the logging backend (slf4j-simple, which writes to
 * {@code System.err} and flushes once per record) writes into one JSON object per line, as log
 * collectors expect and as Argo Rollouts logs with {@code --logformat json}:
 *
 * <pre>{@code
 * [INFO] dev.rollouts.kubernetes.apply.DecisionApplier - [shop/web] created ReplicaSet web-6d4 with 1 replicas
 * }</pre>
 *
 * becomes
 *
 * <pre>{@code
 * {"time":"2026-12-04T03:10:00Z","level":"info","logger":"dev.rollouts.kubernetes.apply.DecisionApplier","rollout":"shop/web","msg":"created ReplicaSet web-6d4 with 1 replicas"}
 * }</pre>
 *
 * A stack trace becomes the record's {@code error}; a line that is not a record is a record of
 * level {@code info} and logger {@code stderr}.
 */
public final class JsonLogStream extends OutputStream {

  private static final Pattern RECORD =
      Pattern.compile(
          "^(?:\\S+ )?(?:\\[[^\\]]*\\] )?\\[?(TRACE|DEBUG|INFO|WARN|ERROR)\\]? (\\S+) - (.*)$",
          Pattern.DOTALL);
  private static final Pattern ROLLOUT = Pattern.compile("^\\[([^\\]\\s/]+/[^\\]\\s]+)\\] (.*)$");

  private final PrintStream target;
  private final Clock clock;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  /** A stream that writes JSON lines to {@code target}, stamped by {@code clock}. */
  public JsonLogStream(PrintStream target, Clock clock) {
    this.target = target;
    this.clock = clock;
  }

  /**
   * Replaces {@code System.err} with a JSON-lines stream over the current one; returns the old
   * stream.
   */
  public static PrintStream install() {
    PrintStream original = System.err;
    System.setErr(
        new PrintStream(
            new JsonLogStream(original, Clock.systemUTC()), false, StandardCharsets.UTF_8));
    return original;
  }

  @Override
  public synchronized void write(int b) {
    pending.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    pending.write(b, off, len);
  }

  /** Ends a record: what was written since the last flush becomes one JSON line. */
  @Override
  public synchronized void flush() {
    String text = pending.toString(StandardCharsets.UTF_8).stripTrailing();
    pending.reset();
    if (!text.isEmpty()) {
      target.println(toJson(text, clock.instant().toString()));
      target.flush();
    }
  }

  /** One record's text as a JSON object. */
  static String toJson(String text, String time) {
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    String rest = newline < 0 ? "" : text.substring(newline + 1);
    String level = "info";
    String logger = "stderr";
    String message = first;
    Matcher record = RECORD.matcher(first);
    if (record.matches()) {
      level = record.group(1).toLowerCase(java.util.Locale.ROOT);
      logger = record.group(2);
      message = record.group(3);
    }
    StringBuilder json = new StringBuilder(128);
    json.append("{\"time\":").append(quote(time));
    json.append(",\"level\":").append(quote(level));
    json.append(",\"logger\":").append(quote(logger));
    Matcher rollout = ROLLOUT.matcher(message);
    if (rollout.matches()) {
      json.append(",\"rollout\":").append(quote(rollout.group(1)));
      message = rollout.group(2);
    }
    json.append(",\"msg\":").append(quote(message));
    if (!rest.isEmpty()) {
      json.append(",\"error\":").append(quote(rest));
    }
    return json.append('}').toString();
  }

  /** A JSON string literal. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
