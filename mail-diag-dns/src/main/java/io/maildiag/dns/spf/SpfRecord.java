package io.maildiag.dns.spf;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed SPF record (RFC 7208 section 4.6 and 12): its terms in order, with where each one is in
 * the record text.
 *
 * <pre>{@code
 * ParseResult<SpfRecord> r = SpfRecord.parse("v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all");
 * r.value().ifPresent(rec -> System.out.println(rec.directives().size()));   // 3
 * r.diagnostics().forEach(System.out::println);                               // syntax problems, positioned
 * }</pre>
 *
 * <p>Parsing checks the whole grammar: any syntax error anywhere makes the record unusable (a
 * {@code permerror} when evaluated, section 4.6), and is returned as an error diagnostic with its
 * position instead of a value. Unknown modifiers are kept (with an info diagnostic) and ignored.
 * {@link #toString()} renders a canonical form that parses back to an equal record. Immutable and
 * safe for concurrent use.
 *
 * @since 0.1
 */
public final class SpfRecord {

  /** The version tag every SPF record starts with. */
  public static final String VERSION = "v=spf1";

  /** Records longer than this are refused unparsed: {@value} characters (far beyond any TXT answer). */
  public static final int MAX_RECORD_LENGTH = 65_535;

  /**
   * Parsing stops after this many errors: {@value}; the rest of the record is not reported on. At
   * most as many unknown-modifier notes are reported.
   */
  public static final int MAX_ERRORS = 100;

  private final List<SpfTerm> terms;
  private final List<SourceSpan> spans;
  private final String text;

  private SpfRecord(List<SpfTerm> terms, List<SourceSpan> spans, String text) {
    this.terms = List.copyOf(terms);
    this.spans = List.copyOf(spans);
    this.text = text;
  }

  /** Returns whether {@code text} is an SPF record by its version tag: {@code v=spf1} then a space or the end. */
  public static boolean isSpfRecord(String text) {
    return text.regionMatches(true, 0, VERSION, 0, VERSION.length())
        && (text.length() == VERSION.length() || text.charAt(VERSION.length()) == ' ');
  }

  /** Parses a record. Never throws: syntax problems are diagnostics positioned in {@code text}. */
  public static ParseResult<SpfRecord> parse(String text) {
    List<Diagnostic> out = new ArrayList<>();
    if (text.length() > MAX_RECORD_LENGTH) {
      return ParseResult.failure(Diagnostic.error(SpfCodes.SPF_INVALID_TERM,
          "record of " + text.length() + " characters is far too long").at(text, 0, text.length()));
    }
    if (!isSpfRecord(text)) {
      return ParseResult.failure(Diagnostic.error(SpfCodes.SPF_NOT_SPF1,
              "an SPF record starts with 'v=spf1' followed by a space or the end")
          .withReference("RFC 7208 section 4.5").at(text, 0, Math.min(text.length(), VERSION.length() + 1)));
    }
    List<SpfTerm> terms = new ArrayList<>();
    List<SourceSpan> spans = new ArrayList<>();
    boolean sawRedirect = false;
    boolean sawExp = false;
    int i = VERSION.length();
    int n = text.length();
    int errors = 0;
    int notes = 0;
    int seen = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      for (; seen < out.size(); seen++) {
        errors += out.get(seen).isError() ? 1 : 0;
      }
      if (errors >= MAX_ERRORS) {
        break;
      }
      int start = i;
      while (i < n && text.charAt(i) != ' ') {
        i++;
      }
      String term = text.substring(start, i);
      SpfTerm parsed = parseTerm(term, text, start, out);
      if (parsed == null) {
        continue;
      }
      if (parsed instanceof SpfTerm.Redirect) {
        if (sawRedirect) {
          out.add(Diagnostic.error(SpfCodes.SPF_DUPLICATE_MODIFIER, "'redirect' appears more than once")
              .withReference("RFC 7208 section 6").at(text, start, term.length()));
        }
        sawRedirect = true;
      } else if (parsed instanceof SpfTerm.Explanation) {
        if (sawExp) {
          out.add(Diagnostic.error(SpfCodes.SPF_DUPLICATE_MODIFIER, "'exp' appears more than once")
              .withReference("RFC 7208 section 6").at(text, start, term.length()));
        }
        sawExp = true;
      } else if (parsed instanceof SpfTerm.UnknownModifier u && notes++ < MAX_ERRORS) {
        out.add(Diagnostic.info(SpfCodes.SPF_UNKNOWN_MODIFIER,
                "unknown modifier '" + u.name() + "' is ignored")
            .withReference("RFC 7208 section 6").at(text, start, term.length()));
      }
      terms.add(parsed);
      // Only used when the whole record is valid, and then it holds no line break: line 1.
      spans.add(new SourceSpan(start, term.length(), 1, start + 1));
    }
    if (out.stream().anyMatch(Diagnostic::isError)) {
      return ParseResult.failure(out);
    }
    return ParseResult.success(new SpfRecord(terms, spans, text), out);
  }

  private static SpfTerm parseTerm(String term, String record, int offset, List<Diagnostic> out) {
    for (int j = 0; j < term.length(); j++) {
      char c = term.charAt(j);
      if (c < 0x21 || c > 0x7e) {
        out.add(Diagnostic.error(SpfCodes.SPF_INVALID_CHARACTER,
                String.format(Locale.ROOT, "character U+%04X is not allowed in an SPF record", (int) c))
            .withReference("RFC 7208 section 12").at(record, offset + j, 1));
        return null;
      }
    }
    int nameEnd = modifierNameEnd(term);
    if (nameEnd > 0 && nameEnd < term.length() && term.charAt(nameEnd) == '=') {
      return parseModifier(term.substring(0, nameEnd), term.substring(nameEnd + 1), record, offset, nameEnd + 1,
          out);
    }
    SpfQualifier qualifier = SpfQualifier.PASS;
    int i = 0;
    if ("+-~?".indexOf(term.charAt(0)) >= 0) {
      qualifier = SpfQualifier.ofSymbol(term.charAt(0));
      i = 1;
    }
    int mechEnd = i;
    while (mechEnd < term.length() && term.charAt(mechEnd) != ':' && term.charAt(mechEnd) != '/') {
      mechEnd++;
    }
    String name = LowerCase.root(term.substring(i, mechEnd));
    String args = term.substring(mechEnd);
    int argsOffset = offset + mechEnd;
    SpfMechanism mechanism = switch (name) {
      case "all" -> args.isEmpty() ? new SpfMechanism.All() : invalid(term, "'all' takes no argument", record,
          offset, out);
      case "include" -> requiredDomain(args, term, record, offset, argsOffset, out)
          .map(d -> (SpfMechanism) new SpfMechanism.Include(d)).orElse(null);
      case "exists" -> requiredDomain(args, term, record, offset, argsOffset, out)
          .map(d -> (SpfMechanism) new SpfMechanism.Exists(d)).orElse(null);
      case "a", "mx" -> parseAddressMechanism(name, args, term, record, offset, argsOffset, out);
      case "ptr" -> parsePtr(args, term, record, offset, argsOffset, out);
      case "ip4", "ip6" -> parseIp(name, args, term, record, offset, argsOffset, out);
      default -> {
        out.add(Diagnostic.error(SpfCodes.SPF_UNKNOWN_MECHANISM, "unknown mechanism '" + term.substring(i, mechEnd)
                + "'")
            .withRemediation("Use one of all, include, a, mx, ptr, ip4, ip6, exists, or a modifier name=value")
            .withReference("RFC 7208 section 5").at(record, offset, term.length()));
        yield null;
      }
    };
    return mechanism == null ? null : new SpfTerm.Directive(qualifier, mechanism);
  }

  /** Returns the end of a modifier name (ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )) at the start, or 0. */
  private static int modifierNameEnd(String term) {
    if (term.isEmpty() || !isAlpha(term.charAt(0))) {
      return 0;
    }
    int i = 1;
    while (i < term.length()) {
      char c = term.charAt(i);
      if (isAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static SpfTerm parseModifier(String name, String value, String record, int offset, int valueShift,
      List<Diagnostic> out) {
    String lower = LowerCase.root(name);
    int valueOffset = offset + valueShift;
    if (lower.equals("redirect") || lower.equals("exp")) {
      Optional<MacroString> domain = domainSpec(value, record, valueOffset, out);
      if (domain.isEmpty()) {
        return null;
      }
      return lower.equals("redirect") ? new SpfTerm.Redirect(domain.get()) : new SpfTerm.Explanation(domain.get());
    }
    MacroString v = MacroString.parse(value, record, valueOffset, false, out);
    return v == null ? null : new SpfTerm.UnknownModifier(name, v);
  }

  private static SpfMechanism invalid(String term, String why, String record, int offset, List<Diagnostic> out) {
    out.add(Diagnostic.error(SpfCodes.SPF_INVALID_TERM, "invalid term '" + term + "': " + why)
        .withReference("RFC 7208 section 5").at(record, offset, term.length()));
    return null;
  }

  private static Optional<MacroString> requiredDomain(String args, String term, String record, int offset,
      int argsOffset, List<Diagnostic> out) {
    if (!args.startsWith(":") || args.length() == 1) {
      invalid(term, "a domain is required after ':'", record, offset, out);
      return Optional.empty();
    }
    return domainSpec(args.substring(1), record, argsOffset + 1, out);
  }

  /** Parses a domain-spec: a macro-string ending in a macro or in "." toplabel ["."]. */
  static Optional<MacroString> domainSpec(String spec, String record, int offset, List<Diagnostic> out) {
    if (spec.isEmpty()) {
      out.add(Diagnostic.error(SpfCodes.SPF_INVALID_DOMAIN_SPEC, "empty domain")
          .withReference("RFC 7208 section 7.1").at(record, offset, 0));
      return Optional.empty();
    }
    MacroString m = MacroString.parse(spec, record, offset, false, out);
    if (m == null) {
      return Optional.empty();
    }
    // domain-end = ( "." toplabel [ "." ] ) / macro-expand, where macro-expand includes the escapes
    // %%, %_ and %-. The check runs on the source text after the last macro-expand.
    String tail = m.literalTail();
    if (!tail.isEmpty() && !endsWithTopLabel(tail)) {
      out.add(Diagnostic.error(SpfCodes.SPF_INVALID_DOMAIN_SPEC,
              "'" + spec + "' does not end in a valid top-level label (a dot and a label that is not all digits)")
          .withReference("RFC 7208 section 7.1 (domain-end)").at(record, offset, spec.length()));
      return Optional.empty();
    }
    return Optional.of(m);
  }

  /** Checks domain-end = "." toplabel ["."] at the end of literal text. */
  private static boolean endsWithTopLabel(String tail) {
    String t = tail.endsWith(".") ? tail.substring(0, tail.length() - 1) : tail;
    int dot = t.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String label = t.substring(dot + 1);
    return isTopLabel(label);
  }

  /** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ). */
  private static boolean isTopLabel(String label) {
    if (label.isEmpty()) {
      return false;
    }
    boolean hasAlpha = false;
    boolean hasHyphen = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (isAlpha(c)) {
        hasAlpha = true;
      } else if (c == '-') {
        hasHyphen = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return false;
    }
    return hasAlpha || hasHyphen;
  }

  private static SpfMechanism parseAddressMechanism(String name, String args, String term, String record,
      int offset, int argsOffset, List<Diagnostic> out) {
    String rest = args;
    OptionalInt ip6 = OptionalInt.empty();
    OptionalInt ip4 = OptionalInt.empty();
    int dbl = rest.lastIndexOf("//");
    if (dbl >= 0 && isDigits(rest.substring(dbl + 2))) {
      ip6 = cidr(rest.substring(dbl + 2), 128, record, argsOffset + dbl + 2, out);
      if (ip6.isEmpty()) {
        return null;
      }
      rest = rest.substring(0, dbl);
    }
    int single = rest.lastIndexOf('/');
    if (single >= 0 && isDigits(rest.substring(single + 1))) {
      ip4 = cidr(rest.substring(single + 1), 32, record, argsOffset + single + 1, out);
      if (ip4.isEmpty()) {
        return null;
      }
      rest = rest.substring(0, single);
    }
    Optional<MacroString> domain = Optional.empty();
    if (!rest.isEmpty()) {
      if (!rest.startsWith(":")) {
        invalid(term, "expected ':domain' or a CIDR length", record, offset, out);
        return null;
      }
      domain = domainSpec(rest.substring(1), record, argsOffset + 1, out);
      if (domain.isEmpty()) {
        return null;
      }
    }
    return name.equals("a") ? new SpfMechanism.A(domain, ip4, ip6) : new SpfMechanism.Mx(domain, ip4, ip6);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static OptionalInt cidr(String digits, int max, String record, int offset, List<Diagnostic> out) {
    boolean leadingZero = digits.length() > 1 && digits.charAt(0) == '0';
    int value = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (leadingZero || value > max) {
      out.add(Diagnostic.error(SpfCodes.SPF_INVALID_CIDR,
              "CIDR length '" + digits + "' is not a number from 0 to " + max)
          .withReference("RFC 7208 section 5.6").at(record, offset, digits.length()));
      return OptionalInt.empty();
    }
    return OptionalInt.of(value);
  }

  private static SpfMechanism parsePtr(String args, String term, String record, int offset, int argsOffset,
      List<Diagnostic> out) {
    if (args.isEmpty()) {
      return new SpfMechanism.Ptr(Optional.empty());
    }
    if (!args.startsWith(":")) {
      return invalid(term, "expected ':domain'", record, offset, out);
    }
    Optional<MacroString> d = domainSpec(args.substring(1), record, argsOffset + 1, out);
    return d.map(x -> (SpfMechanism) new SpfMechanism.Ptr(Optional.of(x))).orElse(null);
  }

  private static SpfMechanism parseIp(String name, String args, String term, String record, int offset,
      int argsOffset, List<Diagnostic> out) {
    if (!args.startsWith(":") || args.length() == 1) {
      return invalid(term, "an address is required after ':'", record, offset, out);
    }
    String value = args.substring(1);
    int slash = value.indexOf('/');
    String addressText = slash < 0 ? value : value.substring(0, slash);
    boolean v4 = name.equals("ip4");
    IpAddress address = IpAddress.parse(addressText).value().orElse(null);
    if (address == null || address.isIpv4() != v4) {
      out.add(Diagnostic.error(SpfCodes.SPF_INVALID_IP,
              "'" + addressText + "' is not a valid " + (v4 ? "IPv4" : "IPv6") + " address")
          .withReference("RFC 7208 section 5.6").at(record, argsOffset + 1, addressText.length()));
      return null;
    }
    int prefix = address.family().bitLength();
    if (slash >= 0) {
      String digits = value.substring(slash + 1);
      if (!isDigits(digits)) {
        out.add(Diagnostic.error(SpfCodes.SPF_INVALID_CIDR, "CIDR length '" + digits + "' is not a number")
            .withReference("RFC 7208 section 5.6").at(record, argsOffset + 2 + slash, digits.length()));
        return null;
      }
      OptionalInt p = cidr(digits, prefix, record, argsOffset + 2 + slash, out);
      if (p.isEmpty()) {
        return null;
      }
      prefix = p.getAsInt();
    }
    IpNetwork network = IpNetwork.of(address, prefix);
    return v4 ? new SpfMechanism.Ip4(network) : new SpfMechanism.Ip6(network);
  }

  /**
   * Selects the SPF record among the TXT records of a domain (RFC 7208 section 4.5): strings of one
   * record are joined without spaces; records of type SPF (99) are ignored; records that do not
   * start with {@code v=spf1} are ignored. Returns the texts of the SPF records found: none, one,
   * or several (which is a {@code permerror}).
   */
  public static List<String> select(List<TxtRecord> records) {
    List<String> found = new ArrayList<>();
    for (TxtRecord r : records) {
      if (r.type() != io.maildiag.dns.RecordType.TXT) {
        continue;
      }
      String text = r.text();
      if (isSpfRecord(text)) {
        found.add(text);
      }
    }
    return List.copyOf(found);
  }

  /** Returns the terms in record order. */
  public List<SpfTerm> terms() {
    return terms;
  }

  /** Returns where term {@code index} is in {@link #text()}. */
  public SourceSpan spanOf(int index) {
    return spans.get(index);
  }

  /** Returns the directives in record order. */
  public List<SpfTerm.Directive> directives() {
    return terms.stream().filter(SpfTerm.Directive.class::isInstance).map(SpfTerm.Directive.class::cast).toList();
  }

  /** Returns the {@code redirect=} modifier, if any. */
  public Optional<SpfTerm.Redirect> redirect() {
    return terms.stream().filter(SpfTerm.Redirect.class::isInstance).map(SpfTerm.Redirect.class::cast).findFirst();
  }

  /** Returns the {@code exp=} modifier, if any. */
  public Optional<SpfTerm.Explanation> explanation() {
    return terms.stream().filter(SpfTerm.Explanation.class::isInstance).map(SpfTerm.Explanation.class::cast)
        .findFirst();
  }

  /** Returns the unknown modifiers, which are ignored. */
  public List<SpfTerm.UnknownModifier> unknownModifiers() {
    return terms.stream().filter(SpfTerm.UnknownModifier.class::isInstance)
        .map(SpfTerm.UnknownModifier.class::cast).toList();
  }

  /** Returns the record text as parsed. */
  public String text() {
    return text;
  }

  /** Returns the canonical rendering: {@code v=spf1} and the terms separated by single spaces. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(VERSION);
    for (SpfTerm t : terms) {
      sb.append(' ').append(t);
    }
    return sb.toString();
  }

  /** Records are equal when their terms are equal (whitespace and positions do not matter). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SpfRecord other && terms.equals(other.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }
}
