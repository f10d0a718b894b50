package io.maildiag.benchmarks.headers;

import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.headers.dkim.DkimResult;
import io.maildiag.headers.dkim.DkimVerification;
import io.maildiag.headers.dkim.DkimVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * Signed messages for the DKIM benchmark, and both verifiers wired to the same key.
 *
 * <p>At construction a fresh 2048-bit RSA key pair is generated; three messages (a 1 KB plain-text
 * notification, a 10 KB multipart/alternative newsletter in quoted-printable, a multipart/mixed
 * message with a 24 KB base64 attachment) are signed with {@code rsa-sha256} by Apache James
 * jDKIM's {@link DKIMSigner} in the requested canonicalization, over From, To, Subject, Date,
 * Message-ID, MIME-Version and Content-Type. The signature's {@code b=} value is then folded
 * every 72 characters as signers do (the value and its white space are deleted before hashing,
 * so folding inside it changes nothing in either canonicalization), and three
 * Received fields and an Authentication-Results field are prepended, unsigned, as relays add them.
 * Bodies carry trailing white space and trailing empty lines so that canonicalization has work.
 *
 * <p>The key record {@code v=DKIM1; k=rsa; p=...} is published at {@value #SELECTOR}._domainkey.
 * {@value #DOMAIN} in an {@link InMemoryDnsResolver} (as 255-octet strings, as DNS holds it) for
 * mail-diag and returned by a {@link PublicKeyRecordRetriever} for jDKIM: the same text.
 */
public final class DkimCorpus {

  /** The signing domain. */
  public static final String DOMAIN = "example.com";
  /** The selector. */
  public static final String SELECTOR = "bench2048";

  /** The canonicalizations benchmarked. */
  public enum Canon {
    RELAXED("relaxed/relaxed"),
    SIMPLE("simple/simple");

    private final String tag;

    Canon(String tag) {
      this.tag = tag;
    }

    /** Returns the {@code c=} value. */
    public String tag() {
      return tag;
    }
  }

  /** One signed message. */
  public record Message(String name, byte[] bytes) {}

  private final Canon canon;
  private final String keyRecord;
  private final InMemoryDnsResolver resolver;
  private final PublicKeyRecordRetriever retriever;
  private final List<Message> messages;

  /** Generates the key and signs the messages in the given canonicalization. */
  public DkimCorpus(Canon canon) {
    this.canon = canon;
    KeyPair keys;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      keys = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    keyRecord = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < keyRecord.length(); i += 255) {
      strings.add(keyRecord.substring(i, Math.min(keyRecord.length(), i + 255)));
    }
    resolver = InMemoryDnsResolver.builder()
        .txt(SELECTOR + "._domainkey." + DOMAIN, strings.toArray(String[]::new))
        .build();
    String expectedName = SELECTOR + "/" + DOMAIN;
    retriever = (method, selector, domain) -> {
      String asked = selector.toString().toLowerCase(Locale.ROOT) + "/" + domain.toString().toLowerCase(Locale.ROOT);
      return asked.equals(expectedName) ? List.of(keyRecord) : List.of();
    };
    DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=" + canon.tag() + "; d=" + DOMAIN + "; s=" + SELECTOR
        + "; t=; h=from:to:subject:date:message-id:mime-version:content-type; bh=; b=;", keys.getPrivate());
    List<Message> out = new ArrayList<>();
    Random random = new Random(20261126L);
    out.add(sign(signer, "notification", unsigned(notificationBody(random), "text/plain; charset=utf-8",
        "Your password was changed")));
    out.add(sign(signer, "newsletter", unsigned(newsletterBody(random),
        "multipart/alternative; boundary=\"=_nl_5d2c\"", "November product update")));
    out.add(sign(signer, "attachment", unsigned(attachmentBody(random),
        "multipart/mixed; boundary=\"=_mx_8e1f\"", "Signed contract (PDF)")));
    messages = List.copyOf(out);
  }

  /** Returns the canonicalization. */
  public Canon canon() {
    return canon;
  }

  /** Returns the signed messages (CRLF line ends). */
  public List<Message> messages() {
    return messages;
  }

  /** Returns the key record text. */
  public String keyRecord() {
    return keyRecord;
  }

  /** Returns mail-diag's verifier, reading the key from the in-memory resolver, on the system clock (as jDKIM). */
  public DkimVerifier mailDiagVerifier() {
    return DkimVerifier.builder().resolver(resolver).clock(Clock.systemUTC()).build();
  }

  /** Returns a jDKIM verifier reading the same key record. */
  public DKIMVerifier jdkimVerifier() {
    return new DKIMVerifier(retriever);
  }

  /** Verifies with mail-diag; returns the message's result. */
  public static DkimResult mailDiag(DkimVerifier verifier, byte[] message) {
    DkimVerification v = verifier.verify(message);
    return v.result();
  }

  /**
   * Verifies with jDKIM; returns the verified signatures (at least one) or throws {@link
   * FailException} when none verifies.
   */
  public static List<SignatureRecord> jdkim(DKIMVerifier verifier, byte[] message) throws IOException, FailException {
    verifier.resetResults();
    return verifier.verify(new ByteArrayInputStream(message));
  }

  /**
   * Checks that both verifiers pass every message; returns one summary line per message, throws
   * {@link IllegalStateException} otherwise.
   */
  public List<String> verify() {
    DkimVerifier md = mailDiagVerifier();
    DKIMVerifier jd = jdkimVerifier();
    List<String> lines = new ArrayList<>();
    for (Message m : messages) {
      DkimVerification v = md.verify(m.bytes());
      if (v.result() != DkimResult.PASS || v.signatures().size() != 1) {
        throw new IllegalStateException(canon.tag() + " " + m.name() + ": mail-diag says " + v.result() + " "
            + v.signatures() + " " + v.diagnostics());
      }
      List<SignatureRecord> ok;
      try {
        ok = jdkim(jd, m.bytes());
      } catch (IOException | FailException e) {
        throw new IllegalStateException(canon.tag() + " " + m.name() + ": jDKIM fails: " + e.getMessage(), e);
      }
      if (ok == null || ok.size() != 1 || !jd.hasAnyValidSignature()) {
        throw new IllegalStateException(canon.tag() + " " + m.name() + ": jDKIM verified " + ok);
      }
      lines.add(canon.tag() + " " + m.name() + " (" + m.bytes().length + " bytes): both pass");
    }
    return lines;
  }

  // ---------------------------------------------------------------- building the messages

  private static String unsigned(String body, String contentType, String subject) {
    return "From: Example Accounts <accounts@" + DOMAIN + ">\r\n"
        + "To: Robin Park <robin.park@example.org>\r\n"
        + "Subject: " + subject + "\r\n"
        + "Date: Wed, 26 Nov 2025 09:30:00 +0000\r\n"
        + "Message-ID: <" + Integer.toHexString(subject.hashCode()) + ".20251126093000@mailer." + DOMAIN + ">\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + "X-Mailer: example-mailer 3.1\r\n"
        + "\r\n"
        + body;
  }

  private Message sign(DKIMSigner signer, String name, String unsignedMessage) {
    byte[] raw = unsignedMessage.getBytes(StandardCharsets.UTF_8);
    String field;
    try {
      field = signer.sign(new ByteArrayInputStream(raw));
    } catch (IOException | FailException e) {
      throw new IllegalStateException("jDKIM could not sign " + name, e);
    }
    String trace = "Received: from mx1." + DOMAIN + " (mx1." + DOMAIN + " [192.0.2.25])\r\n"
        + "\tby imap.example.org (Postfix) with LMTP id 4dGm7x1yQpz9sQ\r\n"
        + "\tfor <robin.park@example.org>; Wed, 26 Nov 2025 09:30:04 +0000 (UTC)\r\n"
        + "Authentication-Results: mx.example.org; dkim=pass header.d=" + DOMAIN + " header.s=" + SELECTOR + ";\r\n"
        + "\tspf=pass smtp.mailfrom=" + DOMAIN + "; dmarc=pass header.from=" + DOMAIN + "\r\n"
        + "Received: from out-2.mailer." + DOMAIN + " (out-2.mailer." + DOMAIN + " [198.51.100.42])\r\n"
        + "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n"
        + "\tby mx.example.org (Postfix) with ESMTPS id 4dGm7w5Fqbz9sP\r\n"
        + "\tfor <robin.park@example.org>; Wed, 26 Nov 2025 09:30:03 +0000 (UTC)\r\n"
        + "Received: from app-7.internal." + DOMAIN + " (unknown [10.0.7.12])\r\n"
        + "\tby out-2.mailer." + DOMAIN + " (Postfix) with ESMTPSA id 1A2B3C4D5E\r\n"
        + "\tfor <robin.park@example.org>; Wed, 26 Nov 2025 09:30:01 +0000 (UTC)\r\n";
    String signed = trace + foldSignature(field) + "\r\n" + unsignedMessage;
    return new Message(name, signed.getBytes(StandardCharsets.UTF_8));
  }

  /** Folds the b= value every 72 characters (the value is deleted before hashing in both canonicalizations). */
  static String foldSignature(String field) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(";\\s*b=([^;]*)").matcher(field);
    if (!m.find()) {
      return field;
    }
    String value = m.group(1).replaceAll("\\s+", "");
    StringBuilder sb = new StringBuilder(field.substring(0, m.start(1)));
    for (int i = 0; i < value.length(); i += 72) {
      if (i > 0) {
        sb.append("\r\n\t ");
      }
      sb.append(value, i, Math.min(value.length(), i + 72));
    }
    return sb.append(field.substring(m.end(1))).toString();
  }

  private static final String[] WORDS = ("mail flow delivery relay queue bounce deferred accepted "
      + "message account password security update team customer invoice report weekly storage server "
      + "domain policy alignment record selector signature header body quarterly review schedule").split(" ");

  private static String sentence(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = WORDS[r.nextInt(WORDS.length)];
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i + 1 < words ? " " : ".");
    }
    return sb.toString();
  }

  private static String paragraphLines(Random r, int bytes, String lineEnd) {
    StringBuilder sb = new StringBuilder();
    StringBuilder line = new StringBuilder();
    while (sb.length() < bytes) {
      String s = sentence(r, 4 + r.nextInt(9));
      if (line.length() + s.length() + 1 > 72) {
        // Some lines keep trailing white space, as editors leave it.
        sb.append(line).append(r.nextInt(5) == 0 ? "  " : "").append(lineEnd);
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(s);
    }
    return sb.append(line).append(lineEnd).toString();
  }

  private static String notificationBody(Random r) {
    return "Hello Robin,\r\n\r\n" + paragraphLines(r, 900, "\r\n")
        + "\r\nIf this was not you, contact support.\r\n\r\n-- \r\nExample Accounts\r\n\r\n\r\n";
  }

  private static String newsletterBody(Random r) {
    StringBuilder html = new StringBuilder("<html><head><style>p{margin:0 0 12px}</style></head><body>");
    for (int i = 0; i < 14; i++) {
      html.append("<h2 style=3D\"font-family:Arial\">").append(sentence(r, 4)).append("</h2><p>")
          .append(sentence(r, 30)).append(' ').append(sentence(r, 25)).append("</p>");
    }
    html.append("</body></html>");
    StringBuilder qp = new StringBuilder();
    String h = html.toString();
    for (int i = 0; i < h.length(); i += 75) {
      qp.append(h, i, Math.min(h.length(), i + 75)).append(i + 75 < h.length() ? "=\r\n" : "\r\n");
    }
    return "This is a multi-part message in MIME format.\r\n\r\n"
        + "--=_nl_5d2c\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + paragraphLines(r, 3500, "\r\n")
        + "\r\n--=_nl_5d2c\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp + "\r\n--=_nl_5d2c--\r\n\r\n";
  }

  private static String attachmentBody(Random r) {
    byte[] pdf = new byte[18 * 1024];
    r.nextBytes(pdf);
    String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pdf);
    return "--=_mx_8e1f\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + paragraphLines(r, 600, "\r\n")
        + "\r\n--=_mx_8e1f\r\nContent-Type: application/pdf; name=\"contract-2025.pdf\"\r\n"
        + "Content-Disposition: attachment; filename=\"contract-2025.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64 + "\r\n--=_mx_8e1f--\r\n";
  }
}
