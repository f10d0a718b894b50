package io.maildiag.headers.dkim;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.internal.LowerCase;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Verifies signatures over one message: DKIM-Signature fields, ARC-Message-Signature fields (the
 * same procedure) and ARC-Seal fields. One instance per message; it caches key lookups and body
 * hashes.
 */
final class SignatureChecker {

  /** The verifier's settings. */
  record Settings(Clock clock, Duration clockSkew, Set<String> requiredHeaders, boolean rejectPartialBody) {}

  static final int MIN_RSA_BITS = 1024;
  static final int RECOMMENDED_RSA_BITS = 2048;

  private final KeyFetcher keys;
  private final Settings settings;
  private final List<RawField> fields;
  private final byte[] body;
  private final Map<String, byte[]> canonicalBodies = new HashMap<>();

  SignatureChecker(KeyFetcher keys, Settings settings, List<RawField> fields, byte[] body) {
    this.keys = keys;
    this.settings = settings;
    this.fields = fields;
    this.body = body;
  }

  /** Collects what a check learns, then builds the result. */
  private static final class Outcome {
    Optional<DomainName> domain = Optional.empty();
    Optional<String> selector = Optional.empty();
    Optional<DkimAlgorithm> algorithm = Optional.empty();
    OptionalInt keyBits = OptionalInt.empty();
    Optional<DkimSignature> signature = Optional.empty();
    Optional<DkimKeyRecord> keyRecord = Optional.empty();
    final List<Diagnostic> findings = new ArrayList<>();

    DkimSignatureResult fail(DkimFailureReason reason, String message) {
      return new DkimSignatureResult(reason.result(), Optional.of(new DkimFailure(reason, message)), domain, selector,
          algorithm, keyBits, signature, keyRecord, findings);
    }

    DkimSignatureResult pass() {
      return new DkimSignatureResult(DkimResult.PASS, Optional.empty(), domain, selector, algorithm, keyBits,
          signature, keyRecord, findings);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DKIM-Signature and ARC-Message-Signature

  /** Verifies the DKIM-Signature field at {@code index} of the message's fields. */
  DkimSignatureResult verifyDkim(int index) {
    RawField field = fields.get(index);
    DkimSignature.Parsed parsed = DkimSignature.parseInternal(field.textValue(), false);
    return verifyParsed(index, parsed, false);
  }

  /** Verifies the ARC-Message-Signature field at {@code index}, already parsed. */
  DkimSignatureResult verifyAms(int index, DkimSignature.Parsed parsed) {
    return verifyParsed(index, parsed, true);
  }

  private DkimSignatureResult verifyParsed(int index, DkimSignature.Parsed parsed, boolean arc) {
    RawField field = fields.get(index);
    Outcome o = new Outcome();
    TagList tags = parsed.tags();
    tags.get("d").flatMap(d -> DomainName.parse(d.value()).value()).ifPresent(d -> o.domain = Optional.of(d));
    tags.get("s").map(TagList.Entry::value).filter(DkimSignature::isSelector).ifPresent(s -> o.selector = Optional.of(s));
    tags.get("a").flatMap(a -> DkimAlgorithm.of(a.value())).ifPresent(a -> o.algorithm = Optional.of(a));
    for (Diagnostic d : tags.diagnostics) {
      if (!d.isError()) {
        o.findings.add(d);
      }
    }
    if (parsed.signature().isEmpty() || tags.hasErrors()) {
      Diagnostic first = parsed.firstError();
      String msg = first == null ? "invalid signature field" : first.message();
      return o.fail(reasonFor(first), msg);
    }
    DkimSignature sig = parsed.signature().get();
    o.signature = Optional.of(sig);

    if (!arc) {
      for (String required : settings.requiredHeaders()) {
        if (!sig.signs(required)) {
          return o.fail(DkimFailureReason.HEADER_NOT_SIGNED, "h= does not list " + required
              + ", which this verifier requires to be signed");
        }
      }
    }
    DkimSignatureResult timeFailure = checkTimes(o, sig.timestamp(), sig.expiration());
    if (timeFailure != null) {
      return timeFailure;
    }
    if (sig.algorithm() == DkimAlgorithm.RSA_SHA1) {
      return o.fail(DkimFailureReason.RSA_SHA1_REFUSED, "rsa-sha1 signatures are not accepted (RFC 8301 section 3.1)");
    }
    Key key = fetchKey(o, sig.domain(), sig.selector(), sig.algorithm());
    if (key.failure != null) {
      return key.failure;
    }
    if (!arc && key.record.strictIdentity() && !sig.identityDomain().equals(sig.domain())) {
      return o.fail(DkimFailureReason.AUID_SUBDOMAIN_NOT_ALLOWED, "the key record has t=s but the i= domain "
          + sig.identityDomain() + " is not d=" + sig.domain());
    }

    // Body hash.
    byte[] canonical = canonicalBody(sig.bodyCanonicalization());
    long covered = canonical.length;
    if (sig.bodyLength().isPresent()) {
      long l = sig.bodyLength().getAsLong();
      if (l > canonical.length) {
        return o.fail(DkimFailureReason.BODY_LENGTH_EXCEEDS_BODY, "l=" + l + " exceeds the canonicalized body of "
            + canonical.length + " octets");
      }
      covered = l;
    }
    byte[] hash = sha256(canonical, (int) covered);
    if (!MessageDigest.isEqual(hash, sig.bodyHash())) {
      return o.fail(DkimFailureReason.BODY_HASH_MISMATCH, "the body hash does not match bh=: the body was changed"
          + " after signing (" + sig.bodyCanonicalization() + " body canonicalization)");
    }

    // Header hash and signature.
    String data = signedHeaderData(sig, index);
    if (!verifySignature(sig.algorithm(), key.publicKey, Canonicalizer.latin1(data), sig.signature())) {
      return o.fail(DkimFailureReason.SIGNATURE_MISMATCH, "the signature does not verify with the key at "
          + sig.selector() + "._domainkey." + sig.domain() + ": a signed header field was changed");
    }
    if (covered < canonical.length) {
      String message = (canonical.length - covered) + " of " + canonical.length
          + " canonicalized body octets lie beyond l=" + covered + " and are not covered by the signature";
      if (settings.rejectPartialBody()) {
        return o.fail(DkimFailureReason.PARTIAL_BODY, message);
      }
      o.findings.add(Diagnostic.warning(DkimCodes.DKIM_PARTIAL_BODY, message).withReference("RFC 6376 section 8.2"));
    }
    return o.pass();
  }

  private static DkimFailureReason reasonFor(@org.jspecify.annotations.Nullable Diagnostic first) {
    if (first == null) {
      return DkimFailureReason.SIGNATURE_SYNTAX;
    }
    String code = first.code().value();
    if (code.equals(DkimCodes.DKIM_FROM_NOT_SIGNED.value())) {
      return DkimFailureReason.FROM_NOT_SIGNED;
    } else if (code.equals(DkimCodes.DKIM_UNKNOWN_ALGORITHM.value())) {
      return DkimFailureReason.UNSUPPORTED_ALGORITHM;
    } else if (code.equals(DkimCodes.DKIM_UNSUPPORTED_VERSION.value())) {
      return DkimFailureReason.UNSUPPORTED_VERSION;
    } else if (code.equals(DkimCodes.DKIM_UNSUPPORTED_QUERY_METHOD.value())) {
      return DkimFailureReason.UNSUPPORTED_QUERY_METHOD;
    } else if (code.equals(DkimCodes.DKIM_AUID_NOT_IN_SDID.value())) {
      return DkimFailureReason.AUID_NOT_IN_SDID;
    } else if (code.equals(DkimCodes.DKIM_EXPIRES_BEFORE_TIMESTAMP.value())) {
      return DkimFailureReason.TIMESTAMP_INCONSISTENT;
    }
    return DkimFailureReason.SIGNATURE_SYNTAX;
  }

  /** Builds the header part of the signed data: the h= fields, then the signature field with b= emptied. */
  private String signedHeaderData(DkimSignature sig, int sigIndex) {
    StringBuilder data = new StringBuilder();
    // For each name, the indices of its fields bottom-up: h= takes the last unused one first.
    Map<String, java.util.ArrayDeque<Integer>> byName = new HashMap<>();
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (i != sigIndex) {
        byName.computeIfAbsent(fields.get(i).name().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayDeque<>())
            .add(i);
      }
    }
    for (String name : sig.signedHeaders()) {
      java.util.ArrayDeque<Integer> candidates = byName.get(LowerCase.root(name));
      if (candidates != null && !candidates.isEmpty()) {
        data.append(Canonicalizer.header(sig.headerCanonicalization(), fields.get(candidates.poll()).raw(), true));
      }
    }
    data.append(Canonicalizer.header(sig.headerCanonicalization(), withoutSignature(fields.get(sigIndex)), false));
    return data.toString();
  }

  /** Returns the raw field with the value of its b= tag removed (RFC 6376 section 3.7). */
  static String withoutSignature(RawField field) {
    int off = field.valueOffset();
    TagList t = TagList.parse(field.rawValue(), "");
    Optional<TagList.Entry> b = t.get("b");
    if (b.isEmpty()) {
      return field.raw();
    }
    String raw = field.raw();
    int from = off + b.get().nameStart();
    int eq = raw.indexOf('=', from) + 1;
    return raw.substring(0, eq) + raw.substring(off + b.get().valueEnd());
  }

  private byte[] canonicalBody(DkimCanonicalization c) {
    return canonicalBodies.computeIfAbsent(c.tagValue(), k -> Canonicalizer.body(c, body));
  }

  // ---------------------------------------------------------------------------------------------
  // ARC-Seal

  /**
   * Verifies an ARC-Seal: {@code sealData} is the canonicalized ARC sets up to the seal's instance,
   * the seal itself last with b= emptied and without CRLF (RFC 8617 section 5.1.1).
   */
  DkimSignatureResult verifySeal(ArcSeal seal, String sealData) {
    Outcome o = new Outcome();
    o.domain = Optional.of(seal.domain());
    o.selector = Optional.of(seal.selector());
    o.algorithm = Optional.of(seal.algorithm());
    DkimSignatureResult timeFailure = checkTimes(o, seal.timestamp(), Optional.empty());
    if (timeFailure != null) {
      return timeFailure;
    }
    if (seal.algorithm() == DkimAlgorithm.RSA_SHA1) {
      return o.fail(DkimFailureReason.RSA_SHA1_REFUSED, "rsa-sha1 seals are not accepted (RFC 8301 section 3.1)");
    }
    Key key = fetchKey(o, seal.domain(), seal.selector(), seal.algorithm());
    if (key.failure != null) {
      return key.failure;
    }
    if (!verifySignature(seal.algorithm(), key.publicKey, Canonicalizer.latin1(sealData), seal.signature())) {
      return o.fail(DkimFailureReason.SIGNATURE_MISMATCH, "the seal of instance " + seal.instance()
          + " does not verify with the key at " + seal.selector() + "._domainkey." + seal.domain());
    }
    return o.pass();
  }

  // ---------------------------------------------------------------------------------------------
  // Shared steps

  private @org.jspecify.annotations.Nullable DkimSignatureResult checkTimes(Outcome o, Optional<Instant> t,
      Optional<Instant> x) {
    Instant now = settings.clock().instant();
    if (x.isPresent() && now.isAfter(x.get().plus(settings.clockSkew()))) {
      return o.fail(DkimFailureReason.SIGNATURE_EXPIRED, "the signature expired at " + x.get() + " (x=), "
          + Duration.between(x.get(), now).toSeconds() + " s before the verifier's clock");
    }
    if (t.isPresent() && t.get().isAfter(now.plus(settings.clockSkew()))) {
      return o.fail(DkimFailureReason.SIGNATURE_IN_FUTURE, "the signature was made at " + t.get()
          + " (t=), " + Duration.between(now, t.get()).toSeconds() + " s after the verifier's clock");
    }
    return null;
  }

  /** A usable public key, or the failed result. */
  private static final class Key {
    @org.jspecify.annotations.Nullable DkimKeyRecord record;
    @org.jspecify.annotations.Nullable PublicKey publicKey;
    @org.jspecify.annotations.Nullable DkimSignatureResult failure;
  }

  private Key fetchKey(Outcome o, DomainName domain, String selector, DkimAlgorithm algorithm) {
    Key key = new Key();
    KeyFetcher.Fetched f = keys.fetch(domain, selector);
    if (f.failure() != null) {
      key.failure = o.fail(f.failure().reason(), f.failure().message());
      return key;
    }
    DkimKeyRecord record = f.record();
    o.keyRecord = Optional.of(record);
    String where = selector + "._domainkey." + domain;
    if (record.testing()) {
      o.findings.add(Diagnostic.info(DkimCodes.DKIM_KEY_TESTING, "the key record at " + where
          + " has t=y: the domain is testing DKIM").withReference("RFC 6376 section 3.6.1"));
    }
    if (record.revoked()) {
      key.failure = o.fail(DkimFailureReason.KEY_REVOKED, "the key at " + where + " is revoked (empty p=)");
      return key;
    }
    if (!record.allowsEmail()) {
      key.failure = o.fail(DkimFailureReason.KEY_NOT_FOR_EMAIL, "the key record at " + where + " has s="
          + String.join(":", record.serviceTypes()) + ", which does not allow email");
      return key;
    }
    if (record.keyType() != algorithm.keyType()) {
      key.failure = o.fail(DkimFailureReason.ALGORITHM_MISMATCH, "the key at " + where + " is k="
          + record.keyType() + " but the signature uses a=" + algorithm);
      return key;
    }
    if (!record.allowsHash(algorithm.hashName())) {
      key.failure = o.fail(DkimFailureReason.HASH_NOT_ALLOWED, "the key record at " + where + " allows h="
          + String.join(":", record.hashAlgorithms()) + ", not " + algorithm.hashName());
      return key;
    }
    KeyDecoder.Decoded decoded = KeyDecoder.decode(record.keyType(), record.publicKeyBytes());
    if (decoded.key() == null) {
      key.failure = o.fail(DkimFailureReason.KEY_SYNTAX_ERROR, "the key at " + where + " is unusable: "
          + decoded.problem());
      return key;
    }
    o.keyBits = OptionalInt.of(decoded.bits());
    if (record.keyType() == DkimKeyType.RSA) {
      if (decoded.bits() < MIN_RSA_BITS) {
        key.failure = o.fail(DkimFailureReason.KEY_TOO_SMALL, "the RSA key at " + where + " has " + decoded.bits()
            + " bits; keys under " + MIN_RSA_BITS + " bits are not accepted (RFC 8301 section 3.2)");
        return key;
      }
      if (decoded.bits() < RECOMMENDED_RSA_BITS) {
        o.findings.add(Diagnostic.warning(DkimCodes.DKIM_WEAK_KEY, "the RSA key at " + where + " has "
            + decoded.bits() + " bits; " + RECOMMENDED_RSA_BITS + " are recommended")
            .withReference("RFC 8301 section 3.2"));
      }
    }
    key.record = record;
    key.publicKey = decoded.key();
    return key;
  }

  static boolean verifySignature(DkimAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s;
      if (algorithm == DkimAlgorithm.ED25519_SHA256) {
        s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(sha256(data, data.length));
      } else {
        s = Signature.getInstance(algorithm == DkimAlgorithm.RSA_SHA1 ? "SHA1withRSA" : "SHA256withRSA");
        s.initVerify(key);
        s.update(data);
      }
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static byte[] sha256(byte[] data, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data, 0, length);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  static byte[] copy(byte[] b) {
    return Arrays.copyOf(b, b.length);
  }
}
