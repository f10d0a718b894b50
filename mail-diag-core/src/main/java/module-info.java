/**
 * The shared vocabulary of mail-diag: validated domain names, IP addresses and networks, mail
 * addresses, the diagnostics model, parse results and the limits that bound every analysis.
 *
 * <p>This module has no runtime dependencies.
 */
@org.jspecify.annotations.NullMarked
@SuppressWarnings("module") // the qualified export names modules built after this one
module io.maildiag.core {
  requires static org.jspecify;

  exports io.maildiag.core;
  exports io.maildiag.core.domain;
  exports io.maildiag.core.ip;
  exports io.maildiag.core.mail;
  exports io.maildiag.core.internal to io.maildiag.dns, io.maildiag.headers, io.maildiag.ndr;
}
