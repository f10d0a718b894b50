package io.maildiag.ndr.classify;

import io.maildiag.ndr.Reason;
import java.util.Map;
import java.util.Optional;

/**
 * The error tokens some large receivers put in their replies, each the receiver's own statement of
 * why it refused: Cox's {@code AUP#CXBL}, Spectrum's (Charter's) {@code AUP#In-1310}, Orange's
 * {@code OFR005_505}, La Poste's {@code LPN000_630} and GoDaddy's {@code IB212}. Each publishes
 * what its tokens mean: <a
 * href="https://www.cox.com/residential/support/email-error-codes.html">Cox</a>, <a
 * href="https://www.spectrum.net/support/internet/understanding-email-error-codes">Spectrum</a>,
 * Orange's list of its SMTP error codes (which La Poste's follow), GoDaddy's help page on bounce
 * errors.
 * A token decides over the reply's words, which are often a generic "sender rejected" beside it.
 *
 * <p>A token is read after {@code AUP#}: letters and digits (Cox), or a direction ({@code I},
 * {@code In}, {@code O}, {@code Out}) and an optional hyphen, or no direction and no hyphen, then
 * four digits (Spectrum); as a word of
 * its own, {@code OFR}, {@code OUK} or {@code LPN} then letters, digits and underscores ending in
 * three digits (Orange, La Poste); and {@code IB} and three digits as the reply's last word
 * (GoDaddy). Upper case, as the receivers write them. Linear in the text; no regular expression.
 */
public final class ProviderTokens {

  /** A token the text holds, and what its receiver says it means. */
  public record Token(String provider, String token, Reason reason, String meaning) {
    /** The rule name of a classification it decided: {@code provider-token:cox:CXBL}. */
    public String ruleName() {
      return "provider-token:" + provider + ":" + token;
    }

    /** The receiver's name as people write it: {@code GoDaddy}, {@code La Poste}. */
    public String providerName() {
      switch (provider) {
        case "cox":
          return "Cox";
        case "spectrum":
          return "Spectrum";
        case "orange":
          return "Orange";
        case "laposte":
          return "La Poste";
        case "godaddy":
          return "GoDaddy";
        default:
          return provider;
      }
    }
  }

  /** Cox's tokens (its error-code page), each with its reason and meaning. */
  private static final Map<String, Token> COX = Map.ofEntries(
      cox("CXBL", Reason.BLOCKED, "the sending IP address is blocked for spam-like behaviour"),
      cox("CDRBL", Reason.BLOCKED, "the sending IP address is blocked for a while (at most 24 hours) for spam-like behaviour"),
      cox("CXDNS", Reason.REQUIRE_PTR, "the reverse DNS lookup of the sending IP address failed"),
      cox("CXSNDR", Reason.AUTH_FAILURE, "the message failed the sending domain's SPF or DKIM checks"),
      cox("CXSMTP", Reason.REJECTED, "the message could not be verified as coming from a legitimate sender"),
      cox("CXCNCT", Reason.RATE_LIMITED, "too many concurrent connections from the sending IP address"),
      cox("CXMXRT", Reason.RATE_LIMITED, "the sender sent to too many recipients and must wait"),
      cox("CXTHRT", Reason.SECURITY_ERROR, "sending limited for suspicious account activity"),
      cox("CXMJ", Reason.SECURITY_ERROR, "sending blocked for suspicious activity on the Cox account"));

  private static Map.Entry<String, Token> cox(String token, Reason reason, String meaning) {
    return Map.entry(token, new Token("cox", token, reason, meaning));
  }

  private ProviderTokens() {}

  /** How much of a text is read: as much as the classifier reads of a diagnostic. */
  static final int MAX_CHARS = TextNormalizer.MAX_INPUT_CHARS;

  /**
   * Returns the first token of a known receiver in a text (its first {@value #MAX_CHARS} chars), if
   * any. Tokens are read as the receivers write them, in upper case.
   *
   * @param whole the diagnostic text
   * @return the token, if the text holds one
   * @throws NullPointerException if {@code whole} is null
   */
  public static Optional<Token> find(String whole) {
    String text = whole.length() > MAX_CHARS ? whole.substring(0, MAX_CHARS) : whole;
    for (int at = text.indexOf("AUP#"); at >= 0; at = text.indexOf("AUP#", at + 4)) {
      int start = at + 4;
      int end = start;
      while (end < text.length() && end - start < 16 && isTokenChar(text.charAt(end))) {
        end++;
      }
      if (end < text.length() && isTokenChar(text.charAt(end))) {
        continue; // longer than any token: part of something else
      }
      Optional<Token> t = token(text.substring(start, end));
      if (t.isPresent()) {
        return t;
      }
    }
    Optional<Token> french = frenchToken(text);
    return french.isPresent() ? french : goDaddyToken(text);
  }

  /**
   * GoDaddy's tokens: {@code IB} and three digits as a word of their own ({@code IB212}), from its
   * help page on rejected mail and bounce errors.
   */
  private static Optional<Token> goDaddyToken(String text) {
    for (int at = text.indexOf("IB"); at >= 0; at = text.indexOf("IB", at + 2)) {
      int end = at + 5;
      if (end > text.length() || at > 0 && !isSpaceOrBracket(text.charAt(at - 1))
          || !digitsFrom(text.substring(at + 2, end), 0) || !lastWord(text, end)) {
        continue;
      }
      Meaning m = GODADDY.get(Integer.parseInt(text.substring(at + 2, end)));
      if (m != null) {
        return Optional.of(new Token("godaddy", text.substring(at, end), m.reason(), m.meaning()));
      }
    }
    return Optional.empty();
  }

  /** GoDaddy's codes. */
  private static final Map<Integer, Meaning> GODADDY = Map.ofEntries(
      Map.entry(401, new Meaning(Reason.SECURITY_ERROR, "authentication is not allowed on its inbound servers")),
      Map.entry(501, new Meaning(Reason.NOT_RFC_COMPLIANT, "the From address is blank")),
      Map.entry(502, new Meaning(Reason.NOT_RFC_COMPLIANT, "the From address is an IP address")),
      Map.entry(506, new Meaning(Reason.REJECTED, "the From domain is invalid")),
      Map.entry(508, new Meaning(Reason.AUTH_FAILURE, "the sender domain's SPF record does not authorise the sending server")),
      Map.entry(108, new Meaning(Reason.REQUIRE_PTR, "the reverse DNS lookup of the sending IP address failed")),
      Map.entry(212, new Meaning(Reason.SPAM_DETECTED, "the content was judged to be spam")),
      Map.entry(705, new Meaning(Reason.VIRUS_DETECTED, "the message is infected")),
      Map.entry(605, new Meaning(Reason.EXCEEDED_LIMIT, "the message has too many recipients")),
      Map.entry(7, new Meaning(Reason.RATE_LIMITED, "too many sessions from the sending IP address")),
      Map.entry(101, new Meaning(Reason.RATE_LIMITED, "its queue is busier than normal; try again later")),
      Map.entry(504, new Meaning(Reason.RATE_LIMITED, "the sending IP address sent too many messages this hour")),
      Map.entry(510, new Meaning(Reason.RATE_LIMITED, "too many messages in one session")),
      Map.entry(607, new Meaning(Reason.RATE_LIMITED, "too many recipients this hour")),
      Map.entry(110, new Meaning(Reason.BLOCKED, "the sending IP address is blocked for an hour for sending spam")),
      Map.entry(111, new Meaning(Reason.BLOCKED, "the sending IP address is blocked for the day for sending spam")),
      Map.entry(112, new Meaning(Reason.BLOCKED, "the sending IP address is blocked for an hour for too many invalid recipients")),
      Map.entry(113, new Meaning(Reason.BLOCKED, "the sending IP address is blocked for the day for too many invalid recipients")),
      Map.entry(103, new Meaning(Reason.BAD_REPUTATION, "the sending IP address has a poor reputation (Cloudmark CSI)")),
      Map.entry(104, new Meaning(Reason.BLOCKED, "the sending IP address is on the Spamhaus Block List")),
      Map.entry(105, new Meaning(Reason.BLOCKED, "the sending IP address is on the Spamhaus Exploits Block List")),
      Map.entry(106, new Meaning(Reason.BLOCKED, "the sending IP address is on the Spamhaus Policy Block List")));

  /**
   * Orange's and La Poste's tokens: {@code OFR}, {@code OUK} (Orange) or {@code LPN} (La Poste),
   * then letters, digits, underscores or hyphens ending in the three digits of the code, as in
   * {@code OFR005_505}, {@code OFR_416}, {@code LPN416}, {@code LPNAAA_101}. The codes are those of
   * Orange's published list of its SMTP error codes; a code it gives no cause (105, "please try
   * later") gives no token.
   */
  private static Optional<Token> frenchToken(String text) {
    for (String prefix : FRENCH_PREFIXES) {
      for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 3)) {
        if (at > 0 && !isSpaceOrBracket(text.charAt(at - 1))) {
          continue; // inside a longer word, a host name or an identifier
        }
        int end = at + 3;
        while (end < text.length() && end - at < 16 && (isTokenChar(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        if (end < text.length() && !endsToken(text, end)) {
          continue;
        }
        String token = text.substring(at, end);
        if (token.length() < 6 || !digitsFrom(token, token.length() - 3)) {
          continue;
        }
        Meaning m = ORANGE.get(Integer.parseInt(token.substring(token.length() - 3)));
        if (m != null) {
          String provider = prefix.equals("LPN") ? "laposte" : "orange";
          return Optional.of(new Token(provider, token, m.reason(), m.meaning()));
        }
      }
    }
    return Optional.empty();
  }

  private static final String[] FRENCH_PREFIXES = {"OFR", "LPN", "OUK"};

  /** Orange's and La Poste's codes that name a cause. */
  private static final Map<Integer, Meaning> ORANGE = Map.ofEntries(
      Map.entry(101, new Meaning(Reason.BLOCKED, "the sending IP address is on a block list")),
      Map.entry(102, new Meaning(Reason.BLOCKED, "the sending IP address is blocked for spam incidents")),
      Map.entry(103, new Meaning(Reason.BLOCKED, "service refused to the sending IP address")),
      Map.entry(104, new Meaning(Reason.RATE_LIMITED, "too many connections; slow down")),
      Map.entry(305, new Meaning(Reason.SECURITY_ERROR, "the authentication code is invalid")),
      Map.entry(401, new Meaning(Reason.AUTH_FAILURE, "SPF does not allow the sending IP address")),
      Map.entry(402, new Meaning(Reason.SECURITY_ERROR, "authentication is required")),
      Map.entry(403, new Meaning(Reason.REJECTED, "the sender is invalid")),
      Map.entry(405, new Meaning(Reason.REJECTED, "the sender is invalid")),
      Map.entry(415, new Meaning(Reason.REJECTED, "the sender is invalid")),
      Map.entry(416, new Meaning(Reason.USER_UNKNOWN, "at least one recipient address is invalid")),
      Map.entry(417, new Meaning(Reason.MAILBOX_FULL, "the recipient's mailbox is full")),
      Map.entry(420, new Meaning(Reason.SUSPENDED, "the recipient's mailbox is archived")),
      Map.entry(421, new Meaning(Reason.REJECTED, "the sender address is not the user's own")),
      Map.entry(426, new Meaning(Reason.SUSPENDED, "the recipient's account is blocked")),
      Map.entry(505, new Meaning(Reason.SYSTEM_ERROR, "service refused for now; try later")),
      Map.entry(506, new Meaning(Reason.SPAM_DETECTED, "the message was refused as spam")),
      Map.entry(510, new Meaning(Reason.BLOCKED, "service refused to the sender")),
      Map.entry(514, new Meaning(Reason.EMAIL_TOO_LARGE, "the message is larger than the limit")),
      Map.entry(517, new Meaning(Reason.AUTH_FAILURE, "DMARC verification failed")),
      Map.entry(630, new Meaning(Reason.POLICY_VIOLATION, "the client host is refused by policy")),
      Map.entry(999, new Meaning(Reason.BLOCKED, "service refused to the sending IP address")));

  private static boolean isSpaceOrBracket(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == '(' || c == '#';
  }

  /** Whether a token ending at {@code end} ends there: a space, a bracket, or punctuation then a space or the end. */
  private static boolean endsToken(String text, int end) {
    char c = text.charAt(end);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ']' || c == ')') {
      return true;
    }
    return (c == '.' || c == ',' || c == ';') && (end + 1 == text.length() || !isTokenChar(text.charAt(end + 1)));
  }

  /**
   * Whether nothing but punctuation, spaces and the stage the bounce parser appends ("(in reply to
   * end of DATA command)") follows {@code end}: GoDaddy's code is the last word of its reply.
   */
  private static boolean lastWord(String text, int end) {
    int i = end;
    while (i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ' ' || text.charAt(i) == '\t'
        || text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
      i++;
    }
    return i == text.length() || text.startsWith("(in reply to", i) || text.startsWith("(after ", i);
  }

  private static boolean isTokenChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
  }

  /** The meaning of one token as written after {@code AUP#}. */
  static Optional<Token> token(String token) {
    Token cox = COX.get(token);
    if (cox != null) {
      return Optional.of(cox);
    }
    if (token.startsWith("IPBL") && digitsFrom(token, 4)) {
      return Optional.of(new Token("cox", token, Reason.BLOCKED, "the sending IP address is on a DNS block list"));
    }
    if (token.startsWith("URLBL") && digitsFrom(token, 5)) {
      return Optional.of(new Token("cox", token, Reason.SPAM_DETECTED, "a URL in the message is on a block list"));
    }
    // Spectrum: I, In, O or Out (or no direction: Cox's tokens are letters, so four digits alone are Spectrum's),
    // an optional hyphen, four digits
    int i = 0;
    while (i < token.length() && Character.isLetter(token.charAt(i))) {
      i++;
    }
    String direction = token.substring(0, i);
    if (!(direction.isEmpty() || direction.equals("I") || direction.equals("In") || direction.equals("O")
        || direction.equals("Out"))) {
      return Optional.empty();
    }
    if (i < token.length() && token.charAt(i) == '-') {
      if (direction.isEmpty()) {
        return Optional.empty(); // a hyphen follows a direction only
      }
      i++;
    }
    if (token.length() - i != 4 || !digitsFrom(token, i)) {
      return Optional.empty();
    }
    int code = Integer.parseInt(token.substring(i));
    return spectrum(code).map(m -> new Token("spectrum", token, m.reason(), m.meaning()));
  }

  private record Meaning(Reason reason, String meaning) {}

  /** What Spectrum's four-digit code means (its error-code page), if it is one it lists. */
  private static Optional<Meaning> spectrum(int code) {
    Meaning m;
    if (code == 1000) {
      m = new Meaning(Reason.BLOCKED, "the sending IP address is blocked for suspicious activity");
    } else if (code == 1010 || code >= 1020 && code <= 1080) {
      m = new Meaning(Reason.REJECTED, "the sending account is blocked or limited for suspicious activity");
    } else if (code == 1090) {
      m = new Meaning(Reason.SYSTEM_ERROR, "the message could not be processed; try again later");
    } else if (code >= 1100 && code <= 1150) {
      m = new Meaning(Reason.REQUIRE_PTR, "the sending IP address has no full-circle (forward and reverse) DNS");
    } else if (code >= 1160 && code <= 1190) {
      m = new Meaning(Reason.POLICY_VIOLATION, "the message goes against the domain's security policies");
    } else if (code >= 1200 && code <= 1250) {
      m = new Meaning(Reason.BLOCKED, "the sending IP address is on a block list (Cloudmark CSI, Spamhaus)");
    } else if (code == 1260) {
      m = new Meaning(Reason.NETWORK_ERROR, "Spectrum does not take mail over IPv6; connect over IPv4");
    } else if (code >= 1300 && code <= 1340) {
      m = new Meaning(Reason.RATE_LIMITED, "too many connections from the sending IP address");
    } else if (code >= 1350 && code <= 1490 || code == 1540 || code == 1580) {
      m = new Meaning(Reason.RATE_LIMITED, "too many messages or recipients from the sender");
    } else if (code == 1550) {
      m = new Meaning(Reason.EXCEEDED_LIMIT, "too many recipients in one message");
    } else if (code == 1500 || code == 1520) {
      m = new Meaning(Reason.REJECTED, "the sender address is not the signed-in or a hosted one");
    } else if (code == 1530) {
      m = new Meaning(Reason.EMAIL_TOO_LARGE, "the message is larger than 20 MB");
    } else if (code == 1560) {
      m = new Meaning(Reason.POLICY_VIOLATION, "too many invalid recipients");
    } else {
      return Optional.empty();
    }
    return Optional.of(m);
  }

  private static boolean digitsFrom(String s, int from) {
    if (from >= s.length()) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
