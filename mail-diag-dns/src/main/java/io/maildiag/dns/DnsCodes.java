package io.maildiag.dns;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of the DNS layer: zone-file parsing and resolver configuration.
 *
 * @since 0.1
 */
public final class DnsCodes {
  /** The zone text is not a valid RFC 1035 master file. */
  public static final DiagnosticCode ZONE_SYNTAX = DiagnosticCode.of("ZONE_SYNTAX");
  /** A record of a type mail-diag does not surface; it is skipped. */
  public static final DiagnosticCode ZONE_UNSUPPORTED_TYPE = DiagnosticCode.of("ZONE_UNSUPPORTED_TYPE");
  /**
   * A record of a type mail-diag surfaces, but with a name or value it cannot represent (such as a
   * label with a non-ASCII or control octet, or a CAA tag that is not letters and digits); it is
   * skipped.
   */
  public static final DiagnosticCode ZONE_RECORD_SKIPPED = DiagnosticCode.of("ZONE_RECORD_SKIPPED");
  /** An {@code $INCLUDE} directive, refused so that a zone file cannot make mail-diag read other files. */
  public static final DiagnosticCode ZONE_INCLUDE_REFUSED = DiagnosticCode.of("ZONE_INCLUDE_REFUSED");
  /** The zone file could not be read. */
  public static final DiagnosticCode ZONE_UNREADABLE = DiagnosticCode.of("ZONE_UNREADABLE");
  /** The zone file is larger than {@link io.maildiag.core.Limits#maxInputBytes()}. */
  public static final DiagnosticCode ZONE_TOO_LARGE = DiagnosticCode.of("ZONE_TOO_LARGE");
  /** A DNS server given as {@code host[:port]} is not a valid address and port. */
  public static final DiagnosticCode SERVER_INVALID = DiagnosticCode.of("SERVER_INVALID");

  private DnsCodes() {}
}
