package io.maildiag.headers.auth;

/**
 * How closely {@link AuthenticationResults#parse(CharSequence, AuthResultsMode)} follows the RFC
 * 8601 grammar.
 *
 * @since 0.1
 */
public enum AuthResultsMode {
  /**
   * The RFC 8601 section 2.2 grammar: the authserv-id comes first, every property has a ptype,
   * the reason precedes the properties. Any error fails the parse.
   */
  STRICT,
  /**
   * What receivers actually write: the authserv-id may sit between results or be missing
   * (Microsoft 365), properties may lack a ptype ({@code action=none}), separators may be doubled
   * or trailing. Deviations are reported as diagnostics; a value is returned whenever any result
   * could be read.
   */
  LENIENT
}
