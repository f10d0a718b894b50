package io.maildiag.headers.dkim;

import java.nio.charset.StandardCharsets;

/**
 * One header field as octets: {@code raw} holds one char per byte (ISO-8859-1), the whole field
 * with its folding line breaks and without the CRLF that ends it.
 */
record RawField(String name, String raw) {

  static RawField of(String raw) {
    int colon = raw.indexOf(':');
    String name = colon < 0 ? raw : raw.substring(0, colon);
    return new RawField(name.strip(), raw);
  }

  /** From text: encoded as UTF-8, one char per octet. */
  static RawField fromText(String text) {
    return fromText(text, StandardCharsets.UTF_8);
  }

  /** From text: encoded with {@code charset}, one char per octet. */
  static RawField fromText(String text, java.nio.charset.Charset charset) {
    return of(new String(text.getBytes(charset), StandardCharsets.ISO_8859_1));
  }

  boolean nameIs(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** The value after the colon, as octets. */
  String rawValue() {
    int colon = raw.indexOf(':');
    return colon < 0 ? "" : raw.substring(colon + 1);
  }

  /** The value after the colon decoded as UTF-8 text. */
  String textValue() {
    return new String(rawValue().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** The offset of the value within {@link #raw()}. */
  int valueOffset() {
    return raw.indexOf(':') + 1;
  }
}
