/**
 * Message header analysis: header sections, the Received-hop timeline, Authentication-Results,
 * DKIM and ARC verification, and anti-spam verdict headers.
 *
 * <p>Jakarta Mail appears only in the adapter package {@code io.maildiag.headers.mail}.
 */
@org.jspecify.annotations.NullMarked
module io.maildiag.headers {
  requires static org.jspecify;
  requires transitive io.maildiag.core;
  requires transitive io.maildiag.dns;
  requires transitive jakarta.mail;

  exports io.maildiag.headers;
  exports io.maildiag.headers.received;
  exports io.maildiag.headers.antispam;
  exports io.maildiag.headers.mail;
  exports io.maildiag.headers.auth;
  exports io.maildiag.headers.dkim;
  exports io.maildiag.headers.report;
}
