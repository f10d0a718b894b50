package io.maildiag.dns.dmarc;

import io.maildiag.core.domain.DomainName;
import java.util.Objects;

/**
 * Whether one authenticated identifier aligns with the author domain (RFC 9989 section 4.4), and
 * why or why not.
 *
 * @param identifier SPF or DKIM
 * @param domain the MAIL FROM domain or the DKIM {@code d=} domain
 * @param authResult the SPF or DKIM result, lower case
 * @param mode the alignment mode applied
 * @param status the verdict
 * @param reason one sentence, for people
 * @since 0.1
 */
public record AlignmentCheck(
    Identifier identifier, DomainName domain, String authResult, AlignmentMode mode, Status status, String reason) {

  /**
   * The authenticated identifier.
   *
   * @since 0.1
   */
  public enum Identifier {
    /** The RFC5321.MailFrom domain authenticated by SPF. */
    SPF,
    /** The {@code d=} domain of a DKIM signature. */
    DKIM
  }

  /**
   * The verdict of one check.
   *
   * @since 0.1
   */
  public enum Status {
    /** Passed and aligned: DMARC passes. */
    ALIGNED,
    /** Passed but not aligned. */
    NOT_ALIGNED,
    /** Not a pass, so alignment does not count (it is still computed for the reason). */
    NOT_PASS,
    /** Passed, but a DNS failure left the organizational domain unknown. */
    UNKNOWN
  }

  /** Checks for null. */
  public AlignmentCheck {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(authResult, "authResult");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns whether this identifier makes DMARC pass. */
  public boolean aligned() {
    return status == Status.ALIGNED;
  }
}
