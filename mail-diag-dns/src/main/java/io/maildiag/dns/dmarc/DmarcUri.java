package io.maildiag.dns.dmarc;

import io.maildiag.core.internal.LowerCase;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * One reporting URI of a {@code rua} or {@code ruf} tag, as published, with the obsolete {@code
 * !size} suffix of RFC 7489 section 6.2 split off (RFC 9989 removed it; reporters ignore it).
 *
 * <p>Malformed URIs are kept too, so that a record renders back as published; {@link
 * #isWellFormed()} tells them apart.
 *
 * @param uri the URI text without the size suffix
 * @param sizeLimit the size suffix without {@code !}, such as {@code 10m}, if any
 * @since 0.1
 */
public record DmarcUri(String uri, Optional<String> sizeLimit) {

  /** Checks for null. */
  public DmarcUri {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(sizeLimit, "sizeLimit");
  }

  /** Returns whether the URI is an absolute URI (RFC 3986) and a {@code mailto:} URI holds an {@code @}. */
  public boolean isWellFormed() {
    if (uri.isEmpty()) {
      return false;
    }
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    try {
      URI u = new URI(uri);
      if (u.getScheme() == null || u.getRawSchemeSpecificPart() == null || u.getRawSchemeSpecificPart().isEmpty()) {
        return false;
      }
      if (isMailto()) {
        String ssp = u.getRawSchemeSpecificPart();
        int at = ssp.indexOf('@');
        return at > 0 && at < ssp.length() - 1;
      }
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Returns whether the scheme is {@code mailto}, the one every receiver supports. */
  public boolean isMailto() {
    return LowerCase.root(uri).startsWith("mailto:");
  }

  /** Returns the URI as published: {@code mailto:a@example.com!10m}. */
  @Override
  public String toString() {
    return sizeLimit.map(s -> uri + "!" + s).orElse(uri);
  }
}
