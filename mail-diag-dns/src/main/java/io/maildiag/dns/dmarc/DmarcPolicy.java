package io.maildiag.dns.dmarc;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.internal.LowerCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A parsed DMARC policy record ({@code v=DMARC1; p=...}), per RFC 9989 section 4.7 and RFC 7489
 * section 6.3.
 *
 * <p>Each tag component is present only when the record states it; the {@code effective...}
 * methods apply the defaults. The removed tags {@code pct}, {@code rf} and {@code ri} are parsed
 * and flagged. Unknown tags are kept in {@link #unknownTags()}, and tags with an invalid value in
 * {@link #invalidTags()}, so that {@link #toString()} renders the record canonically and parses
 * back equal.
 *
 * <p>{@link #parse(String)} is lenient the way receivers are: only a record that does not begin
 * with {@code v=DMARC1} fails; every other problem is a positioned diagnostic and the faulty tag
 * is treated as absent (RFC 7489 section 6.6.3 then tells receivers what to do with a record
 * without a valid {@code p}: see {@link #isUsable()}).
 *
 * <p>Choices: tag names and keyword values are case-insensitive (ABNF quoted strings); the value
 * {@code DMARC1} must match exactly (RFC 9989: "MUST match precisely"); whitespace before {@code
 * v=} is accepted here with a warning but makes {@link DmarcRecordLookup} ignore the TXT record,
 * since the ABNF allows none.
 *
 * @param p the {@code p} tag: the policy for the domain itself
 * @param sp the {@code sp} tag: the policy for existing subdomains
 * @param np the {@code np} tag: the policy for non-existent subdomains (RFC 9989, RFC 9091)
 * @param adkim the {@code adkim} tag
 * @param aspf the {@code aspf} tag
 * @param fo the {@code fo} options ({@code 0}, {@code 1}, {@code d}, {@code s}) in order
 * @param rua the aggregate report URIs
 * @param ruf the failure report URIs
 * @param psd the {@code psd} tag (RFC 9989)
 * @param testing the {@code t} tag (RFC 9989): true for {@code t=y}
 * @param pct the removed {@code pct} tag (RFC 7489)
 * @param rf the removed {@code rf} tag (RFC 7489), as published
 * @param ri the removed {@code ri} tag (RFC 7489), in seconds
 * @param unknownTags tags DMARC does not define, in order
 * @param invalidTags known tags whose value is invalid, in order, as published
 * @since 0.1
 */
public record DmarcPolicy(
    Optional<DmarcDisposition> p,
    Optional<DmarcDisposition> sp,
    Optional<DmarcDisposition> np,
    Optional<AlignmentMode> adkim,
    Optional<AlignmentMode> aspf,
    List<String> fo,
    List<DmarcUri> rua,
    List<DmarcUri> ruf,
    Optional<PsdFlag> psd,
    Optional<Boolean> testing,
    OptionalInt pct,
    Optional<String> rf,
    OptionalLong ri,
    List<DmarcTag> unknownTags,
    List<DmarcTag> invalidTags) {

  /** The most diagnostics one parse reports. */
  public static final int MAX_DIAGNOSTICS = 100;

  /** Checks for null and copies the lists. */
  public DmarcPolicy {
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(sp, "sp");
    Objects.requireNonNull(np, "np");
    Objects.requireNonNull(adkim, "adkim");
    Objects.requireNonNull(aspf, "aspf");
    fo = List.copyOf(fo);
    rua = List.copyOf(rua);
    ruf = List.copyOf(ruf);
    Objects.requireNonNull(psd, "psd");
    Objects.requireNonNull(testing, "testing");
    Objects.requireNonNull(pct, "pct");
    Objects.requireNonNull(rf, "rf");
    Objects.requireNonNull(ri, "ri");
    unknownTags = List.copyOf(unknownTags);
    invalidTags = List.copyOf(invalidTags);
  }

  /** Returns a record with only {@code p} set: {@code v=DMARC1; p=<p>}. */
  public static DmarcPolicy of(DmarcDisposition p) {
    return new DmarcPolicy(Optional.of(p), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), List.of(), List.of());
  }

  /** Returns {@code adkim}, defaulting to relaxed. */
  public AlignmentMode effectiveAdkim() {
    return adkim.orElse(AlignmentMode.RELAXED);
  }

  /** Returns {@code aspf}, defaulting to relaxed. */
  public AlignmentMode effectiveAspf() {
    return aspf.orElse(AlignmentMode.RELAXED);
  }

  /** Returns {@code psd}, defaulting to {@code u}. */
  public PsdFlag effectivePsd() {
    return psd.orElse(PsdFlag.U);
  }

  /** Returns whether {@code t=y} (test mode) is set; the default is {@code n}. */
  public boolean isTesting() {
    return testing.orElse(false);
  }

  /** Returns whether {@code rua} holds at least one well-formed URI. */
  public boolean hasValidRua() {
    return rua.stream().anyMatch(DmarcUri::isWellFormed);
  }

  /** Returns whether a tag named {@code name} was published with an invalid value. */
  public boolean hasInvalid(String name) {
    return invalidTags.stream().anyMatch(t -> t.name().equals(name));
  }

  /**
   * Returns whether a receiver applies this record: it has a valid {@code p} and no invalid
   * {@code sp} or {@code np}, or else {@code rua} holds a valid URI, in which case receivers act
   * as if {@code p=none} were published (RFC 7489 section 6.6.3, kept by RFC 9989).
   */
  public boolean isUsable() {
    boolean valid = p.isPresent() && !hasInvalid("sp") && !hasInvalid("np");
    return valid || hasValidRua();
  }

  /**
   * Returns the policy a receiver applies to the domain itself: {@code p}, or {@code none} when the
   * record is {@linkplain #isUsable() usable} only through {@code rua}; empty if unusable.
   */
  public Optional<DmarcDisposition> effectiveP() {
    if (p.isPresent() && !hasInvalid("sp") && !hasInvalid("np")) {
      return p;
    }
    return hasValidRua() ? Optional.of(DmarcDisposition.NONE) : Optional.empty();
  }

  /**
   * Returns whether {@code text} begins with a DMARC version tag exactly as the ABNF allows: {@code
   * v} (either case), optional blanks, {@code =}, optional blanks, {@code DMARC1}, then the end,
   * blanks or {@code ;}. No leading whitespace is allowed.
   */
  public static boolean isDmarcRecord(String text) {
    int i = 0;
    int n = text.length();
    if (n == 0 || (text.charAt(0) != 'v' && text.charAt(0) != 'V')) {
      return false;
    }
    i = skipWsp(text, 1);
    if (i >= n || text.charAt(i) != '=') {
      return false;
    }
    i = skipWsp(text, i + 1);
    if (!text.startsWith("DMARC1", i)) {
      return false;
    }
    i = skipWsp(text, i + 6);
    return i == n || text.charAt(i) == ';';
  }

  private static int skipWsp(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Parses a DMARC record. Never throws; see the class comment for what fails. */
  public static ParseResult<DmarcPolicy> parse(String input) {
    Objects.requireNonNull(input, "input");
    return new Parser(input).run();
  }

  /**
   * Returns the canonical form: {@code v=DMARC1}, then the tags present in the order {@code p, sp,
   * np, adkim, aspf, fo, rua, ruf, psd, t, pct, rf, ri}, then unknown and invalid tags as
   * published, separated by {@code "; "}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("v=DMARC1");
    p.ifPresent(v -> sb.append("; p=").append(v.tagValue()));
    sp.ifPresent(v -> sb.append("; sp=").append(v.tagValue()));
    np.ifPresent(v -> sb.append("; np=").append(v.tagValue()));
    adkim.ifPresent(v -> sb.append("; adkim=").append(v.tagValue()));
    aspf.ifPresent(v -> sb.append("; aspf=").append(v.tagValue()));
    if (!fo.isEmpty()) {
      sb.append("; fo=").append(String.join(":", fo));
    }
    appendUris(sb, "rua", rua);
    appendUris(sb, "ruf", ruf);
    psd.ifPresent(v -> sb.append("; psd=").append(v.tagValue()));
    testing.ifPresent(v -> sb.append("; t=").append(v ? "y" : "n"));
    pct.ifPresent(v -> sb.append("; pct=").append(v));
    rf.ifPresent(v -> sb.append("; rf=").append(v));
    ri.ifPresent(v -> sb.append("; ri=").append(v));
    for (DmarcTag t : unknownTags) {
      sb.append("; ").append(t);
    }
    for (DmarcTag t : invalidTags) {
      sb.append("; ").append(t);
    }
    return sb.toString();
  }

  private static void appendUris(StringBuilder sb, String name, List<DmarcUri> uris) {
    if (!uris.isEmpty()) {
      sb.append("; ").append(name).append('=');
      for (int i = 0; i < uris.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(uris.get(i));
      }
    }
  }

  /** One parse; not reused. */
  private static final class Parser {
    private final String in;
    private final List<Diagnostic> out = new ArrayList<>();
    private Optional<DmarcDisposition> p = Optional.empty();
    private Optional<DmarcDisposition> sp = Optional.empty();
    private Optional<DmarcDisposition> np = Optional.empty();
    private Optional<AlignmentMode> adkim = Optional.empty();
    private Optional<AlignmentMode> aspf = Optional.empty();
    private List<String> fo = List.of();
    private List<DmarcUri> rua = List.of();
    private List<DmarcUri> ruf = List.of();
    private Optional<PsdFlag> psd = Optional.empty();
    private Optional<Boolean> t = Optional.empty();
    private OptionalInt pct = OptionalInt.empty();
    private Optional<String> rf = Optional.empty();
    private OptionalLong ri = OptionalLong.empty();
    private final List<DmarcTag> unknown = new ArrayList<>();
    private final List<DmarcTag> invalid = new ArrayList<>();

    Parser(String in) {
      this.in = in;
    }

    /**
     * {@link #add(Diagnostic)} pointing at {@code length} chars at {@code offset}: the span is
     * located only for a diagnostic that is kept (locating one reads the input up to it, and a
     * record of thousands of empty tags would read it once for each).
     */
    private void add(Diagnostic d, int offset, int length) {
      add(out.size() < MAX_DIAGNOSTICS ? d.at(in, offset, length) : d);
    }

    private void add(Diagnostic d) {
      if (out.size() < MAX_DIAGNOSTICS) {
        out.add(d);
      } else if (out.size() == MAX_DIAGNOSTICS) {
        out.add(Diagnostic.warning(DmarcCodes.DMARC_TOO_MANY_ERRORS,
            "stopped reporting after " + MAX_DIAGNOSTICS + " diagnostics").at(in, 0, 0));
      }
    }

    private static boolean isWs(char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    ParseResult<DmarcPolicy> run() {
      int n = in.length();
      int lead = 0;
      while (lead < n && isWs(in.charAt(lead))) {
        lead++;
      }
      // Split into segments at ';', remembering offsets.
      List<int[]> segs = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= n; i++) {
        if (i == n || in.charAt(i) == ';') {
          int a = start;
          int b = i;
          while (a < b && isWs(in.charAt(a))) {
            a++;
          }
          while (b > a && isWs(in.charAt(b - 1))) {
            b--;
          }
          segs.add(new int[] {a, b, i});
          start = i + 1;
        }
      }
      int[] first = segs.get(0);
      String firstText = in.substring(first[0], first[1]);
      int eq = firstText.indexOf('=');
      boolean versionOk = eq > 0
          && firstText.substring(0, eq).strip().equalsIgnoreCase("v")
          && firstText.substring(eq + 1).strip().equals("DMARC1");
      if (!versionOk) {
        String msg = eq > 0 && firstText.substring(0, eq).strip().equalsIgnoreCase("v")
                && firstText.substring(eq + 1).strip().equalsIgnoreCase("DMARC1")
            ? "the version must be exactly 'DMARC1' (upper case); receivers ignore this record"
            : "a DMARC record must begin with v=DMARC1";
        add(Diagnostic.error(DmarcCodes.DMARC_NOT_DMARC1, msg)
            .withReference("RFC 9989 section 4.7"), first[0], Math.max(0, first[1] - first[0]));
        return ParseResult.failure(out);
      }
      if (lead > 0) {
        add(Diagnostic.warning(DmarcCodes.DMARC_LEADING_WHITESPACE,
                "whitespace before v=DMARC1: the record grammar allows none and some receivers ignore the record")
            .withReference("RFC 7489 section 6.4"), 0, lead);
      }
      Set<String> seen = new HashSet<>();
      seen.add("v");
      int tagIndex = 0;
      int pIndex = -1;
      for (int s = 1; s < segs.size(); s++) {
        int a = segs.get(s)[0];
        int b = segs.get(s)[1];
        if (a == b) {
          if (s < segs.size() - 1) {
            add(Diagnostic.warning(DmarcCodes.DMARC_EMPTY_TAG, "empty tag between separators"), a, 0);
          }
          continue;
        }
        tagIndex++;
        String seg = in.substring(a, b);
        int e = seg.indexOf('=');
        if (e < 0) {
          add(Diagnostic.error(DmarcCodes.DMARC_INVALID_TAG, "tag '" + seg + "' has no '='"), a, b - a);
          continue;
        }
        String rawName = seg.substring(0, e).strip();
        if (!isTagName(rawName)) {
          add(Diagnostic.error(DmarcCodes.DMARC_INVALID_TAG, "'" + rawName + "' is not a valid tag name"),
              a, Math.max(1, e));
          continue;
        }
        String name = LowerCase.root(rawName);
        int vs = a + e + 1;
        while (vs < b && isWs(in.charAt(vs))) {
          vs++;
        }
        String value = in.substring(vs, b);
        if (!seen.add(name)) {
          add(Diagnostic.error(DmarcCodes.DMARC_DUPLICATE_TAG,
                  "tag '" + name + "' appears more than once; the first is used"), a, b - a);
          continue;
        }
        if (name.equals("p")) {
          pIndex = tagIndex;
        }
        tag(name, value, a, b, vs);
      }
      if (p.isEmpty() && !invalid.stream().anyMatch(x -> x.name().equals("p"))) {
        add(Diagnostic.warning(DmarcCodes.DMARC_MISSING_P,
                "no p tag: RFC 7489 requires one; receivers act as if p=none only when rua holds a valid URI, "
                    + "and otherwise ignore the record")
            .withReference("RFC 9989 section 4.7; RFC 7489 section 6.6.3"), n, 0);
      } else if (pIndex > 1) {
        add(Diagnostic.info(DmarcCodes.DMARC_P_NOT_SECOND,
                "p is not the tag right after v; RFC 7489 required that order, RFC 9989 does not")
            .withReference("RFC 7489 section 6.3"), first[0], first[1] - first[0]);
      }
      DmarcPolicy policy = new DmarcPolicy(p, sp, np, adkim, aspf, fo, rua, ruf, psd, t, pct, rf, ri,
          unknown, invalid);
      return ParseResult.success(policy, out);
    }

    private static boolean isTagName(String s) {
      if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 0x7f) {
        return false;
      }
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
          return false;
        }
      }
      return true;
    }

    private void bad(String name, String value, int vs, int b, String why) {
      invalid.add(new DmarcTag(name, value));
      add(Diagnostic.error(DmarcCodes.DMARC_INVALID_VALUE, "invalid value '" + value + "' for " + name + ": " + why)
          .withReference("RFC 9989 section 4.7"), vs, b - vs);
    }

    private void removed(String name, int a, int b, String extra) {
      add(Diagnostic.warning(DmarcCodes.DMARC_REMOVED_TAG,
              "tag '" + name + "' was removed by RFC 9989 and is ignored by its receivers" + extra)
          .withReference("RFC 9989 appendix A"), a, b - a);
    }

    private void tag(String name, String value, int a, int b, int vs) {
      String lower = LowerCase.root(value);
      switch (name) {
        case "p", "sp", "np" -> {
          Optional<DmarcDisposition> d = DmarcDisposition.fromTagValue(value);
          if (d.isEmpty()) {
            bad(name, value, vs, b, "expected none, quarantine or reject");
          } else if (name.equals("p")) {
            p = d;
          } else if (name.equals("sp")) {
            sp = d;
          } else {
            np = d;
          }
        }
        case "adkim", "aspf" -> {
          Optional<AlignmentMode> m = lower.equals("r") ? Optional.of(AlignmentMode.RELAXED)
              : lower.equals("s") ? Optional.of(AlignmentMode.STRICT) : Optional.empty();
          if (m.isEmpty()) {
            bad(name, value, vs, b, "expected r or s");
          } else if (name.equals("adkim")) {
            adkim = m;
          } else {
            aspf = m;
          }
        }
        case "psd" -> {
          switch (lower) {
            case "y" -> psd = Optional.of(PsdFlag.Y);
            case "n" -> psd = Optional.of(PsdFlag.N);
            case "u" -> psd = Optional.of(PsdFlag.U);
            default -> bad(name, value, vs, b, "expected y, n or u");
          }
        }
        case "t" -> {
          switch (lower) {
            case "y" -> t = Optional.of(true);
            case "n" -> t = Optional.of(false);
            default -> bad(name, value, vs, b, "expected y or n");
          }
        }
        case "fo" -> {
          List<String> opts = new ArrayList<>();
          for (String o : lower.split(":", -1)) {
            String x = o.strip();
            if (!(x.equals("0") || x.equals("1") || x.equals("d") || x.equals("s"))) {
              opts = null;
              break;
            }
            opts.add(x);
          }
          if (opts == null) {
            bad(name, value, vs, b, "expected options 0, 1, d, s separated by ':'");
          } else {
            fo = opts;
          }
        }
        case "rua", "ruf" -> {
          List<DmarcUri> uris = uris(value, vs);
          if (uris.isEmpty()) {
            bad(name, value, vs, b, "expected a comma-separated list of URIs");
          } else if (name.equals("rua")) {
            rua = uris;
          } else {
            ruf = uris;
          }
        }
        case "pct" -> {
          int v = smallInt(value, 100);
          if (v < 0) {
            invalid.add(new DmarcTag(name, value));
            removed(name, a, b, "; its value is not an integer from 0 to 100 either");
          } else {
            pct = OptionalInt.of(v);
            removed(name, a, b, v == 100 ? "" : "; RFC 7489 receivers apply the policy to " + v + "% of failing mail");
          }
        }
        case "rf" -> {
          if (!lower.matches("[a-z0-9-]+( *: *[a-z0-9-]+)*")) {
            invalid.add(new DmarcTag(name, value));
          } else {
            rf = Optional.of(value);
          }
          add(Diagnostic.info(DmarcCodes.DMARC_REMOVED_TAG,
                  "tag 'rf' was removed by RFC 9989; failure reports use ARF (RFC 9991)"), a, b - a);
        }
        case "ri" -> {
          long v = value.matches("[0-9]{1,10}") ? Long.parseLong(value) : -1;
          if (v < 0 || v > 0xFFFFFFFFL) {
            invalid.add(new DmarcTag(name, value));
          } else {
            ri = OptionalLong.of(v);
          }
          add(Diagnostic.info(DmarcCodes.DMARC_REMOVED_TAG,
                  "tag 'ri' was removed by RFC 9989; aggregate reports are daily"), a, b - a);
        }
        default -> {
          unknown.add(new DmarcTag(name, value));
          add(Diagnostic.info(DmarcCodes.DMARC_UNKNOWN_TAG, "unknown tag '" + name + "' is ignored")
              .withReference("RFC 9989 section 4.7"), a, b - a);
        }
      }
    }

    private static int smallInt(String v, int max) {
      if (!v.matches("[0-9]{1,3}")) {
        return -1;
      }
      int i = Integer.parseInt(v);
      return i <= max ? i : -1;
    }

    private List<DmarcUri> uris(String value, int vs) {
      List<DmarcUri> list = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= value.length(); i++) {
        if (i == value.length() || value.charAt(i) == ',') {
          int a = start;
          int b = i;
          while (a < b && isWs(value.charAt(a))) {
            a++;
          }
          while (b > a && isWs(value.charAt(b - 1))) {
            b--;
          }
          start = i + 1;
          if (a == b) {
            add(Diagnostic.error(DmarcCodes.DMARC_INVALID_URI, "empty URI in list"), vs + a, 0);
            continue;
          }
          String raw = value.substring(a, b);
          Optional<String> size = Optional.empty();
          String uri = raw;
          int bang = raw.lastIndexOf('!');
          if (bang >= 0 && raw.substring(bang + 1).matches("(?i)[0-9]+[kmgt]?")) {
            uri = raw.substring(0, bang);
            size = Optional.of(raw.substring(bang + 1));
            add(Diagnostic.warning(DmarcCodes.DMARC_OBSOLETE_URI_SIZE,
                    "the !size suffix is obsolete; RFC 9989 reporters ignore it")
                .withReference("RFC 9989 appendix A; RFC 7489 section 6.2"), vs + a + bang, b - a - bang);
          }
          DmarcUri u = new DmarcUri(uri, size);
          if (!u.isWellFormed()) {
            add(Diagnostic.error(DmarcCodes.DMARC_INVALID_URI, "'" + uri + "' is not a valid URI")
                .withReference("RFC 3986; RFC 9989 section 4.7"), vs + a, uri.length());
          } else if (!u.isMailto()) {
            add(Diagnostic.warning(DmarcCodes.DMARC_URI_SCHEME,
                    "only mailto: report URIs are widely supported"), vs + a, uri.length());
          }
          list.add(u);
        }
      }
      return list;
    }
  }
}
