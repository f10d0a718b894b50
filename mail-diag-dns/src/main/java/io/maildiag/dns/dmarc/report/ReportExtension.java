package io.maildiag.dns.dmarc.report;

import java.util.Objects;

/**
 * One child element of an {@code extensions} element (RFC 9990 section 4.1), kept as its name and
 * its concatenated text; mail-diag does not interpret extensions.
 *
 * @param namespaceUri the element's namespace URI, empty if none
 * @param name the element's local name
 * @param text the text content of the element and its descendants, whitespace-trimmed and bounded
 * @since 0.1
 */
public record ReportExtension(String namespaceUri, String name, String text) {

  /** Checks that no component is null. */
  public ReportExtension {
    Objects.requireNonNull(namespaceUri, "namespaceUri");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
