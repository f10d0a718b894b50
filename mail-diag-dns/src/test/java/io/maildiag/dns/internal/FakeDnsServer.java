package io.maildiag.dns.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * An in-process DNS server on 127.0.0.1 (UDP and TCP on the same port) whose answers a test
 * scripts with a {@link Handler}: any response, a malformed one, a delayed one, or none at all. It
 * counts the queries it receives and the most it held unanswered at once.
 */
final class FakeDnsServer implements AutoCloseable {

  enum Transport {
    UDP,
    TCP
  }

  /** What to send back: wire bytes after a delay, or nothing. */
  record Reply(byte[] wire, Duration delay) {
    static Reply drop() {
      return new Reply(null, Duration.ZERO);
    }

    static Reply of(Message m) {
      return new Reply(m.toWire(), Duration.ZERO);
    }

    static Reply raw(byte[] wire) {
      return new Reply(wire, Duration.ZERO);
    }

    Reply after(Duration d) {
      return new Reply(wire, d);
    }
  }

  /** Decides the reply to one query. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Message query, Transport transport);
  }

  /** One query received. */
  record Received(Message query, Transport transport) {
    String name() {
      return query.getQuestion().getName().toString();
    }
  }

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Handler handler;
  private final ScheduledExecutorService replies = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "fake-dns-reply");
    t.setDaemon(true);
    return t;
  });
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger maxOutstanding = new AtomicInteger();
  private volatile boolean closed;

  private FakeDnsServer(DatagramSocket udp, ServerSocket tcp, Handler handler) {
    this.udp = udp;
    this.tcp = tcp;
    this.handler = handler;
    daemon("fake-dns-udp", this::serveUdp);
    daemon("fake-dns-tcp", this::acceptTcp);
  }

  /** Starts a server on a free port of 127.0.0.1, UDP and TCP. */
  static FakeDnsServer start(Handler handler) throws IOException {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    for (int i = 0; i < 20; i++) {
      DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, 0));
      ServerSocket tcp = new ServerSocket();
      try {
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(lo, udp.getLocalPort()));
        return new FakeDnsServer(udp, tcp, handler);
      } catch (IOException e) {
        udp.close();
        tcp.close();
      }
    }
    throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
  }

  InetSocketAddress address() {
    return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
  }

  /** Returns the queries received so far, in order. */
  List<Received> received() {
    return List.copyOf(received);
  }

  long count(Transport transport) {
    return received.stream().filter(r -> r.transport() == transport).count();
  }

  /** Returns the most queries held unanswered (with a reply still to be sent) at once. */
  int maxOutstanding() {
    return maxOutstanding.get();
  }

  private static void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private void serveUdp() {
    byte[] buf = new byte[65535];
    while (!closed) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        udp.receive(p);
      } catch (IOException e) {
        return;
      }
      byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
      InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
      handle(data, Transport.UDP, wire -> {
        try {
          udp.send(new DatagramPacket(wire, wire.length, from));
        } catch (IOException e) {
          // the client is gone
        }
      });
    }
  }

  private void acceptTcp() {
    while (!closed) {
      Socket s;
      try {
        s = tcp.accept();
      } catch (IOException e) {
        return;
      }
      connections.add(s);
      daemon("fake-dns-tcp-conn", () -> serveTcp(s));
    }
  }

  private void serveTcp(Socket s) {
    try (s) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (!closed) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return;
        }
        byte[] data = new byte[length];
        in.readFully(data);
        handle(data, Transport.TCP, wire -> {
          synchronized (out) {
            try {
              out.write(new byte[] {(byte) (wire.length >>> 8), (byte) wire.length});
              out.write(wire);
              out.flush();
            } catch (IOException e) {
              // the client is gone
            }
          }
        });
      }
    } catch (IOException e) {
      // connection closed
    }
  }

  private interface Sender {
    void send(byte[] wire);
  }

  private void handle(byte[] data, Transport transport, Sender sender) {
    Message query;
    try {
      query = new Message(data);
    } catch (IOException e) {
      return;
    }
    received.add(new Received(query, transport));
    Reply reply;
    try {
      reply = handler.handle(query, transport);
    } catch (RuntimeException e) {
      reply = Reply.of(response(query, Rcode.SERVFAIL));
    }
    if (reply.wire() == null) {
      return;
    }
    int now = outstanding.incrementAndGet();
    maxOutstanding.accumulateAndGet(now, Math::max);
    byte[] wire = reply.wire();
    Runnable send = () -> {
      outstanding.decrementAndGet();
      sender.send(wire);
    };
    if (reply.delay().isZero()) {
      send.run();
    } else {
      replies.schedule(send, reply.delay().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Returns an authoritative response to {@code query} with {@code rcode} and no records. */
  static Message response(Message query, int rcode) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.AA);
    m.getHeader().setRcode(rcode);
    if (query.getQuestion() != null) {
      m.addRecord(query.getQuestion(), Section.QUESTION);
    }
    return m;
  }

  /** Returns a NOERROR response to {@code query} with {@code answers} in the answer section. */
  static Message answer(Message query, Record... answers) {
    Message m = response(query, Rcode.NOERROR);
    for (Record r : answers) {
      m.addRecord(r, Section.ANSWER);
    }
    return m;
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // ignore
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException e) {
        // ignore
      }
    }
    replies.shutdownNow();
  }
}
