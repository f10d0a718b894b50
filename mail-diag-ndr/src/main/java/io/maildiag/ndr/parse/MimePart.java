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
  final byte[] body;
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
  }

  /** The body decoded to text with its charset (with fallbacks); "" for containers. */
  String text(Diags diags) {
    if (text == null) {
      String charset = type.param("charset");
      if (type.mimeType().equals("message/global-delivery-status") || type.mimeType().equals("message/global-headers")
          || type.mimeType().equals("message/global")) {
        charset = charset == null ? "utf-8" : charset;
      }
      text = Charsets.decode(body, charset, diags);
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
