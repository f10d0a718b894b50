package io.maildiag.ndr.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small SMTP server on 127.0.0.1 for the tests: it answers each command as its {@link Script}
 * says and keeps every message it accepts. A real MTA delivers to it, so what it answers is what
 * the MTA's bounces then report.
 *
 * <p>Lines longer than {@value #MAX_LINE} bytes and messages longer than {@value #MAX_MESSAGE}
 * bytes end the session; an idle client is dropped after 30 seconds.
 */
final class SmtpSink implements AutoCloseable {
  private static final int MAX_LINE = 4096;
  private static final int MAX_MESSAGE = 10 * 1024 * 1024;

  /**
   * How the sink answers: each method returns a whole reply line, code first, or null to misbehave
   * as a broken server does (see each method).
   */
  interface Script {
    /**
     * The greeting; a code other than 220 ends the session after the client's next line, and null
     * sends none: the sink waits, silent, until the client gives up (or 30 seconds pass).
     */
    default String greeting() {
      return "220 sink.test ESMTP";
    }

    /** The reply to {@code MAIL FROM}, given the sender's address (empty for a bounce). */
    default String mailFrom(String sender) {
      return "250 2.1.0 Ok";
    }

    /** The reply to {@code RCPT TO}, given the recipient's address; null drops the connection. */
    default String rcptTo(String recipient) {
      return "250 2.1.5 Ok";
    }

    /** The reply at the end of the data, given the recipients accepted. */
    default String endOfData(List<String> recipients) {
      return "250 2.0.0 Ok: queued";
    }
  }

  /** A message the sink accepted: its envelope and its bytes (dot-stuffing undone). */
  record Received(String sender, List<String> recipients, byte[] data) {}

  private final Script script;
  private final ServerSocket server;
  private final List<Received> received = new ArrayList<>(); // guarded by itself
  private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private SmtpSink(Script script) throws IOException {
    this.script = script;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::accept, "smtp-sink-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a sink on a free port of 127.0.0.1. */
  static SmtpSink start(Script script) {
    try {
      return new SmtpSink(script);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on 127.0.0.1", e);
    }
  }

  /** The port the sink listens on. */
  int port() {
    return server.getLocalPort();
  }

  /**
   * Waits up to {@code timeout} for the first message accepted for {@code recipient} and returns
   * it, removed from what the sink holds; empty if none came in time.
   */
  Optional<Received> awaitFor(String recipient, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (true) {
        for (int i = 0; i < received.size(); i++) {
          if (received.get(i).recipients().contains(recipient)) {
            return Optional.of(received.remove(i));
          }
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        received.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Stops listening and ends the sessions still open. */
  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sessions) {
      s.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      sessions.add(client);
      if (server.isClosed()) { // closed between accept and add: close() may have missed it
        sessions.remove(client);
        try {
          client.close();
        } catch (IOException e) {
          // nothing more to do
        }
        return;
      }
      Thread session = new Thread(() -> serve(client), acceptor.getName() + "-session");
      session.setDaemon(true);
      session.start();
    }
  }

  private void serve(Socket client) {
    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
      client.setSoTimeout(30_000);
      String greeting = script.greeting();
      if (greeting == null) {
        in.read(); // until the client closes, or the socket's timeout
        return;
      }
      reply(out, greeting);
      if (!greeting.startsWith("220")) {
        readLine(in);
        reply(out, "221 2.0.0 Bye");
        return;
      }
      String sender = null;
      List<String> recipients = new ArrayList<>();
      for (String line; (line = readLine(in)) != null; ) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
        switch (verb) {
          case "EHLO" -> reply(out, "250-sink.test\r\n250-SIZE 10485760\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING");
          case "HELO" -> reply(out, "250 sink.test");
          case "MAIL" -> {
            String r = script.mailFrom(address(line));
            sender = r.startsWith("250") ? address(line) : null;
            recipients.clear();
            reply(out, r);
          }
          case "RCPT" -> {
            String r = sender == null ? "503 5.5.1 Error: need MAIL command" : script.rcptTo(address(line));
            if (r == null) {
              return; // the connection drops in the middle of the session
            }
            if (r.startsWith("250")) {
              recipients.add(address(line));
            }
            reply(out, r);
          }
          case "DATA" -> {
            if (sender == null || recipients.isEmpty()) {
              reply(out, "554 5.5.1 Error: no valid recipients");
              continue;
            }
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            byte[] data = readData(in);
            if (data == null) {
              return;
            }
            String r = script.endOfData(List.copyOf(recipients));
            if (r.startsWith("250")) {
              synchronized (received) {
                received.add(new Received(sender, List.copyOf(recipients), data));
                received.notifyAll();
              }
            }
            sender = null;
            recipients.clear();
            reply(out, r);
          }
          case "RSET" -> {
            sender = null;
            recipients.clear();
            reply(out, "250 2.0.0 Ok");
          }
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          default -> reply(out, verb.equals("NOOP") ? "250 2.0.0 Ok" : "502 5.5.2 Error: command not recognized");
        }
      }
    } catch (SocketException e) {
      // the client went away or the sink was closed
    } catch (IOException e) {
      // a broken session ends; the client reports it
    } finally {
      sessions.remove(client);
    }
  }

  /** The address between the first '<' and the last '>' of a MAIL or RCPT line. */
  private static String address(String line) {
    int lt = line.indexOf('<');
    int gt = line.lastIndexOf('>');
    return lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : "";
  }

  private static void reply(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** A line without its CRLF, decoded as UTF-8 (SMTPUTF8 addresses); null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    return null;
  }

  /** The data up to the line ".", dot-stuffing undone; null if the stream ends first. */
  private static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      line.write(b);
      if (b != '\n') {
        if (line.size() > MAX_MESSAGE) {
          throw new IOException("line longer than " + MAX_MESSAGE + " bytes");
        }
        continue;
      }
      byte[] l = line.toByteArray();
      line.reset();
      if (l.length == 3 && l[0] == '.' && l[1] == '\r' || l.length == 2 && l[0] == '.') {
        return data.toByteArray();
      }
      int from = l[0] == '.' ? 1 : 0;
      data.write(l, from, l.length - from);
      if (data.size() > MAX_MESSAGE) {
        throw new IOException("message longer than " + MAX_MESSAGE + " bytes");
      }
    }
    return null;
  }
}
