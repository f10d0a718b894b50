package io.maildiag.ndr.code;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.Excerpt;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 5321 basic SMTP reply code, three digits such as {@code 550} (section 4.2).
 *
 * <p>The first digit is 2 (completion), 3 (intermediate), 4 (transient negative) or 5 (permanent
 * negative); the second 0 to 5; the third 0 to 9. Immutable and safe for concurrent use.
 *
 * <p>The codes RFC 5321 section 4.2.3 lists, and 521 and 556 from RFC 7504, have a documented
 * {@link #meaning()}; see {@link #documented()}.
 *
 * @param value the three-digit code
 * @since 0.1
 */
public record ReplyCode(int value) implements Comparable<ReplyCode> {

  /** A text that is not a reply code. */
  public static final DiagnosticCode REPLY_CODE_INVALID = DiagnosticCode.of("REPLY_CODE_INVALID");

  private static final String RFC5321 = "RFC 5321 section 4.2.3";
  private static final String RFC7504 = "RFC 7504 section 3";

  /** Value to {meaning, reference}: RFC 5321 section 4.2.3 and RFC 7504. */
  private static final Map<Integer, List<String>> DOCUMENTED = Map.ofEntries(
      doc(211, "System status, or system help reply", RFC5321),
      doc(214, "Help message", RFC5321),
      doc(220, "<domain> Service ready", RFC5321),
      doc(221, "<domain> Service closing transmission channel", RFC5321),
      doc(250, "Requested mail action okay, completed", RFC5321),
      doc(251, "User not local; will forward to <forward-path>", RFC5321),
      doc(252, "Cannot VRFY user, but will accept message and attempt delivery", RFC5321),
      doc(354, "Start mail input; end with <CRLF>.<CRLF>", RFC5321),
      doc(421, "<domain> Service not available, closing transmission channel", RFC5321),
      doc(450, "Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or temporarily"
          + " blocked for policy reasons)", RFC5321),
      doc(451, "Requested action aborted: local error in processing", RFC5321),
      doc(452, "Requested action not taken: insufficient system storage", RFC5321),
      doc(455, "Server unable to accommodate parameters", RFC5321),
      doc(500, "Syntax error, command unrecognized", RFC5321),
      doc(501, "Syntax error in parameters or arguments", RFC5321),
      doc(502, "Command not implemented", RFC5321),
      doc(503, "Bad sequence of commands", RFC5321),
      doc(504, "Command parameter not implemented", RFC5321),
      doc(521, "Host does not accept mail", RFC7504),
      doc(550, "Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or"
          + " command rejected for policy reasons)", RFC5321),
      doc(551, "User not local; please try <forward-path>", RFC5321),
      doc(552, "Requested mail action aborted: exceeded storage allocation", RFC5321),
      doc(553, "Requested action not taken: mailbox name not allowed", RFC5321),
      doc(554, "Transaction failed (or, in reply to the connection greeting, no SMTP service here)", RFC5321),
      doc(555, "MAIL FROM/RCPT TO parameters not recognized or not implemented", RFC5321),
      doc(556, "Domain does not accept mail", RFC7504));

  /**
   * Each valid code and the result of parsing it, by value minus 200 (null for the invalid values
   * in between, and for a code not asked for yet): both are immutable, and the bounce parser reads
   * the same few codes over and over. Filled as codes are first asked for; threads racing on an
   * entry store equal values.
   */
  private static final ReplyCode[] CODES = new ReplyCode[400];

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final ParseResult<ReplyCode>[] PARSED = new ParseResult[400];

  private static final List<ReplyCode> DOCUMENTED_CODES = documentedCodes();

  /** The codes of {@link #DOCUMENTED}, in ascending order. */
  private static List<ReplyCode> documentedCodes() {
    Integer[] values = DOCUMENTED.keySet().toArray(new Integer[0]);
    java.util.Arrays.sort(values);
    ReplyCode[] codes = new ReplyCode[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = new ReplyCode(values[i]);
    }
    return List.of(codes);
  }

  private static Map.Entry<Integer, List<String>> doc(int value, String meaning, String reference) {
    return Map.entry(value, List.of(meaning, reference));
  }

  /**
   * Validates the code.
   *
   * @throws IllegalArgumentException if it is not a valid reply code
   */
  public ReplyCode {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not an SMTP reply code: " + value);
    }
  }

  private static boolean isValid(int v) {
    int first = v / 100;
    int second = (v / 10) % 10;
    return v >= 200 && v <= 599 && first >= 2 && first <= 5 && second <= 5;
  }

  /** Parses three digits. Never throws: a bad code is a diagnostic. */
  public static ParseResult<ReplyCode> parse(CharSequence input) {
    Objects.requireNonNull(input, "input");
    String s = input.toString();
    if (s.length() == 3 && isDigit(s.charAt(0)) && isDigit(s.charAt(1)) && isDigit(s.charAt(2))) {
      int v = (s.charAt(0) - '0') * 100 + (s.charAt(1) - '0') * 10 + (s.charAt(2) - '0');
      if (isValid(v)) {
        ParseResult<ReplyCode> parsed = PARSED[v - 200];
        if (parsed == null) {
          parsed = ParseResult.success(of(v));
          PARSED[v - 200] = parsed;
        }
        return parsed;
      }
    }
    String shown = Excerpt.of(s, 19);
    return ParseResult.failure(Diagnostic.error(REPLY_CODE_INVALID,
            "'" + shown + "' is not an SMTP reply code (three digits, 2xx to 5xx)")
        .withReference("RFC 5321 section 4.2").at(s, 0, s.length()));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Returns the code with the given value.
   *
   * @throws IllegalArgumentException if it is not a valid reply code
   */
  public static ReplyCode of(int value) {
    if (!isValid(value)) {
      return new ReplyCode(value); // throws
    }
    ReplyCode code = CODES[value - 200];
    if (code == null) {
      code = new ReplyCode(value);
      CODES[value - 200] = code;
    }
    return code;
  }

  /** Returns whether this is a permanent negative reply (5yz). */
  public boolean isPermanent() {
    return value >= 500;
  }

  /** Returns whether this is a transient negative reply (4yz). */
  public boolean isTransient() {
    return value >= 400 && value < 500;
  }

  /** Returns whether this is a positive reply (2yz or 3yz). */
  public boolean isPositive() {
    return value < 400;
  }

  /**
   * Returns the meaning the standards give this code, such as {@code Requested action not taken:
   * mailbox unavailable (...)} for 550, or empty for a code they do not list (such as 530).
   */
  public Optional<String> meaning() {
    List<String> d = DOCUMENTED.get(value);
    return d == null ? Optional.empty() : Optional.ofNullable(d.get(0));
  }

  /** Returns where {@link #meaning()} is defined, such as {@code RFC 5321 section 4.2.3}. */
  public Optional<String> reference() {
    List<String> d = DOCUMENTED.get(value);
    return d == null ? Optional.empty() : Optional.ofNullable(d.get(1));
  }

  /** Returns whether the standards list this code (whether {@link #meaning()} is present). */
  public boolean isDocumented() {
    return DOCUMENTED.containsKey(value);
  }

  /** Returns every code with a documented meaning, in ascending order. */
  public static List<ReplyCode> documented() {
    return DOCUMENTED_CODES;
  }

  /** Returns the three digits. */
  @Override
  public String toString() {
    return Integer.toString(value);
  }

  /** Orders by numeric value. */
  @Override
  public int compareTo(ReplyCode o) {
    return Integer.compare(value, o.value);
  }
}
