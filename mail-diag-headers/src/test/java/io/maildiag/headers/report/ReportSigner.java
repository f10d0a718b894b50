package io.maildiag.headers.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A minimal DKIM signer for these tests (rsa-sha256, relaxed/relaxed), written apart from the
 * verifier under test so that the two check each other.
 */
final class ReportSigner {

  private ReportSigner() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the key record as TXT character-strings of at most 200 octets. */
  static String[] keyStrings(KeyPair pair) {
    String text = keyRecord(pair);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += 200) {
      out.add(text.substring(i, Math.min(text.length(), i + 200)));
    }
    return out.toArray(String[]::new);
  }

  /** Returns the key record text: {@code v=DKIM1; k=rsa; p=...}. */
  static String keyRecord(KeyPair pair) {
    return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  /**
   * Returns {@code headers} (fields separated by CRLF, without the final CRLF) with a
   * DKIM-Signature prepended, then an empty line and the body: a whole message.
   */
  static String sign(String headers, String body, PrivateKey key, String domain, String selector,
      List<String> signed) {
    List<String> fields = fields(headers);
    String bh = Base64.getEncoder().encodeToString(sha256(relaxedBody(body).getBytes(StandardCharsets.UTF_8)));
    String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
        + ";\r\n\th=" + String.join(":", signed) + ";\r\n\tbh=" + bh + ";\r\n\tb=";
    StringBuilder data = new StringBuilder();
    boolean[] used = new boolean[fields.size()];
    for (String name : signed) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (!used[i] && nameOf(fields.get(i)).equalsIgnoreCase(name)) {
          used[i] = true;
          data.append(relaxedHeader(fields.get(i))).append("\r\n");
          break;
        }
      }
    }
    data.append(relaxedHeader(unsigned));
    String b;
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(data.toString().getBytes(StandardCharsets.UTF_8));
      b = Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder folded = new StringBuilder();
    for (int i = 0; i < b.length(); i += 64) {
      folded.append(i == 0 ? "" : "\r\n\t ").append(b, i, Math.min(b.length(), i + 64));
    }
    return unsigned + folded + "\r\n" + headers + "\r\n\r\n" + body;
  }

  private static List<String> fields(String headers) {
    List<String> out = new ArrayList<>();
    for (String line : headers.split("\r\n", -1)) {
      if (!out.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
        out.set(out.size() - 1, out.get(out.size() - 1) + "\r\n" + line);
      } else {
        out.add(line);
      }
    }
    return out;
  }

  private static String nameOf(String field) {
    return field.substring(0, field.indexOf(':')).strip();
  }

  static String relaxedHeader(String field) {
    int colon = field.indexOf(':');
    String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    return name + ":" + value;
  }

  static String relaxedBody(String body) {
    String[] lines = body.replace("\r\n", "\n").split("\n", -1);
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    StringBuilder sb = new StringBuilder();
    out.forEach(l -> sb.append(l).append("\r\n"));
    return sb.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
