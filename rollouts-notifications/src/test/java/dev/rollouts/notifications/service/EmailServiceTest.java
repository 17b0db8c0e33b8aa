package dev.rollouts.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.ServiceConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** E-mail over SMTP (notifications-engine email.go) against a fake SMTP server on loopback. */
class EmailServiceTest {

  /** A one-session SMTP server that records the client's lines. */
  static final class FakeSmtp implements AutoCloseable {
    final ServerSocket socket;
    final List<String> lines = new ArrayList<>();
    final Thread thread;
    final String rcptReply;

    FakeSmtp(String rcptReply) throws Exception {
      this.rcptReply = rcptReply;
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve);
      thread.start();
    }

    private void serve() {
      try (Socket s = socket.accept()) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        reply(out, "220 fake ESMTP");
        boolean data = false;
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
          if (data) {
            if (line.equals(".")) {
              data = false;
              reply(out, "250 queued");
            }
            continue;
          }
          if (line.startsWith("EHLO")) {
            reply(out, "250-fake\r\n250 AUTH PLAIN");
          } else if (line.startsWith("AUTH")) {
            reply(out, "235 ok");
          } else if (line.startsWith("RCPT")) {
            reply(out, rcptReply);
          } else if (line.equals("DATA")) {
            data = true;
            reply(out, "354 go ahead");
          } else if (line.equals("QUIT")) {
            reply(out, "221 bye");
            return;
          } else {
            reply(out, "250 ok");
          }
        }
      } catch (Exception e) {
        // the test reads what arrived
      }
    }

    private static void reply(OutputStream out, String text) throws Exception {
      out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    List<String> lines() throws InterruptedException {
      thread.join(5000);
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  private static NotificationService email(int port) {
    return NotificationServices.create(
        new ServiceConfig(
            "email",
            "email",
            Map.of(
                "host",
                "127.0.0.1",
                "port",
                port,
                "username",
                "bot",
                "password",
                "pw",
                "from",
                "rollouts@example.com")),
        Duration.ofSeconds(5),
        () -> Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void sendsTheSubjectAndBodyToEachAddressOfTheRecipient() throws Exception {
    try (FakeSmtp smtp = new FakeSmtp("250 ok")) {
      Notification n =
          new Notification(
              "message body",
              Optional.of(new Notification.Email("Rollout done", "")),
              Optional.empty(),
              Map.of(),
              Optional.empty());

      email(smtp.socket.getLocalPort())
          .send(n, new Destination("email", "a@example.com, b@example.com"));

      assertThat(smtp.lines())
          .containsExactly(
              "EHLO localhost",
              "AUTH PLAIN AGJvdABwdw==",
              "MAIL FROM:<rollouts@example.com>",
              "RCPT TO:<a@example.com>",
              "RCPT TO:<b@example.com>",
              "DATA",
              "From: rollouts@example.com",
              "To: a@example.com, b@example.com",
              "Subject: Rollout done",
              "Date: Thu, 1 Jan 2026 00:00:00 GMT",
              "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=UTF-8",
              "Content-Transfer-Encoding: base64",
              "",
              "bWVzc2FnZSBib2R5",
              ".",
              "QUIT");
    }
  }

  @Test
  void aRejectedRecipientIsASendError() throws Exception {
    try (FakeSmtp smtp = new FakeSmtp("550 no such user")) {
      Notification n = Notification.empty();

      assertThatThrownBy(
              () ->
                  email(smtp.socket.getLocalPort())
                      .send(n, new Destination("email", "x@example.com")))
          .isInstanceOfSatisfying(
              SendException.class,
              e -> {
                assertThat(e.getMessage()).isEqualTo("smtp: RCPT TO answered 550 no such user");
                assertThat(e.retryable()).isFalse();
              });
    }
  }
}
