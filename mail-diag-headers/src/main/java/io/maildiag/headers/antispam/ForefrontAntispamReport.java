package io.maildiag.headers.antispam;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.UpperCase;
import io.maildiag.core.ip.IpAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft's {@code X-Forefront-Antispam-Report} header: what Exchange Online Protection found when
 * it scanned the message, as {@code KEY:value;} items.
 *
 * <p>Every item is kept in {@link #fields()} (keys upper-cased, in order); the documented ones have
 * typed accessors, and {@link #unknownFields()} holds the rest (Microsoft uses them for its own
 * diagnostics). Meanings follow Microsoft's "Anti-spam message headers in Microsoft 365".
 *
 * @param fields every item, keys upper-cased, values as written, in order
 * @since 0.1
 */
public record ForefrontAntispamReport(Map<String, String> fields) {

  /** The documented keys. */
  public static final Set<String> DOCUMENTED_KEYS = Set.of(
      "ARC", "CAT", "CIP", "CTRY", "DIR", "H", "IPV", "LANG", "PTR", "SCL", "SFTY", "SFV", "SRV", "SFS",
      "X-CUSTOMSPAM");

  /** Copies the fields, keeping their order. */
  public ForefrontAntispamReport {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
  }

  /**
   * Parses the header value. Never throws on bad input; a value always results, with warnings for
   * items that are not {@code KEY:value} and values outside the documented sets.
   */
  public static ParseResult<ForefrontAntispamReport> parse(String value) {
    List<Diagnostic> diags = new ArrayList<>();
    ForefrontAntispamReport r = new ForefrontAntispamReport(KeyValues.parse(value, "X-Forefront-Antispam-Report", diags));
    r.get("SFV").filter(v -> !v.isEmpty() && SpamFilterVerdict.fromCode(v).isEmpty())
        .ifPresent(v -> diags.add(unknown("SFV", v)));
    r.get("CAT").filter(v -> !v.isEmpty() && ProtectionCategory.fromCode(v).isEmpty())
        .ifPresent(v -> diags.add(unknown("CAT", v)));
    r.get("DIR").filter(v -> !v.isEmpty() && MessageDirection.fromCode(v).isEmpty())
        .ifPresent(v -> diags.add(unknown("DIR", v)));
    r.get("IPV").filter(v -> !v.isEmpty() && IpFilterVerdict.fromCode(v).isEmpty())
        .ifPresent(v -> diags.add(unknown("IPV", v)));
    r.get("SCL").filter(v -> !v.isEmpty() && level(v, -1, 9).isEmpty())
        .ifPresent(v -> diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MALFORMED,
            "X-Forefront-Antispam-Report: SCL '" + v + "' is not a number from -1 to 9")));
    r.get("CIP").filter(v -> !v.isEmpty() && IpAddress.parse(stripBrackets(v)).value().isEmpty())
        .ifPresent(v -> diags.add(Diagnostic.warning(AntispamCodes.HEADERS_ANTISPAM_MALFORMED,
            "X-Forefront-Antispam-Report: CIP '" + KeyValues.shorten(v) + "' is not an IP address")));
    return ParseResult.success(r, diags);
  }

  private static Diagnostic unknown(String key, String v) {
    return Diagnostic.info(AntispamCodes.HEADERS_ANTISPAM_UNKNOWN_VALUE,
        "X-Forefront-Antispam-Report: unknown " + key + " value '" + KeyValues.shorten(v) + "', kept as written");
  }

  static Optional<Integer> level(String v, int min, int max) {
    String t = v.trim();
    if (t.isEmpty() || t.length() > 3) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(t);
      return n >= min && n <= max ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String stripBrackets(String v) {
    return v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
  }

  /** Returns the value of {@code key} (case-insensitive); empty when absent. An empty value is present and empty. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(fields.get(UpperCase.root(key)));
  }

  private Optional<String> nonEmpty(String key) {
    return get(key).filter(v -> !v.isEmpty());
  }

  /** Returns {@code CIP}: the connecting IP address. */
  public Optional<IpAddress> connectingIp() {
    return nonEmpty("CIP").flatMap(v -> IpAddress.parse(stripBrackets(v)).value());
  }

  /** Returns {@code CTRY}: the country of the connecting IP address, as Microsoft located it. */
  public Optional<String> country() {
    return nonEmpty("CTRY");
  }

  /** Returns {@code LANG}: the language the message was detected to be written in. */
  public Optional<String> language() {
    return nonEmpty("LANG");
  }

  /** Returns {@code SCL}: the spam confidence level. */
  public Optional<SpamConfidenceLevel> scl() {
    return nonEmpty("SCL").flatMap(v -> level(v, -1, 9)).map(SpamConfidenceLevel::new);
  }

  /** Returns {@code SFV}: the spam filtering verdict. */
  public Optional<SpamFilterVerdict> spamFilterVerdict() {
    return nonEmpty("SFV").flatMap(SpamFilterVerdict::fromCode);
  }

  /** Returns {@code IPV}: the IP filtering verdict. */
  public Optional<IpFilterVerdict> ipFilterVerdict() {
    return nonEmpty("IPV").flatMap(IpFilterVerdict::fromCode);
  }

  /** Returns {@code H}: the HELO or EHLO name of the connecting server. */
  public Optional<String> helo() {
    return nonEmpty("H");
  }

  /** Returns {@code PTR}: the reverse-DNS name of the connecting IP address. */
  public Optional<String> ptr() {
    return nonEmpty("PTR");
  }

  /** Returns {@code CAT}: the category of protection policy applied. */
  public Optional<ProtectionCategory> category() {
    return nonEmpty("CAT").flatMap(ProtectionCategory::fromCode);
  }

  /** Returns {@code SFTY}: the safety (phishing) marker as written, such as {@code 9.20}. */
  public Optional<String> safety() {
    return nonEmpty("SFTY");
  }

  /** Returns what the {@code SFTY} value means, for the documented values (9.19, 9.20, 9.25). */
  public Optional<String> safetyMeaning() {
    return safety().map(v -> switch (v) {
      case "9.19" -> "domain impersonation: the sending domain imitates a protected domain";
      case "9.20" -> "user impersonation: the sender imitates a user of the recipient's organisation or a protected user";
      case "9.25" -> "first contact safety tip: the recipient rarely or never gets mail from this sender";
      default -> "phishing safety marker " + v;
    });
  }

  /** Returns {@code SRV}: the service verdict as written, {@code BULK} for bulk mail. */
  public Optional<String> service() {
    return nonEmpty("SRV");
  }

  /** Returns whether {@code SRV:BULK} says the message was identified as bulk mail. */
  public boolean isBulk() {
    return service().map(v -> v.equalsIgnoreCase("BULK")).orElse(false);
  }

  /** Returns {@code DIR}: the direction of the message. */
  public Optional<MessageDirection> direction() {
    return nonEmpty("DIR").flatMap(MessageDirection::fromCode);
  }

  /** Returns {@code SFS}: the spam filter rule identifiers, as written (undocumented). */
  public Optional<String> spamFilterRules() {
    return nonEmpty("SFS");
  }

  /** Returns the items whose keys Microsoft does not document, in order. */
  public Map<String, String> unknownFields() {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> {
      if (!DOCUMENTED_KEYS.contains(k)) {
        out.put(k, v);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** Returns whether the report marks the message as spam or a threat (SCL 5+, a spam SFV, a threat CAT). */
  public boolean isSpam() {
    return scl().map(SpamConfidenceLevel::isSpam).orElse(false)
        || spamFilterVerdict().map(SpamFilterVerdict::isSpam).orElse(false)
        || category().map(ProtectionCategory::isThreat).orElse(false);
  }
}
