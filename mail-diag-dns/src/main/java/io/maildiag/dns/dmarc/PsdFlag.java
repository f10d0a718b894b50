package io.maildiag.dns.dmarc;

/**
 * The value of the {@code psd} tag (RFC 9989 section 4.7): whether the record's domain is a public
 * suffix domain.
 *
 * @since 0.1
 */
public enum PsdFlag {
  /** {@code y}: a public suffix domain; the organizational domain is one label below it. */
  Y,
  /** {@code n}: the organizational domain itself; the tree walk stops here. */
  N,
  /** {@code u}: unspecified (the default). */
  U;

  /** Returns the tag value, {@code "y"}, {@code "n"} or {@code "u"}. */
  public String tagValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
