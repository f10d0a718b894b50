package io.maildiag.headers.auth;

import io.maildiag.core.internal.LowerCase;
import java.util.EnumSet;
import java.util.Set;

/**
 * The authentication methods an {@code Authentication-Results} field reports (the IANA "Email
 * Authentication Methods" registry, plus Microsoft's {@code compauth} and {@code bimi}).
 *
 * <p>A method that is not listed is {@link #UNKNOWN}; its name is kept in {@link
 * AuthResult#method()}.
 *
 * @since 0.1
 */
public enum AuthMethod {
  /** SMTP AUTH (RFC 8601 section 2.7.4). */
  AUTH("auth", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.TEMPERROR,
      AuthResultValue.PERMERROR),
  /** DKIM (RFC 8601 section 2.7.1). */
  DKIM("dkim", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.POLICY,
      AuthResultValue.NEUTRAL, AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR),
  /** DKIM ADSP (RFC 5617, historic). */
  DKIM_ADSP("dkim-adsp", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.UNKNOWN,
      AuthResultValue.FAIL, AuthResultValue.DISCARD, AuthResultValue.NXDOMAIN, AuthResultValue.TEMPERROR,
      AuthResultValue.PERMERROR),
  /** DKIM Authorized Third-Party Signatures (RFC 6541). */
  DKIM_ATPS("dkim-atps", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL,
      AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR),
  /** DMARC (RFC 7489 section 11.2). */
  DMARC("dmarc", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.TEMPERROR,
      AuthResultValue.PERMERROR),
  /** DomainKeys (RFC 4870, historic). */
  DOMAINKEYS("domainkeys", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL,
      AuthResultValue.POLICY, AuthResultValue.NEUTRAL, AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR),
  /** Reverse IP check (RFC 8601 section 2.7.3). */
  IPREV("iprev", AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR),
  /** Require-Recipient-Valid-Since (RFC 7293). */
  RRVS("rrvs", AuthResultValue.NONE, AuthResultValue.UNKNOWN, AuthResultValue.TEMPERROR, AuthResultValue.PASS,
      AuthResultValue.FAIL, AuthResultValue.PERMERROR),
  /** Sender ID (RFC 4406, historic). */
  SENDER_ID("sender-id", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL,
      AuthResultValue.SOFTFAIL, AuthResultValue.NEUTRAL, AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR,
      AuthResultValue.POLICY, AuthResultValue.HARDFAIL),
  /** S/MIME (RFC 7281). */
  SMIME("smime", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.POLICY,
      AuthResultValue.NEUTRAL, AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR),
  /** SPF (RFC 8601 section 2.7.2). */
  SPF("spf", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.SOFTFAIL,
      AuthResultValue.NEUTRAL, AuthResultValue.TEMPERROR, AuthResultValue.PERMERROR, AuthResultValue.POLICY),
  /** Vouch By Reference (RFC 6212). */
  VBR("vbr", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.TEMPERROR,
      AuthResultValue.PERMERROR),
  /** Authenticated Received Chain (RFC 8617 section 10.1). */
  ARC("arc", AuthResultValue.NONE, AuthResultValue.PASS, AuthResultValue.FAIL),
  /** Brand Indicators for Message Identification (draft-brand-indicators-for-message-identification). */
  BIMI("bimi", AuthResultValue.PASS, AuthResultValue.NONE, AuthResultValue.FAIL, AuthResultValue.TEMPERROR,
      AuthResultValue.DECLINED, AuthResultValue.SKIPPED),
  /** Microsoft 365 composite authentication; its {@code reason=} is a numeric code. */
  COMPAUTH("compauth", AuthResultValue.PASS, AuthResultValue.FAIL, AuthResultValue.SOFTFAIL, AuthResultValue.NONE),
  /** Any other method; the name is in {@link AuthResult#method()}. */
  UNKNOWN("");

  private final String methodName;
  private final Set<AuthResultValue> results;

  AuthMethod(String methodName, AuthResultValue... results) {
    this.methodName = methodName;
    this.results = results.length == 0 ? EnumSet.noneOf(AuthResultValue.class) : EnumSet.of(results[0], results);
  }

  /** Returns the registered name, {@code "dkim-atps"}; empty for {@link #UNKNOWN}. */
  public String methodName() {
    return methodName;
  }

  /** Returns whether {@code result} is registered for this method; always true for {@link #UNKNOWN}. */
  public boolean allows(AuthResultValue result) {
    return this == UNKNOWN || results.contains(result);
  }

  /** Returns the method of the given name, ignoring case; {@link #UNKNOWN} if not listed. */
  public static AuthMethod of(String name) {
    String n = LowerCase.root(name);
    for (AuthMethod m : values()) {
      if (m != UNKNOWN && m.methodName.equals(n)) {
        return m;
      }
    }
    return UNKNOWN;
  }
}
