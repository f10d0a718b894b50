package io.maildiag.ndr.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of the bounded MIME tree: its headers, content type, transfer-decoded body (text-like
 * leaves only) and children (the parts of a multipart, or the one parsed message inside a
 * message/rfc822 part). Built once by {@link MimeReader}; not shared between threads.
 */
final class MimePart {
  final String path;
  final int depth;
  final Headers headers;
  final ContentType type;
  /** The transfer-decoded body; null until {@link #body()} first decodes {@link #raw}. */
  private byte[] body;
  /** The decoded body {@link #text} read, {@code decoded[0, decodedLength)}, while {@link #body} is not made. */
  private byte[] decoded;
  private int decodedLength;
  /** A leaf's raw content {@code raw[rawFrom, rawTo)} and its transfer encoding, until decoded. */
  private byte[] raw;
  private final int rawFrom;
  private final int rawTo;
  private final String cte;
  final List<MimePart> children = new ArrayList<>();
  /** True for the root of a message: the whole input, or the message inside a message/rfc822 part. */
  final boolean messageRoot;
  private String text;
  private String label;

  MimePart(String path, int depth, Headers headers, ContentType type, byte[] body, boolean messageRoot) {
    this.path = path;
    this.depth = depth;
    this.headers = headers;
    this.type = type;
    this.body = body;
    this.messageRoot = messageRoot;
    this.rawFrom = 0;
    this.rawTo = 0;
    this.cte = null;
  }

  /**
   * A leaf whose body is {@code buf[from, to)} transfer-decoded as {@code cte} says, decoded when
   * first read: the parts of attached messages are mostly never read.
   */
  MimePart(String path, int depth, Headers headers, ContentType type, byte[] buf, int from, int to, String cte,
      boolean messageRoot) {
    this.path = path;
    this.depth = depth;
    this.headers = headers;
    this.type = type;
    this.raw = buf;
    this.rawFrom = from;
    this.rawTo = to;
    this.cte = cte;
    this.messageRoot = messageRoot;
  }

  /** The transfer-decoded body (text-like leaves only; empty for others). */
  byte[] body() {
    byte[] b = body;
    if (b == null) {
      decode();
      b = decodedLength == decoded.length ? decoded : java.util.Arrays.copyOf(decoded, decodedLength);
      body = b;
    }
    return b;
  }

  /** Transfer-decodes {@link #raw} once into {@link #decoded} (the decoder's array, not cut to size). */
  private void decode() {
    if (decoded == null) {
      TransferDecoding.Decoded d = TransferDecoding.decodeSized(raw, rawFrom, rawTo, cte);
      decoded = d.bytes;
      decodedLength = d.length;
      raw = null;
    }
  }

  /** The body decoded to text with its charset (with fallbacks); "" for containers. */
  String text(Diags diags) {
    if (text == null) {
      String charset = type.param("charset");
      if (type.mimeType().equals("message/global-delivery-status") || type.mimeType().equals("message/global-headers")
          || type.mimeType().equals("message/global")) {
        charset = charset == null ? "utf-8" : charset;
      }
      if (body == null && raw != null && !TransferDecoding.transforms(cte)) {
        text = Charsets.decode(raw, rawFrom, rawTo - rawFrom, charset, diags); // the raw bytes are the body: no copy
      } else if (body == null) {
        decode();
        text = Charsets.decode(decoded, 0, decodedLength, charset, diags); // the decoder's array read in place
      } else {
        text = Charsets.decode(body, charset, diags);
      }
    }
    return text;
  }

  /** A short human name for evidence: {@code text/plain (part 1.1)}. */
  String label() {
    if (label == null) {
      label = path.isEmpty() ? type.mimeType() + " (message body)" : type.mimeType() + " (part " + path + ")";
    }
    return label;
  }

  /** Every part below and including this one, depth-first, in message order. */
  List<MimePart> flatten() {
    List<MimePart> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(MimePart p, List<MimePart> out) {
    out.add(p);
    for (MimePart c : p.children) {
      collect(c, out);
    }
  }

  /** The parts of this message not inside an embedded message (the message's own parts). */
  List<MimePart> ownParts() {
    List<MimePart> out = new ArrayList<>();
    collectOwn(this, out, true);
    return out;
  }

  private static void collectOwn(MimePart p, List<MimePart> out, boolean first) {
    if (!first && p.messageRoot) {
      return;
    }
    out.add(p);
    for (MimePart c : p.children) {
      collectOwn(c, out, false);
    }
  }
}
