package io.maildiag.benchmarks.headers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header sections the header benchmark runs on ({@value #DIR} on the class path, listed in
 * {@value #INDEX}): eight synthetic messages as a mailbox receives them, each with 3 to 8 Received
 * hops. Gmail to Gmail with ARC, Postfix with amavis and Dovecot LMTP, Exim (cPanel style) behind
 * a Mailman list with ARC and two DKIM signatures, Exchange Online inbound with the Forefront and
 * X-MS-Exchange-Organization fields, Amazon SES style to Postfix (simple/simple signatures), Exchange
 * Online outbound to Gmail with two ARC sets, a Postfix spam run with SpamAssassin fields and a
 * skewed clock, an Exim smarthost chain from a private LAN. 2 KB to 10 KB each; every name and
 * address is made up (example.com, .net, .org, .example; documentation IP ranges; signatures are
 * random bytes, not verified here).
 *
 * <p>Files are stored with LF line ends; {@link #bundled()} turns them into CRLF, as on the wire.
 */
public final class HeaderMix {

  /** The class-path directory of the mix. */
  public static final String DIR = "/headers/";
  /** The class-path file listing the mix, one file name a line. */
  public static final String INDEX = "/headers/mix.txt";

  /** One message: its file name and its bytes (CRLF line ends). */
  public record Sample(String name, byte[] bytes) {}

  private HeaderMix() {}

  /** Loads the mix, in index order. */
  public static List<Sample> bundled() {
    List<Sample> out = new ArrayList<>();
    for (String line : new String(resource(INDEX), StandardCharsets.UTF_8).split("\n")) {
      String n = line.strip();
      if (!n.isEmpty() && !n.startsWith("#")) {
        out.add(new Sample(n, toCrlf(resource(DIR + n))));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(INDEX + " lists no message");
    }
    return List.copyOf(out);
  }

  /** Replaces every bare LF with CRLF. */
  static byte[] toCrlf(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 40);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(in[i]);
    }
    return out.toByteArray();
  }

  private static byte[] resource(String path) {
    try (InputStream in = HeaderMix.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
