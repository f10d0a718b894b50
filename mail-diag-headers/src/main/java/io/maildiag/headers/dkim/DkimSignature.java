package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed {@code DKIM-Signature} field value (RFC 6376 section 3.5), every tag typed.
 *
 * <p>{@link #parse(CharSequence)} checks the syntax and the rules between tags: the required tags
 * ({@code v a b bh d h s}), base64, known algorithm and canonicalization, {@code q=} offering
 * {@code dns/txt}, the {@code i=} domain within {@code d=}, {@code x=} after {@code t=}, and From
 * among the signed fields. Any error fails the parse; the diagnostics say which rule and where.
 * {@code rsa-sha1} and {@code l=} parse, with a warning: the verifier decides about them.
 *
 * @param algorithm {@code a=}
 * @param signatureBase64 {@code b=} with white space removed
 * @param bodyHashBase64 {@code bh=} with white space removed
 * @param headerCanonicalization the header part of {@code c=} (default simple)
 * @param bodyCanonicalization the body part of {@code c=} (default simple)
 * @param domain {@code d=}, the SDID
 * @param selector {@code s=}
 * @param signedHeaders {@code h=}, names as written, in order, duplicates kept
 * @param identity {@code i=}, the AUID, quoted-printable decoded
 * @param bodyLength {@code l=}
 * @param queryMethods {@code q=} (default {@code dns/txt})
 * @param timestamp {@code t=}
 * @param expiration {@code x=}
 * @param copiedHeaders {@code z=}, each {@code name:value} quoted-printable decoded
 * @param tags every tag as written, in order, unknown ones included
 * @since 0.1
 */
public record DkimSignature(
    DkimAlgorithm algorithm,
    String signatureBase64,
    String bodyHashBase64,
    DkimCanonicalization headerCanonicalization,
    DkimCanonicalization bodyCanonicalization,
    DomainName domain,
    String selector,
    List<String> signedHeaders,
    Optional<String> identity,
    OptionalLong bodyLength,
    List<String> queryMethods,
    Optional<Instant> timestamp,
    Optional<Instant> expiration,
    List<String> copiedHeaders,
    List<DkimTag> tags) {

  static final String REFERENCE = "RFC 6376 section 3.5";

  /** Checks for null and copies the lists. */
  public DkimSignature {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(signatureBase64, "signatureBase64");
    Objects.requireNonNull(bodyHashBase64, "bodyHashBase64");
    Objects.requireNonNull(headerCanonicalization, "headerCanonicalization");
    Objects.requireNonNull(bodyCanonicalization, "bodyCanonicalization");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    signedHeaders = List.copyOf(signedHeaders);
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(bodyLength, "bodyLength");
    queryMethods = List.copyOf(queryMethods);
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(expiration, "expiration");
    copiedHeaders = List.copyOf(copiedHeaders);
    tags = List.copyOf(tags);
  }

  /**
   * Parses a {@code DKIM-Signature} field value. Never throws.
   *
   * @param value the field value after the colon, folded or not
   */
  public static ParseResult<DkimSignature> parse(CharSequence value) {
    Objects.requireNonNull(value, "value");
    Parsed p = parseInternal(value.toString(), false);
    return p.result();
  }

  /** Returns the decoded {@code b=}. */
  public byte[] signature() {
    return Base64.getDecoder().decode(signatureBase64);
  }

  /** Returns the decoded {@code bh=}. */
  public byte[] bodyHash() {
    return Base64.getDecoder().decode(bodyHashBase64);
  }

  /** Returns the first 8 characters of {@code b=}, as RFC 6008 {@code header.b} reports them. */
  public String headerB() {
    return signatureBase64.substring(0, Math.min(8, signatureBase64.length()));
  }

  /** Returns whether {@code h=} lists the given field name, ignoring case. */
  public boolean signs(String fieldName) {
    return signedHeaders.stream().anyMatch(h -> h.equalsIgnoreCase(fieldName));
  }

  /** Returns the domain of {@code i=}, or {@link #domain()} when {@code i=} is absent. */
  public DomainName identityDomain() {
    return identity.flatMap(DkimSignature::domainOfIdentity).orElse(domain);
  }

  /** Returns the value of a tag as written, such as an unknown one. */
  public Optional<String> tag(String name) {
    return tags.stream().filter(t -> t.name().equals(name)).map(DkimTag::value).findFirst();
  }

  private static Optional<DomainName> domainOfIdentity(String auid) {
    int at = auid.lastIndexOf('@');
    return DomainName.parse(auid.substring(at + 1)).value();
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing, shared with ARC-Message-Signature.

  /** What a parse found: the tag-list (also when the signature is invalid), the value, the instance. */
  record Parsed(TagList tags, Optional<DkimSignature> signature, int instance) {
    ParseResult<DkimSignature> result() {
      return signature.isPresent() && !tags.hasErrors()
          ? ParseResult.success(signature.get(), tags.diagnostics)
          : ParseResult.failure(ensureError(tags.diagnostics));
    }

    /** The first error's code, or null. */
    @org.jspecify.annotations.Nullable
    Diagnostic firstError() {
      return tags.diagnostics.stream().filter(Diagnostic::isError).findFirst().orElse(null);
    }
  }

  static List<Diagnostic> ensureError(List<Diagnostic> diagnostics) {
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return diagnostics;
    }
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.add(Diagnostic.error(DkimCodes.DKIM_TAG_SYNTAX, "invalid tag-list"));
    return out;
  }

  /**
   * Parses a DKIM-Signature value, or with {@code arc} an ARC-Message-Signature value, whose
   * {@code i=} is the instance and which has no {@code v=}.
   */
  static Parsed parseInternal(String value, boolean arc) {
    TagList t = TagList.parse(value, arc ? "RFC 8617 section 4.1.2" : REFERENCE);
    int instance = 0;
    if (t.hasErrors()) {
      return new Parsed(t, Optional.empty(), instance);
    }
    List<String> required = arc ? List.of("i", "a", "b", "bh", "d", "h", "s") : List.of("v", "a", "b", "bh", "d", "h", "s");
    for (String name : required) {
      if (t.get(name).isEmpty()) {
        t.error(DkimCodes.DKIM_MISSING_TAG, "required tag " + name + "= is missing", 0, value.length());
      }
    }
    if (!arc) {
      t.get("v").ifPresent(v -> {
        if (!v.value().equals("1")) {
          t.error(DkimCodes.DKIM_UNSUPPORTED_VERSION, "v=" + TagList.clip(v.value()) + " is not 1",
              v.valueStart(), v.valueEnd() - v.valueStart());
        }
      });
    } else {
      instance = t.get("i").map(i -> parseInstance(t, i)).orElse(0);
    }
    DkimAlgorithm algorithm = t.get("a").map(a -> {
      Optional<DkimAlgorithm> alg = DkimAlgorithm.of(a.value());
      if (alg.isEmpty()) {
        t.error(DkimCodes.DKIM_UNKNOWN_ALGORITHM, "unknown algorithm a=" + TagList.clip(a.value()),
            a.valueStart(), a.valueEnd() - a.valueStart());
      } else if (alg.get() == DkimAlgorithm.RSA_SHA1) {
        t.add(DkimCodes.DKIM_RSA_SHA1, Severity.WARNING, "rsa-sha1 must not be used (RFC 8301 section 3.1)",
            a.valueStart(), a.valueEnd() - a.valueStart());
      }
      return alg.orElse(null);
    }).orElse(null);
    String b = t.get("b").map(e -> base64(t, e)).orElse(null);
    String bh = t.get("bh").map(e -> base64(t, e)).orElse(null);

    DkimCanonicalization hc = DkimCanonicalization.SIMPLE;
    DkimCanonicalization bc = DkimCanonicalization.SIMPLE;
    Optional<TagList.Entry> c = t.get("c");
    if (c.isPresent()) {
      String cv = c.get().value();
      int slash = cv.indexOf('/');
      String hs = slash < 0 ? cv : cv.substring(0, slash);
      String bs = slash < 0 ? "simple" : cv.substring(slash + 1);
      Optional<DkimCanonicalization> h = DkimCanonicalization.of(hs.strip());
      Optional<DkimCanonicalization> bo = DkimCanonicalization.of(bs.strip());
      if (h.isEmpty() || bo.isEmpty()) {
        t.error(DkimCodes.DKIM_UNKNOWN_CANONICALIZATION, "unknown canonicalization c=" + TagList.clip(cv),
            c.get().valueStart(), cv.length());
      } else {
        hc = h.get();
        bc = bo.get();
      }
    }

    DomainName domain = t.get("d").map(d -> {
      ParseResult<DomainName> pd = DomainName.parse(d.value());
      if (pd.value().isEmpty() || d.value().isEmpty() || pd.value().get().isRoot()) {
        t.error(DkimCodes.DKIM_INVALID_DOMAIN, "d=" + TagList.clip(d.value()) + " is not a domain name",
            d.valueStart(), d.valueEnd() - d.valueStart());
        return null;
      }
      return pd.value().get();
    }).orElse(null);

    String selector = t.get("s").map(s -> {
      if (!isSelector(s.value())) {
        t.error(DkimCodes.DKIM_INVALID_SELECTOR, "s=" + TagList.clip(s.value()) + " is not a valid selector",
            s.valueStart(), s.valueEnd() - s.valueStart());
        return null;
      }
      return s.value();
    }).orElse(null);

    List<String> signed = new ArrayList<>();
    t.get("h").ifPresent(h -> {
      for (String name : h.value().split(":", -1)) {
        String n = name.strip();
        if (n.isEmpty() || !isFieldName(n)) {
          t.error(DkimCodes.DKIM_INVALID_TAG_VALUE, "h= holds an empty or invalid field name",
              h.valueStart(), h.valueEnd() - h.valueStart());
          return;
        }
        signed.add(n);
      }
      if (!arc && signed.stream().noneMatch(n -> n.equalsIgnoreCase("from"))) {
        t.error(DkimCodes.DKIM_FROM_NOT_SIGNED, "h= does not list From, which must be signed (RFC 6376 section 5.4)",
            h.valueStart(), h.valueEnd() - h.valueStart());
      }
    });

    Optional<String> identity = Optional.empty();
    if (!arc && t.get("i").isPresent()) {
      TagList.Entry i = t.get("i").get();
      String auid = decodeQuotedPrintable(TagList.compact(i.value()));
      int at = auid.lastIndexOf('@');
      Optional<DomainName> idom = at < 0 ? Optional.empty() : DomainName.parse(auid.substring(at + 1)).value();
      if (idom.isEmpty()) {
        t.error(DkimCodes.DKIM_INVALID_TAG_VALUE, "i=" + TagList.clip(auid) + " is not [local-part]@domain",
            i.valueStart(), i.valueEnd() - i.valueStart());
      } else if (domain != null && !idom.get().isSubdomainOf(domain)) {
        t.error(DkimCodes.DKIM_AUID_NOT_IN_SDID, "the i= domain " + idom.get() + " is not d=" + domain
            + " or a subdomain of it", i.valueStart(), i.valueEnd() - i.valueStart());
      }
      identity = Optional.of(auid);
    }

    OptionalLong length = OptionalLong.empty();
    Optional<TagList.Entry> l = t.get("l");
    if (l.isPresent()) {
      Long n = digits(t, l.get(), 76);
      if (n != null) {
        length = OptionalLong.of(n);
        t.add(DkimCodes.DKIM_BODY_LENGTH_TAG, Severity.WARNING,
            "l=" + n + ": content appended after the signed length is not covered (RFC 6376 section 8.2)",
            l.get().nameStart(), l.get().valueEnd() - l.get().nameStart());
      }
    }

    List<String> queries = new ArrayList<>();
    Optional<TagList.Entry> q = t.get("q");
    if (q.isPresent()) {
      for (String m : q.get().value().split(":", -1)) {
        queries.add(m.strip());
      }
      if (queries.stream().noneMatch(m -> LowerCase.root(m).startsWith("dns/txt"))) {
        t.error(DkimCodes.DKIM_UNSUPPORTED_QUERY_METHOD, "q=" + TagList.clip(q.get().value())
            + " does not offer dns/txt", q.get().valueStart(), q.get().valueEnd() - q.get().valueStart());
      }
    } else {
      queries.add("dns/txt");
    }

    Optional<Instant> ts = t.get("t").map(e -> digits(t, e, 12)).map(Instant::ofEpochSecond);
    Optional<Instant> exp = t.get("x").map(e -> digits(t, e, 12)).map(Instant::ofEpochSecond);
    if (ts.isPresent() && exp.isPresent() && !exp.get().isAfter(ts.get())) {
      TagList.Entry x = t.get("x").get();
      t.error(DkimCodes.DKIM_EXPIRES_BEFORE_TIMESTAMP, "x=" + x.value() + " is not after t=" + t.get("t").get().value(),
          x.nameStart(), x.valueEnd() - x.nameStart());
    }

    List<String> copied = new ArrayList<>();
    t.get("z").ifPresent(z -> {
      for (String part : TagList.compact(z.value()).split("\\|", -1)) {
        copied.add(decodeQuotedPrintable(part));
      }
    });

    if (t.hasErrors() || algorithm == null || b == null || bh == null || domain == null || selector == null) {
      return new Parsed(t, Optional.empty(), instance);
    }
    DkimSignature sig = new DkimSignature(algorithm, b, bh, hc, bc, domain, selector, signed, identity, length,
        queries, ts, exp, copied, t.tags());
    return new Parsed(t, Optional.of(sig), instance);
  }

  static int parseInstance(TagList t, TagList.Entry i) {
    String v = i.value();
    if (v.isEmpty() || v.length() > 2 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')
        || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 50) {
      t.error(DkimCodes.ARC_INVALID_INSTANCE, "i=" + TagList.clip(v) + " is not an instance in 1..50",
          i.valueStart(), i.valueEnd() - i.valueStart());
      return 0;
    }
    return Integer.parseInt(v);
  }

  /** Returns the compacted base64 of the tag, or null after reporting an error. */
  static @org.jspecify.annotations.Nullable String base64(TagList t, TagList.Entry e) {
    String s = TagList.compact(e.value());
    if (s.isEmpty() || decodeBase64(s) == null) {
      t.error(DkimCodes.DKIM_INVALID_BASE64, e.name() + "= is " + (s.isEmpty() ? "empty" : "not valid base64"),
          e.valueStart(), e.valueEnd() - e.valueStart());
      return null;
    }
    return s;
  }

  /** Decodes strict base64 (padding optional, nothing after padding); null if invalid. */
  static byte @org.jspecify.annotations.Nullable [] decodeBase64(String s) {
    int pad = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
      if (c == '=') {
        pad++;
      } else if (!alpha || pad > 0) {
        return null;
      }
    }
    if (pad > 2 || (pad > 0 && s.length() % 4 != 0) || s.length() % 4 == 1) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @org.jspecify.annotations.Nullable Long digits(TagList t, TagList.Entry e, int max) {
    String v = e.value();
    if (v.isEmpty() || v.length() > max || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      t.error(DkimCodes.DKIM_INVALID_TAG_VALUE, e.name() + "=" + TagList.clip(v) + " is not a number of at most "
          + max + " digits", e.valueStart(), e.valueEnd() - e.valueStart());
      return null;
    }
    if (v.length() > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(v);
  }

  static boolean isSelector(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    for (String label : s.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean isFieldName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 32 || c >= 127 || c == ':') {
        return false;
      }
    }
    return true;
  }

  /** Decodes DKIM quoted-printable (RFC 6376 section 2.11): {@code =XX} hex escapes. */
  static String decodeQuotedPrintable(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        int cp = s.codePointAt(i);
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** Returns the tags as written, {@code v=1; a=rsa-sha256; ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (DkimTag tag : tags) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(tag);
    }
    return sb.toString();
  }
}
