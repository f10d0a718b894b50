package io.maildiag.headers.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small signer for tests only: makes DKIM-Signature fields and ARC sets with the canonicalization
 * code under test and the JDK's signature algorithms, so that verification can be checked against
 * keys the tests generate.
 */
final class TestSigner {

  /** A message: header fields as written (top first, no line ends at their ends) and the body. */
  record Message(List<String> headers, String body) {
    Message {
      headers = List.copyOf(headers);
    }

    static Message of(String body, String... headers) {
      return new Message(List.of(headers), body);
    }

    Message prepend(String... fields) {
      List<String> h = new ArrayList<>(List.of(fields));
      h.addAll(headers);
      return new Message(h, body);
    }

    Message replace(String from, String to) {
      List<String> h = new ArrayList<>();
      for (String f : headers) {
        h.add(f.replace(from, to));
      }
      return new Message(h, body.replace(from, to));
    }

    Message withBody(String newBody) {
      return new Message(headers, newBody);
    }

    byte[] bytes() {
      StringBuilder sb = new StringBuilder();
      for (String h : headers) {
        sb.append(h).append("\r\n");
      }
      return sb.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
    }

    List<RawField> rawFields() {
      List<RawField> out = new ArrayList<>();
      for (String h : headers) {
        out.add(RawField.fromText(h));
      }
      return out;
    }
  }

  /** What to sign with. */
  record Params(
      DkimAlgorithm algorithm,
      PrivateKey key,
      String domain,
      String selector,
      DkimCanonicalization headerCanon,
      DkimCanonicalization bodyCanon,
      List<String> signedHeaders,
      String extraTags,
      Long bodyLength,
      Instant timestamp,
      Instant expiration) {

    static Params of(DkimAlgorithm algorithm, PrivateKey key, String domain, String selector) {
      return new Params(algorithm, key, domain, selector, DkimCanonicalization.RELAXED, DkimCanonicalization.RELAXED,
          List.of("from", "to", "subject", "date", "message-id"), "", null, null, null);
    }

    Params canon(DkimCanonicalization h, DkimCanonicalization b) {
      return new Params(algorithm, key, domain, selector, h, b, signedHeaders, extraTags, bodyLength, timestamp,
          expiration);
    }

    Params headers(String... names) {
      return new Params(algorithm, key, domain, selector, headerCanon, bodyCanon, List.of(names), extraTags,
          bodyLength, timestamp, expiration);
    }

    Params extra(String tags) {
      return new Params(algorithm, key, domain, selector, headerCanon, bodyCanon, signedHeaders, tags, bodyLength,
          timestamp, expiration);
    }

    Params length(long l) {
      return new Params(algorithm, key, domain, selector, headerCanon, bodyCanon, signedHeaders, extraTags, l,
          timestamp, expiration);
    }

    Params times(Instant t, Instant x) {
      return new Params(algorithm, key, domain, selector, headerCanon, bodyCanon, signedHeaders, extraTags,
          bodyLength, t, x);
    }
  }

  private TestSigner() {}

  static String bodyHash(DkimCanonicalization canon, String body, Long length) {
    byte[] c = Canonicalizer.body(canon, RawMessage.toCrlf(body.getBytes(StandardCharsets.UTF_8)));
    int n = length == null ? c.length : (int) Math.min(length, c.length);
    return Base64.getEncoder().encodeToString(SignatureChecker.sha256(c, n));
  }

  /** Returns a DKIM-Signature field (folded once) that signs the message. */
  static String dkim(Message m, Params p) {
    StringBuilder tags = new StringBuilder("v=1; a=").append(p.algorithm().tagValue())
        .append("; c=").append(p.headerCanon()).append('/').append(p.bodyCanon())
        .append("; d=").append(p.domain()).append("; s=").append(p.selector()).append(";\r\n\t");
    if (p.timestamp() != null) {
      tags.append("t=").append(p.timestamp().getEpochSecond()).append("; ");
    }
    if (p.expiration() != null) {
      tags.append("x=").append(p.expiration().getEpochSecond()).append("; ");
    }
    if (p.bodyLength() != null) {
      tags.append("l=").append(p.bodyLength()).append("; ");
    }
    tags.append(p.extraTags());
    tags.append("h=").append(String.join(":", p.signedHeaders())).append(";\r\n\t")
        .append("bh=").append(bodyHash(p.bodyCanon(), m.body(), p.bodyLength())).append("; b=");
    String unsigned = "DKIM-Signature: " + tags;
    return signField(m.rawFields(), unsigned, p, -1);
  }

  /**
   * Signs {@code unsignedField} (whose b= is last and empty) over the fields of {@code h=} picked
   * from {@code fields} bottom-up, and returns the field with the signature appended.
   */
  private static String signField(List<RawField> fields, String unsignedField, Params p, int skip) {
    StringBuilder data = new StringBuilder();
    boolean[] used = new boolean[fields.size()];
    for (String name : p.signedHeaders()) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (i != skip && !used[i] && fields.get(i).nameIs(name)) {
          used[i] = true;
          data.append(Canonicalizer.header(p.headerCanon(), fields.get(i).raw(), true));
          break;
        }
      }
    }
    data.append(Canonicalizer.header(p.headerCanon(), RawField.fromText(unsignedField).raw(), false));
    return unsignedField + fold(sign(p.algorithm(), p.key(), Canonicalizer.latin1(data.toString())));
  }

  static String fold(String b64) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b64.length(); i += 60) {
      if (i > 0) {
        sb.append("\r\n\t ");
      }
      sb.append(b64, i, Math.min(b64.length(), i + 60));
    }
    return sb.toString();
  }

  static String sign(DkimAlgorithm algorithm, PrivateKey key, byte[] data) {
    try {
      Signature s;
      if (algorithm == DkimAlgorithm.ED25519_SHA256) {
        s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(SignatureChecker.sha256(data, data.length));
      } else {
        s = Signature.getInstance(algorithm == DkimAlgorithm.RSA_SHA1 ? "SHA1withRSA" : "SHA256withRSA");
        s.initSign(key);
        s.update(data);
      }
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // ARC

  private static final Pattern INSTANCE = Pattern.compile("(?:^|[;\\s:])i\\s*=\\s*(\\d+)");

  static int instanceOf(String field) {
    Matcher m = INSTANCE.matcher(field.substring(field.indexOf(':') + 1));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /**
   * Returns the message with a new ARC set on top: ARC-Seal, ARC-Message-Signature,
   * ARC-Authentication-Results of the given instance and chain status, as an intermediary adds them.
   */
  static Message arcSeal(Message m, int instance, ArcChainStatus cv, Params p, Instant t) {
    String aar = "ARC-Authentication-Results: i=" + instance + "; mx" + instance + ".example.net;\r\n"
        + "\tspf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com";
    Message withAar = m.prepend(aar);
    String amsTags = "i=" + instance + "; a=" + p.algorithm().tagValue() + "; c=" + p.headerCanon() + "/"
        + p.bodyCanon() + "; d=" + p.domain() + "; s=" + p.selector() + "; t=" + t.getEpochSecond() + ";\r\n\th="
        + String.join(":", p.signedHeaders()) + "; bh=" + bodyHash(p.bodyCanon(), m.body(), null) + "; b=";
    String ams = signField(withAar.rawFields(), "ARC-Message-Signature: " + amsTags, p, -1);
    Message withAms = withAar.prepend(ams);
    String asUnsigned = "ARC-Seal: i=" + instance + "; a=" + p.algorithm().tagValue() + "; t=" + t.getEpochSecond()
        + "; cv=" + cv.tagValue() + ";\r\n\td=" + p.domain() + "; s=" + p.selector() + "; b=";
    String sealData = sealData(withAms.headers(), instance, asUnsigned);
    String as = asUnsigned + fold(sign(p.algorithm(), p.key(), Canonicalizer.latin1(sealData)));
    return withAms.prepend(as);
  }

  /** The seal input of RFC 8617 section 5.1.1 over the sets 1..instance, the new seal (b= empty) last. */
  static String sealData(List<String> headers, int instance, String unsignedSeal) {
    StringBuilder sb = new StringBuilder();
    for (int j = 1; j <= instance; j++) {
      for (String kind : List.of("ARC-Authentication-Results", "ARC-Message-Signature", "ARC-Seal")) {
        if (j == instance && kind.equals("ARC-Seal")) {
          sb.append(Canonicalizer.header(DkimCanonicalization.RELAXED, RawField.fromText(unsignedSeal).raw(), false));
          continue;
        }
        for (String h : headers) {
          RawField f = RawField.fromText(h);
          if (f.nameIs(kind) && instanceOf(h) == j) {
            sb.append(Canonicalizer.header(DkimCanonicalization.RELAXED, f.raw(), true));
            break;
          }
        }
      }
    }
    return sb.toString();
  }
}
