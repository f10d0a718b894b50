package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.internal.LowerCase;
import io.maildiag.dns.DnsResolver;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the {@code DKIM-Signature} fields of a message (RFC 6376 section 6, RFC 8301, RFC
 * 8463): the front door of DKIM verification.
 *
 * <pre>{@code
 * DkimVerifier dkim = DkimVerifier.builder().resolver(DnsResolver.system()).build();
 * DkimVerification v = dkim.verify(Files.readAllBytes(Path.of("message.eml")));
 * for (DkimSignatureResult s : v.signatures()) {
 *   System.out.println(s.result() + " " + s.domain() + " " + s.failure());
 * }
 * }</pre>
 *
 * <p>Each signature is checked in the order of RFC 6376 section 6.1, and the first rule it breaks
 * is its {@link DkimFailure}: syntax and tag rules, From (and any {@linkplain
 * Builder#requireSignedHeaders configured field}) among the signed fields, {@code x=} and {@code
 * t=} against the {@linkplain Builder#clock clock} with {@linkplain Builder#clockSkew skew}, {@code
 * rsa-sha1} refused, the key fetched as TXT at {@code <s>._domainkey.<d>} (strings joined) and
 * checked (revoked, {@code s=}, {@code k=} against {@code a=}, {@code h=}, {@code t=s}, RSA keys of
 * at least 1024 bits), then the body hash and the signature. Algorithms: {@code rsa-sha256} and
 * {@code ed25519-sha256} (PureEdDSA over the SHA-256 hash of the data, as RFC 8463 section 3
 * says).
 *
 * <p>A signature with {@code l=} that leaves part of the body unsigned passes with a {@link
 * DkimCodes#DKIM_PARTIAL_BODY} finding, or gets {@link DkimResult#POLICY} with {@link
 * Builder#rejectPartialBody(boolean)}.
 *
 * <p>Immutable and safe for concurrent use; share one instance.
 *
 * @since 0.1
 */
public final class DkimVerifier {

  /** The default tolerance for {@code t=} in the future and {@code x=} in the past: {@value} seconds. */
  public static final int DEFAULT_CLOCK_SKEW_SECONDS = 300;

  /** The default number of signatures checked per message: {@value}. */
  public static final int DEFAULT_MAX_SIGNATURES = 10;

  private final DnsResolver resolver;
  private final Clock clock;
  private final Duration clockSkew;
  private final Set<String> requiredHeaders;
  private final boolean rejectPartialBody;
  private final int maxSignatures;
  private final Limits limits;

  private DkimVerifier(Builder b) {
    this.resolver = b.resolver == null ? DnsResolver.system() : b.resolver;
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    this.requiredHeaders = Set.copyOf(b.requiredHeaders);
    this.rejectPartialBody = b.rejectPartialBody;
    this.maxSignatures = b.maxSignatures;
    this.limits = b.limits;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies every DKIM-Signature of a message given as its octets. Never throws on bad input:
   * malformed header lines are skipped and reported in {@link DkimVerification#diagnostics()};
   * bare LF line ends are read as CRLF.
   *
   * @param rawMessage the message as received: header section, empty line, body
   */
  public DkimVerification verify(byte[] rawMessage) {
    Objects.requireNonNull(rawMessage, "rawMessage");
    if (rawMessage.length > limits.maxInputBytes()) {
      return new DkimVerification(List.of(), List.of(Diagnostic.error(DkimCodes.DKIM_MALFORMED_MESSAGE,
          "the message of " + rawMessage.length + " bytes exceeds the limit of " + limits.maxInputBytes())));
    }
    RawMessage m = RawMessage.parse(rawMessage);
    return verify(m.fields(), m.body(), m.diagnostics());
  }

  /**
   * Verifies every DKIM-Signature among the given fields, as they appeared (their {@link
   * HeaderField#raw()} text is signed, encoded as UTF-8), over the given body.
   *
   * @param headerFields the message's header fields, top first
   * @param body the body octets, CRLF line ends (bare LF is read as CRLF)
   */
  public DkimVerification verify(List<HeaderField> headerFields, byte[] body) {
    Objects.requireNonNull(headerFields, "headerFields");
    Objects.requireNonNull(body, "body");
    List<RawField> fields = new ArrayList<>(headerFields.size());
    for (HeaderField f : headerFields) {
      fields.add(RawField.fromText(f.raw()));
    }
    return verify(fields, RawMessage.toCrlf(body), List.of());
  }

  /**
   * Verifies every DKIM-Signature of a parsed header section over the given body. The fields'
   * raw text is encoded with {@link HeaderSection#charset()}, which gives back the octets that were
   * parsed.
   *
   * @param header the parsed header section
   * @param body the body octets (the message from {@link HeaderSection#bodyOffset()} on)
   */
  public DkimVerification verify(HeaderSection header, byte[] body) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    List<RawField> fields = new ArrayList<>(header.size());
    for (HeaderField f : header.fields()) {
      fields.add(RawField.fromText(f.raw(), header.charset()));
    }
    return verify(fields, RawMessage.toCrlf(body), List.of());
  }

  private DkimVerification verify(List<RawField> fields, byte[] body, List<Diagnostic> messageDiagnostics) {
    List<Diagnostic> diagnostics = new ArrayList<>(messageDiagnostics);
    SignatureChecker checker = new SignatureChecker(new KeyFetcher(resolver),
        new SignatureChecker.Settings(clock, clockSkew, requiredHeaders, rejectPartialBody), fields, body);
    List<DkimSignatureResult> results = new ArrayList<>();
    int seen = 0;
    for (int i = 0; i < fields.size(); i++) {
      if (!fields.get(i).nameIs("DKIM-Signature")) {
        continue;
      }
      seen++;
      if (seen > maxSignatures) {
        continue;
      }
      results.add(checker.verifyDkim(i));
    }
    if (seen > maxSignatures) {
      diagnostics.add(Diagnostic.warning(DkimCodes.DKIM_TOO_MANY_SIGNATURES, seen + " DKIM-Signature fields; only the first "
          + maxSignatures + " were verified"));
    }
    return new DkimVerification(results, diagnostics);
  }

  /**
   * Builds a {@link DkimVerifier}. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private @org.jspecify.annotations.Nullable DnsResolver resolver;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofSeconds(DEFAULT_CLOCK_SKEW_SECONDS);
    private final Set<String> requiredHeaders = new LinkedHashSet<>();
    private boolean rejectPartialBody;
    private int maxSignatures = DEFAULT_MAX_SIGNATURES;
    private Limits limits = Limits.defaults();

    private Builder() {}

    /** Sets the resolver key records are fetched through (default {@link DnsResolver#system()}). */
    public Builder resolver(DnsResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** Sets the clock {@code t=} and {@code x=} are checked against (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how far {@code t=} may lie in the future and {@code x=} in the past (default {@value
     * DkimVerifier#DEFAULT_CLOCK_SKEW_SECONDS} s).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clockSkew must be >= 0, was " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Requires the given fields to be signed, besides From, which always is: a signature whose
     * {@code h=} lacks one gets {@link DkimResult#POLICY} with {@link
     * DkimFailureReason#HEADER_NOT_SIGNED}.
     */
    public Builder requireSignedHeaders(String... names) {
      for (String n : names) {
        if (!DkimSignature.isFieldName(n) || n.isEmpty()) {
          throw new IllegalArgumentException("not a field name: " + n);
        }
        requiredHeaders.add(LowerCase.root(n));
      }
      return this;
    }

    /** Sets whether a signature whose {@code l=} leaves body content unsigned gets {@link DkimResult#POLICY} (default false). */
    public Builder rejectPartialBody(boolean reject) {
      this.rejectPartialBody = reject;
      return this;
    }

    /**
     * Sets how many signatures of one message are verified (default {@value
     * DkimVerifier#DEFAULT_MAX_SIGNATURES}); the rest are reported, not checked.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxSignatures(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSignatures must be >= 1, was " + max);
      }
      this.maxSignatures = max;
      return this;
    }

    /** Sets the limits; {@link Limits#maxInputBytes()} bounds the message (default {@link Limits#defaults()}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Returns the verifier. */
    public DkimVerifier build() {
      return new DkimVerifier(this);
    }
  }
}
