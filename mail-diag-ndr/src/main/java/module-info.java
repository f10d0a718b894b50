/**
 * Bounce reading: delivery status notifications and the bounces real mail systems send, enhanced
 * status codes, SMTP reply codes, provider-specific code meanings, and the reason taxonomy.
 *
 * <p>Jakarta Mail (Eclipse Angus) is the reference MIME reader; a byte-level splitter that builds
 * the same tree reads the common structures faster and leaves every other one to Jakarta Mail. No
 * Jakarta Mail type appears in the API.
 */
@org.jspecify.annotations.NullMarked
module io.maildiag.ndr {
  requires static org.jspecify;
  requires transitive io.maildiag.core;
  requires io.maildiag.headers;
  requires jakarta.mail;

  exports io.maildiag.ndr;
  exports io.maildiag.ndr.code;
}
