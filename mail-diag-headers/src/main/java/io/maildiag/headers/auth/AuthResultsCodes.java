package io.maildiag.headers.auth;

import io.maildiag.core.DiagnosticCode;

/**
 * The diagnostic codes of {@link AuthenticationResults} and {@link ReceivedSpf} parsing.
 *
 * @since 0.1
 */
public final class AuthResultsCodes {
  /** The field value is empty or holds only white space and comments. */
  public static final DiagnosticCode AUTHRES_EMPTY = DiagnosticCode.of("AUTHRES_EMPTY");
  /** No authserv-id at all (Microsoft 365 writes some fields this way). */
  public static final DiagnosticCode AUTHRES_MISSING_AUTHSERV_ID = DiagnosticCode.of("AUTHRES_MISSING_AUTHSERV_ID");
  /** The authserv-id appears between results instead of first (the Microsoft 365 dialect). */
  public static final DiagnosticCode AUTHRES_AUTHSERV_ID_MISPLACED = DiagnosticCode.of("AUTHRES_AUTHSERV_ID_MISPLACED");
  /** Two different authserv-ids in one field. */
  public static final DiagnosticCode AUTHRES_CONFLICTING_AUTHSERV_ID = DiagnosticCode.of("AUTHRES_CONFLICTING_AUTHSERV_ID");
  /** An authserv-id that is neither a token nor a quoted-string. */
  public static final DiagnosticCode AUTHRES_INVALID_AUTHSERV_ID = DiagnosticCode.of("AUTHRES_INVALID_AUTHSERV_ID");
  /** A version that is not a number. */
  public static final DiagnosticCode AUTHRES_INVALID_VERSION = DiagnosticCode.of("AUTHRES_INVALID_VERSION");
  /** Neither {@code none} nor any result follows the authserv-id. */
  public static final DiagnosticCode AUTHRES_NO_RESULTS = DiagnosticCode.of("AUTHRES_NO_RESULTS");
  /** {@code none} together with results. */
  public static final DiagnosticCode AUTHRES_NONE_WITH_RESULTS = DiagnosticCode.of("AUTHRES_NONE_WITH_RESULTS");
  /** An empty result between separators, or a trailing separator. */
  public static final DiagnosticCode AUTHRES_EMPTY_RESULT = DiagnosticCode.of("AUTHRES_EMPTY_RESULT");
  /** A method name that is missing or not a keyword. */
  public static final DiagnosticCode AUTHRES_INVALID_METHOD = DiagnosticCode.of("AUTHRES_INVALID_METHOD");
  /** A method with no {@code =result}. */
  public static final DiagnosticCode AUTHRES_MISSING_RESULT = DiagnosticCode.of("AUTHRES_MISSING_RESULT");
  /** A result value that is not a keyword. */
  public static final DiagnosticCode AUTHRES_INVALID_RESULT = DiagnosticCode.of("AUTHRES_INVALID_RESULT");
  /** A result value not registered for its method (RFC 8601 section 2.7); it is kept. */
  public static final DiagnosticCode AUTHRES_UNKNOWN_RESULT = DiagnosticCode.of("AUTHRES_UNKNOWN_RESULT");
  /** A method not registered with IANA; it is kept. */
  public static final DiagnosticCode AUTHRES_UNKNOWN_METHOD = DiagnosticCode.of("AUTHRES_UNKNOWN_METHOD");
  /** A malformed {@code ptype.property=value}. */
  public static final DiagnosticCode AUTHRES_INVALID_PROPERTY = DiagnosticCode.of("AUTHRES_INVALID_PROPERTY");
  /** A property without a ptype, such as Microsoft's {@code action=none}. */
  public static final DiagnosticCode AUTHRES_BARE_PROPERTY = DiagnosticCode.of("AUTHRES_BARE_PROPERTY");
  /** A ptype other than {@code smtp}, {@code header}, {@code body} and {@code policy}. */
  public static final DiagnosticCode AUTHRES_UNKNOWN_PTYPE = DiagnosticCode.of("AUTHRES_UNKNOWN_PTYPE");
  /** A value with characters the grammar does not allow unquoted, or an empty value. */
  public static final DiagnosticCode AUTHRES_INVALID_VALUE = DiagnosticCode.of("AUTHRES_INVALID_VALUE");
  /** A {@code reason=} after the properties, or a second one. */
  public static final DiagnosticCode AUTHRES_MISPLACED_REASON = DiagnosticCode.of("AUTHRES_MISPLACED_REASON");
  /** A comment without its closing parenthesis. */
  public static final DiagnosticCode AUTHRES_UNTERMINATED_COMMENT = DiagnosticCode.of("AUTHRES_UNTERMINATED_COMMENT");
  /** A quoted-string without its closing quote. */
  public static final DiagnosticCode AUTHRES_UNTERMINATED_QUOTE = DiagnosticCode.of("AUTHRES_UNTERMINATED_QUOTE");
  /** A control character; it is replaced by U+FFFD. */
  public static final DiagnosticCode AUTHRES_INVALID_CHARACTER = DiagnosticCode.of("AUTHRES_INVALID_CHARACTER");
  /** Text where the grammar allows none; it is skipped. */
  public static final DiagnosticCode AUTHRES_UNEXPECTED_TEXT = DiagnosticCode.of("AUTHRES_UNEXPECTED_TEXT");
  /** More diagnostics than the parse reports; the rest were dropped. */
  public static final DiagnosticCode AUTHRES_TOO_MANY_DIAGNOSTICS = DiagnosticCode.of("AUTHRES_TOO_MANY_DIAGNOSTICS");

  /** A {@code Received-SPF} field whose result is missing or not one of RFC 7208 section 2.6. */
  public static final DiagnosticCode RECEIVED_SPF_INVALID_RESULT = DiagnosticCode.of("RECEIVED_SPF_INVALID_RESULT");
  /** A malformed {@code key=value} in {@code Received-SPF}. */
  public static final DiagnosticCode RECEIVED_SPF_INVALID_PARAMETER = DiagnosticCode.of("RECEIVED_SPF_INVALID_PARAMETER");
  /** A {@code client-ip} that is not an IP address. */
  public static final DiagnosticCode RECEIVED_SPF_INVALID_CLIENT_IP = DiagnosticCode.of("RECEIVED_SPF_INVALID_CLIENT_IP");

  private AuthResultsCodes() {}
}
