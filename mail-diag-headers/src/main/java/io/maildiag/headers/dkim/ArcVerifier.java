package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.Limits;
import io.maildiag.core.ParseResult;
import io.maildiag.dns.DnsResolver;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates the Authenticated Received Chain of a message (RFC 8617 section 5.2).
 *
 * <pre>{@code
 * ArcVerifier arc = ArcVerifier.builder().resolver(DnsResolver.system()).build();
 * ArcValidation v = arc.validate(rawMessageBytes);
 * v.result();      // NONE, PASS or FAIL
 * v.failure();     // e.g. SEAL_FAILED at i=2, with the signature failure behind it
 * }</pre>
 *
 * <p>The steps, in order: no ARC field gives {@link ArcResult#NONE}; any field that does not
 * parse fails the chain; a latest seal with {@code cv=fail} fails it; then the structure (every
 * instance 1..N has exactly one ARC-Authentication-Results, ARC-Message-Signature and ARC-Seal, N
 * at most {@value #MAX_INSTANCE}, {@code cv=none} at instance 1 and {@code cv=pass} after); then
 * the latest ARC-Message-Signature, verified like a DKIM signature; then every seal from the latest
 * down to 1, each over the ARC sets up to its instance in order (RFC 8617 section 5.1.1, relaxed
 * header canonicalization). The older message signatures are verified too, to report {@link
 * ArcValidation#oldestPass()}; they do not decide the result.
 *
 * <p>Immutable and safe for concurrent use; share one instance.
 *
 * @since 0.1
 */
public final class ArcVerifier {

  /** The highest ARC instance (RFC 8617 section 4.2.1): {@value}. */
  public static final int MAX_INSTANCE = 50;

  private static final String AAR = "ARC-Authentication-Results";
  private static final String AMS = "ARC-Message-Signature";
  private static final String AS = "ARC-Seal";

  private final DnsResolver resolver;
  private final Clock clock;
  private final Duration clockSkew;
  private final Limits limits;

  private ArcVerifier(Builder b) {
    this.resolver = b.resolver == null ? DnsResolver.system() : b.resolver;
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    this.limits = b.limits;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates the chain of a message given as its octets. Never throws on bad input.
   *
   * @param rawMessage the message as received
   */
  public ArcValidation validate(byte[] rawMessage) {
    Objects.requireNonNull(rawMessage, "rawMessage");
    if (rawMessage.length > limits.maxInputBytes()) {
      Diagnostic d = Diagnostic.error(DkimCodes.DKIM_MALFORMED_MESSAGE,
          "the message of " + rawMessage.length + " bytes exceeds the limit of " + limits.maxInputBytes());
      return fail(ArcFailureReason.MALFORMED_FIELD, OptionalInt.empty(), d.message(), List.of(),
          Map.of(), Map.of(), List.of(d));
    }
    RawMessage m = RawMessage.parse(rawMessage);
    return validate(m.fields(), m.body(), m.diagnostics());
  }

  /**
   * Validates the chain over the given fields, as they appeared, and body.
   *
   * @param headerFields the message's header fields, top first
   * @param body the body octets
   */
  public ArcValidation validate(List<HeaderField> headerFields, byte[] body) {
    Objects.requireNonNull(headerFields, "headerFields");
    Objects.requireNonNull(body, "body");
    List<RawField> fields = new ArrayList<>();
    for (HeaderField f : headerFields) {
      fields.add(RawField.fromText(f.raw()));
    }
    return validate(fields, RawMessage.toCrlf(body), List.of());
  }

  /**
   * Validates the chain of a parsed header section over the given body; the fields' raw text is
   * encoded with {@link HeaderSection#charset()}.
   *
   * @param header the parsed header section
   * @param body the body octets
   */
  public ArcValidation validate(HeaderSection header, byte[] body) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    List<RawField> fields = new ArrayList<>();
    for (HeaderField f : header.fields()) {
      fields.add(RawField.fromText(f.raw(), header.charset()));
    }
    return validate(fields, RawMessage.toCrlf(body), List.of());
  }

  /** One ARC field found in the header. */
  private record Found(int index, RawField field, int instance, boolean valid, Object parsed) {}

  private static ArcValidation fail(ArcFailureReason reason, OptionalInt instance, String message, List<ArcSet> sets,
      Map<Integer, DkimSignatureResult> ams, Map<Integer, DkimSignatureResult> seals, List<Diagnostic> diagnostics) {
    return fail(new ArcFailure(reason, instance, message, Optional.empty()), sets, ams, seals, diagnostics);
  }

  private static ArcValidation fail(ArcFailure failure, List<ArcSet> sets, Map<Integer, DkimSignatureResult> ams,
      Map<Integer, DkimSignatureResult> seals, List<Diagnostic> diagnostics) {
    return new ArcValidation(ArcResult.FAIL, Optional.of(failure), sets, ams, seals, OptionalInt.empty(), diagnostics);
  }

  private ArcValidation validate(List<RawField> fields, byte[] body, List<Diagnostic> messageDiagnostics) {
    List<Diagnostic> diagnostics = new ArrayList<>(messageDiagnostics);
    Map<String, Map<Integer, List<Found>>> byKind = new HashMap<>();
    for (String k : List.of(AAR, AMS, AS)) {
      byKind.put(k, new TreeMap<>());
    }
    Found firstBroken = null;
    String firstBrokenKind = null;
    String firstBrokenMessage = null;
    int total = 0;
    for (int i = 0; i < fields.size(); i++) {
      RawField f = fields.get(i);
      String kind = f.nameIs(AAR) ? AAR : f.nameIs(AMS) ? AMS : f.nameIs(AS) ? AS : null;
      if (kind == null) {
        continue;
      }
      total++;
      String value = f.textValue();
      Found found;
      List<Diagnostic> ds;
      if (kind.equals(AAR)) {
        ParseResult<ArcAuthenticationResults> r = ArcAuthenticationResults.parse(value);
        ds = r.diagnostics();
        found = new Found(i, f, r.value().map(ArcAuthenticationResults::instance).orElse(0), r.isSuccess(),
            r.value().isPresent() ? r.value().get() : "");
      } else if (kind.equals(AMS)) {
        DkimSignature.Parsed p = DkimSignature.parseInternal(value, true);
        ds = p.tags().diagnostics;
        found = new Found(i, f, p.instance(), p.signature().isPresent() && !p.tags().hasErrors(), p);
      } else {
        ArcSeal.Parsed p = ArcSeal.parseInternal(value);
        ds = p.tags().diagnostics;
        found = new Found(i, f, p.instance(), p.seal().isPresent(), p);
      }
      for (Diagnostic d : ds) {
        diagnostics.add(new Diagnostic(d.code(), d.severity(), kind + ": " + d.message(), d.evidence(),
            d.remediation(), d.reference(), d.span()));
      }
      if (!found.valid() && firstBroken == null) {
        firstBroken = found;
        firstBrokenKind = kind;
        firstBrokenMessage = ds.stream().filter(Diagnostic::isError).findFirst().map(Diagnostic::message)
            .orElse("invalid field");
      }
      if (found.instance() > 0) {
        byKind.get(kind).computeIfAbsent(found.instance(), k -> new ArrayList<>()).add(found);
      }
    }
    if (total == 0) {
      return new ArcValidation(ArcResult.NONE, Optional.empty(), List.of(), Map.of(), Map.of(), OptionalInt.empty(),
          diagnostics);
    }
    if (firstBroken != null) {
      return fail(ArcFailureReason.MALFORMED_FIELD,
          firstBroken.instance() > 0 ? OptionalInt.of(firstBroken.instance()) : OptionalInt.empty(),
          firstBrokenKind + " does not parse: " + firstBrokenMessage, List.of(), Map.of(), Map.of(), diagnostics);
    }
    int n = 0;
    for (Map<Integer, List<Found>> m : byKind.values()) {
      for (int inst : m.keySet()) {
        n = Math.max(n, inst);
      }
    }
    // RFC 8617 section 5.2 step 2: a latest seal that says cv=fail ends validation.
    List<Found> latestSeals = byKind.get(AS).getOrDefault(n, List.of());
    if (latestSeals.size() == 1 && seal(latestSeals.get(0)).chainValidation() == ArcChainStatus.FAIL) {
      return fail(ArcFailureReason.CHAIN_ALREADY_FAILED, OptionalInt.of(n),
          "the ARC-Seal of instance " + n + " says cv=fail", List.of(), Map.of(), Map.of(), diagnostics);
    }
    // Step 3: structure.
    for (int i = 1; i <= n; i++) {
      for (String kind : List.of(AAR, AMS, AS)) {
        List<Found> at = byKind.get(kind).getOrDefault(i, List.of());
        if (at.size() > 1) {
          return fail(ArcFailureReason.DUPLICATE_INSTANCE, OptionalInt.of(i),
              at.size() + " " + kind + " fields have i=" + i, List.of(), Map.of(), Map.of(), diagnostics);
        }
      }
    }
    for (int i = 1; i <= n; i++) {
      List<String> missing = new ArrayList<>();
      for (String kind : List.of(AAR, AMS, AS)) {
        if (!byKind.get(kind).containsKey(i)) {
          missing.add(kind);
        }
      }
      if (missing.size() == 3) {
        return fail(ArcFailureReason.INSTANCE_GAP, OptionalInt.of(i), "no ARC set has i=" + i + " although i=" + n
            + " exists", List.of(), Map.of(), Map.of(), diagnostics);
      }
      if (!missing.isEmpty()) {
        return fail(ArcFailureReason.INCOMPLETE_SET, OptionalInt.of(i), "ARC set " + i + " lacks "
            + String.join(", ", missing), List.of(), Map.of(), Map.of(), diagnostics);
      }
    }
    List<ArcSet> sets = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Found aar = byKind.get(AAR).get(i).get(0);
      Found ams = byKind.get(AMS).get(i).get(0);
      Found as = byKind.get(AS).get(i).get(0);
      DkimSignature.Parsed amsParsed = (DkimSignature.Parsed) ams.parsed();
      sets.add(new ArcSet(i, (ArcAuthenticationResults) aar.parsed(),
          new ArcMessageSignature(i, amsParsed.signature().get()), seal(as)));
    }
    for (ArcSet set : sets) {
      ArcChainStatus cv = set.seal().chainValidation();
      int i = set.instance();
      if (i == 1 && cv != ArcChainStatus.NONE) {
        return fail(ArcFailureReason.INVALID_CHAIN_VALIDATION, OptionalInt.of(1),
            "the ARC-Seal of instance 1 says cv=" + cv.tagValue() + "; it must say cv=none", sets, Map.of(), Map.of(),
            diagnostics);
      }
      if (i > 1 && cv == ArcChainStatus.NONE) {
        return fail(ArcFailureReason.INVALID_CHAIN_VALIDATION, OptionalInt.of(i),
            "the ARC-Seal of instance " + i + " says cv=none; only instance 1 may", sets, Map.of(), Map.of(),
            diagnostics);
      }
      if (i > 1 && cv == ArcChainStatus.FAIL) {
        return fail(ArcFailureReason.CHAIN_ALREADY_FAILED, OptionalInt.of(i),
            "the ARC-Seal of instance " + i + " says cv=fail", sets, Map.of(), Map.of(), diagnostics);
      }
    }

    SignatureChecker checker = new SignatureChecker(new KeyFetcher(resolver),
        new SignatureChecker.Settings(clock, clockSkew, Set.of(), false), fields, body);
    // Step 4: the latest message signature decides.
    Map<Integer, DkimSignatureResult> amsResults = new TreeMap<>();
    Found latestAms = byKind.get(AMS).get(n).get(0);
    DkimSignatureResult latest = checker.verifyAms(latestAms.index(), (DkimSignature.Parsed) latestAms.parsed());
    amsResults.put(n, latest);
    if (!latest.isPass()) {
      return fail(new ArcFailure(ArcFailureReason.MESSAGE_SIGNATURE_FAILED, OptionalInt.of(n),
          "the ARC-Message-Signature of instance " + n + " does not verify: " + latest.failure().get().message(),
          latest.failure()), sets, amsResults, Map.of(), diagnostics);
    }
    // Step 5: oldest-pass.
    int oldest = 0;
    for (int i = n - 1; i >= 1; i--) {
      Found f = byKind.get(AMS).get(i).get(0);
      DkimSignatureResult r = checker.verifyAms(f.index(), (DkimSignature.Parsed) f.parsed());
      amsResults.put(i, r);
      if (!r.isPass() && oldest == 0) {
        oldest = i + 1;
      }
    }
    // Step 6: every seal, latest first.
    Map<Integer, DkimSignatureResult> sealResults = new TreeMap<>();
    for (int i = n; i >= 1; i--) {
      String data = sealData(byKind, i);
      DkimSignatureResult r = checker.verifySeal(sets.get(i - 1).seal(), data);
      sealResults.put(i, r);
      if (!r.isPass()) {
        return fail(new ArcFailure(ArcFailureReason.SEAL_FAILED, OptionalInt.of(i),
            "the ARC-Seal of instance " + i + " does not verify: " + r.failure().get().message(), r.failure()),
            sets, amsResults, sealResults, diagnostics);
      }
    }
    return new ArcValidation(ArcResult.PASS, Optional.empty(), sets, amsResults, sealResults, OptionalInt.of(oldest),
        diagnostics);
  }

  private static ArcSeal seal(Found f) {
    return ((ArcSeal.Parsed) f.parsed()).seal().get();
  }

  /** The data an ARC-Seal signs: the sets 1..instance in order, relaxed, the seal itself last without b= and CRLF. */
  private static String sealData(Map<String, Map<Integer, List<Found>>> byKind, int instance) {
    StringBuilder sb = new StringBuilder();
    for (int j = 1; j <= instance; j++) {
      sb.append(Canonicalizer.header(DkimCanonicalization.RELAXED, byKind.get(AAR).get(j).get(0).field().raw(), true));
      sb.append(Canonicalizer.header(DkimCanonicalization.RELAXED, byKind.get(AMS).get(j).get(0).field().raw(), true));
      RawField as = byKind.get(AS).get(j).get(0).field();
      if (j < instance) {
        sb.append(Canonicalizer.header(DkimCanonicalization.RELAXED, as.raw(), true));
      } else {
        sb.append(Canonicalizer.header(DkimCanonicalization.RELAXED, SignatureChecker.withoutSignature(as), false));
      }
    }
    return sb.toString();
  }

  /**
   * Builds an {@link ArcVerifier}. Not safe for concurrent use.
   *
   * @since 0.1
   */
  public static final class Builder {
    private @org.jspecify.annotations.Nullable DnsResolver resolver;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofSeconds(DkimVerifier.DEFAULT_CLOCK_SKEW_SECONDS);
    private Limits limits = Limits.defaults();

    private Builder() {}

    /** Sets the resolver keys are fetched through (default {@link DnsResolver#system()}). */
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
     * Sets the allowed clock skew (default {@value DkimVerifier#DEFAULT_CLOCK_SKEW_SECONDS} s).
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

    /** Sets the limits; {@link Limits#maxInputBytes()} bounds the message (default {@link Limits#defaults()}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Returns the verifier. */
    public ArcVerifier build() {
      return new ArcVerifier(this);
    }
  }
}
