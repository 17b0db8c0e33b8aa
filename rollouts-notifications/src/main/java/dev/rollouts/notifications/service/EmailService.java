package dev.rollouts.notifications.service;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * E-mail over SMTP, as notifications-engine's {@code email.go}: settings {@code host}, {@code
 * port}, {@code username}, {@code password}, {@code from}, {@code html}, {@code
 * insecure_skip_verify}; the recipient is a comma-separated address list; the subject is {@code
 * email.subject}, the body {@code email.body} or else the message, as {@code text/html} with {@code
 * html: true}. Subject encoded as RFC 2047 when it is not ASCII; body in base64.
 */
final class EmailService implements NotificationService {

  private final Map<String, Object> settings;
  private final Duration timeout;
  private final Supplier<Instant> clock;

  EmailService(Map<String, Object> settings, Duration timeout, Supplier<Instant> clock) {
    this.settings = settings;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public String type() {
    return "email";
  }

  @Override
  public void send(Notification notification, Destination destination) throws SendException {
    List<String> to = new ArrayList<>();
    for (String address : destination.recipient().split(",")) {
      if (!address.isBlank()) {
        to.add(address.strip());
      }
    }
    if (to.isEmpty()) {
      throw SendException.permanent("email: no recipient address");
    }
    String subject = notification.email().map(Notification.Email::subject).orElse("");
    String body =
        notification
            .email()
            .map(Notification.Email::body)
            .filter(b -> !b.isEmpty())
            .orElse(notification.message());
    String from = Settings.string(settings, "from");
    String message = message(from, to, subject, body, Settings.bool(settings, "html"));
    new SmtpClient(
            Settings.string(settings, "host"),
            Settings.integer(settings, "port", 25),
            timeout,
            Settings.bool(settings, "insecure_skip_verify"))
        .send(
            Settings.string(settings, "username"),
            Settings.string(settings, "password"),
            from,
            to,
            message);
  }

  String message(String from, List<String> to, String subject, String body, boolean html) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.get().atZone(ZoneOffset.UTC));
    String encodedBody =
        Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(body.getBytes(StandardCharsets.UTF_8));
    return String.join(
        "\r\n",
        "From: " + from,
        "To: " + String.join(", ", to),
        "Subject: " + encodeHeader(subject),
        "Date: " + date,
        "MIME-Version: 1.0",
        "Content-Type: " + (html ? "text/html" : "text/plain") + "; charset=UTF-8",
        "Content-Transfer-Encoding: base64",
        "",
        encodedBody);
  }

  private static String encodeHeader(String value) {
    if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return value;
    }
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }
}
