package dev.rollouts.notifications.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A small SMTP client (RFC 5321) for one message: {@code EHLO}, {@code STARTTLS} when the server
 * offers it (or TLS from the start on port 465), {@code AUTH PLAIN} when a username is set, {@code
 * MAIL FROM}, {@code RCPT TO} for each recipient, {@code DATA} with dot-stuffing, {@code QUIT}.
 * Every read and connect is bounded by the timeout.
 */
final class SmtpClient {

  private final String host;
  private final int port;
  private final Duration timeout;
  private final boolean insecureSkipVerify;

  SmtpClient(String host, int port, Duration timeout, boolean insecureSkipVerify) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
    this.insecureSkipVerify = insecureSkipVerify;
  }

  private final class Session implements AutoCloseable {
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    Session(Socket socket) throws IOException {
      use(socket);
    }

    void use(Socket s) throws IOException {
      socket = s;
      socket.setSoTimeout((int) timeout.toMillis());
      in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      out = s.getOutputStream();
    }

    /** Reads a reply; returns its lines; fails unless its code is {@code expected}. */
    List<String> expect(int expected, String command) throws IOException, SendException {
      List<String> lines = new ArrayList<>();
      String line;
      do {
        line = in.readLine();
        if (line == null) {
          throw SendException.transientFailure(
              "smtp: connection closed after " + command, java.util.Optional.empty());
        }
        lines.add(line);
      } while (line.length() > 3 && line.charAt(3) == '-');
      int code = Integer.parseInt(line.substring(0, 3));
      if (code != expected) {
        throw new SendException(
            "smtp: " + command + " answered " + line,
            code >= 400 && code < 500,
            java.util.Optional.empty());
      }
      return lines;
    }

    void write(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  void send(String username, String password, String from, List<String> to, String message)
      throws SendException {
    try (Session s = new Session(connect())) {
      s.expect(220, "greeting");
      s.write("EHLO localhost");
      List<String> features = s.expect(250, "EHLO");
      if (!(s.socket instanceof SSLSocket)
          && features.stream().anyMatch(f -> f.substring(4).toUpperCase().startsWith("STARTTLS"))) {
        s.write("STARTTLS");
        s.expect(220, "STARTTLS");
        SSLSocket tls = (SSLSocket) sslFactory().createSocket(s.socket, host, port, true);
        tls.startHandshake();
        s.use(tls);
        s.write("EHLO localhost");
        s.expect(250, "EHLO");
      }
      if (!username.isEmpty()) {
        String plain = "\0" + username + "\0" + password;
        s.write(
            "AUTH PLAIN "
                + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        s.expect(235, "AUTH");
      }
      s.write("MAIL FROM:<" + from + ">");
      s.expect(250, "MAIL FROM");
      for (String recipient : to) {
        s.write("RCPT TO:<" + recipient + ">");
        s.expect(250, "RCPT TO");
      }
      s.write("DATA");
      s.expect(354, "DATA");
      StringBuilder data = new StringBuilder();
      for (String line : message.split("\r\n", -1)) {
        data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
      }
      s.out.write(data.append(".\r\n").toString().getBytes(StandardCharsets.UTF_8));
      s.out.flush();
      s.expect(250, "end of DATA");
      s.write("QUIT");
    } catch (IOException e) {
      throw SendException.transientFailure(
          "smtp " + host + ":" + port + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          java.util.Optional.empty());
    }
  }

  private Socket connect() throws IOException {
    Socket socket = port == 465 ? sslFactory().createSocket() : new Socket();
    socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
    return socket;
  }

  private SSLSocketFactory sslFactory() throws IOException {
    if (!insecureSkipVerify) {
      return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager trustAll =
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          };
      context.init(null, new TrustManager[] {trustAll}, null);
      return context.getSocketFactory();
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }
}
