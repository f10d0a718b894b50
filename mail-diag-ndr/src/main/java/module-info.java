/**
 * Bounce reading: delivery status notifications and the bounces real mail systems send, enhanced
 * status codes, SMTP reply codes, provider-specific code meanings, and the reason taxonomy.
 *
 * <p>MIME is parsed with Jakarta Mail (Eclipse Angus); no Jakarta Mail type appears in the API.
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
