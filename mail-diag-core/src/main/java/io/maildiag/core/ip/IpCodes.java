package io.maildiag.core.ip;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of {@link IpAddress#parse(CharSequence)} and {@link
 * IpNetwork#parse(CharSequence)}.
 *
 * @since 0.1
 */
public final class IpCodes {
  /** Not an IPv4 or IPv6 literal. */
  public static final DiagnosticCode IP_INVALID = DiagnosticCode.of("IP_INVALID");
  /** An IPv4 octet with a leading zero, which some systems read as octal. */
  public static final DiagnosticCode IP_LEADING_ZERO = DiagnosticCode.of("IP_LEADING_ZERO");
  /** An IPv6 literal with a zone index ({@code %eth0}), which has no meaning outside one host. */
  public static final DiagnosticCode IP_ZONE_INDEX = DiagnosticCode.of("IP_ZONE_INDEX");
  /** A prefix length that is not a number or is out of range for the family. */
  public static final DiagnosticCode CIDR_INVALID_PREFIX = DiagnosticCode.of("CIDR_INVALID_PREFIX");
  /** A network whose address has bits set beyond the prefix length; they are ignored. */
  public static final DiagnosticCode CIDR_HOST_BITS_SET = DiagnosticCode.of("CIDR_HOST_BITS_SET");

  private IpCodes() {}
}
