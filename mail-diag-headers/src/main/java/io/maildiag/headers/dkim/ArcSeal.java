package io.maildiag.headers.dkim;

import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code ARC-Seal} field value (RFC 8617 section 4.1.3): the signature over the ARC sets
 * up to its instance, and the chain status the sealer found.
 *
 * @param instance {@code i=}, 1 to 50
 * @param algorithm {@code a=}
 * @param signatureBase64 {@code b=} with white space removed
 * @param domain {@code d=}
 * @param selector {@code s=}
 * @param timestamp {@code t=}
 * @param chainValidation {@code cv=}
 * @param tags every tag as written, in order
 * @since 0.1
 */
public record ArcSeal(
    int instance,
    DkimAlgorithm algorithm,
    String signatureBase64,
    DomainName domain,
    String selector,
    Optional<Instant> timestamp,
    ArcChainStatus chainValidation,
    List<DkimTag> tags) {

  /**
   * Validates the seal.
   *
   * @throws IllegalArgumentException if the instance is not in 1..50
   */
  public ArcSeal {
    if (instance < 1 || instance > ArcVerifier.MAX_INSTANCE) {
      throw new IllegalArgumentException("instance not in 1.." + ArcVerifier.MAX_INSTANCE + ": " + instance);
    }
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(signatureBase64, "signatureBase64");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(chainValidation, "chainValidation");
    tags = List.copyOf(tags);
  }

  /**
   * Parses an ARC-Seal field value. Never throws. Required tags: {@code i a b d s cv}; an {@code
   * h=} tag is an error.
   *
   * @param value the field value after the colon
   */
  public static ParseResult<ArcSeal> parse(CharSequence value) {
    Objects.requireNonNull(value, "value");
    return parseInternal(value.toString()).result();
  }

  /** Returns the decoded {@code b=}. */
  public byte[] signature() {
    return Base64.getDecoder().decode(signatureBase64);
  }

  /** What a parse found: the tags (also when invalid), the seal, and the instance if readable. */
  record Parsed(TagList tags, Optional<ArcSeal> seal, int instance) {
    ParseResult<ArcSeal> result() {
      return seal.isPresent() ? ParseResult.success(seal.get(), tags.diagnostics)
          : ParseResult.failure(DkimSignature.ensureError(tags.diagnostics));
    }
  }

  static Parsed parseInternal(String value) {
    TagList t = TagList.parse(value, "RFC 8617 section 4.1.3");
    if (t.hasErrors()) {
      return new Parsed(t, Optional.empty(), 0);
    }
    for (String name : List.of("i", "a", "b", "d", "s", "cv")) {
      if (t.get(name).isEmpty()) {
        t.error(DkimCodes.DKIM_MISSING_TAG, "required tag " + name + "= is missing", 0, value.length());
      }
    }
    int instance = t.get("i").map(i -> DkimSignature.parseInstance(t, i)).orElse(0);
    t.get("h").ifPresent(h -> t.error(DkimCodes.ARC_SEAL_HAS_H_TAG, "an ARC-Seal must not have an h= tag",
        h.nameStart(), h.valueEnd() - h.nameStart()));
    DkimAlgorithm algorithm = t.get("a").map(a -> {
      Optional<DkimAlgorithm> alg = DkimAlgorithm.of(a.value());
      if (alg.isEmpty()) {
        t.error(DkimCodes.DKIM_UNKNOWN_ALGORITHM, "unknown algorithm a=" + TagList.clip(a.value()),
            a.valueStart(), a.valueEnd() - a.valueStart());
      }
      return alg.orElse(null);
    }).orElse(null);
    String b = t.get("b").map(e -> DkimSignature.base64(t, e)).orElse(null);
    DomainName domain = t.get("d").map(d -> {
      Optional<DomainName> dn = DomainName.parse(d.value()).value().filter(n -> !n.isRoot());
      if (dn.isEmpty()) {
        t.error(DkimCodes.DKIM_INVALID_DOMAIN, "d=" + TagList.clip(d.value()) + " is not a domain name",
            d.valueStart(), d.valueEnd() - d.valueStart());
      }
      return dn.orElse(null);
    }).orElse(null);
    String selector = t.get("s").map(s -> {
      if (!DkimSignature.isSelector(s.value())) {
        t.error(DkimCodes.DKIM_INVALID_SELECTOR, "s=" + TagList.clip(s.value()) + " is not a valid selector",
            s.valueStart(), s.valueEnd() - s.valueStart());
        return null;
      }
      return s.value();
    }).orElse(null);
    ArcChainStatus cv = t.get("cv").map(c -> {
      Optional<ArcChainStatus> st = ArcChainStatus.of(c.value());
      if (st.isEmpty()) {
        t.error(DkimCodes.ARC_INVALID_CV, "cv=" + TagList.clip(c.value()) + " is not none, pass or fail",
            c.valueStart(), c.valueEnd() - c.valueStart());
      }
      return st.orElse(null);
    }).orElse(null);
    Optional<Instant> ts = Optional.empty();
    Optional<TagList.Entry> te = t.get("t");
    if (te.isPresent()) {
      String v = te.get().value();
      if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        t.error(DkimCodes.DKIM_INVALID_TAG_VALUE, "t=" + TagList.clip(v) + " is not a number of at most 12 digits",
            te.get().valueStart(), te.get().valueEnd() - te.get().valueStart());
      } else {
        ts = Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
      }
    }
    if (t.hasErrors() || algorithm == null || b == null || domain == null || selector == null || cv == null
        || instance == 0) {
      return new Parsed(t, Optional.empty(), instance);
    }
    return new Parsed(t, Optional.of(new ArcSeal(instance, algorithm, b, domain, selector, ts, cv, t.tags())),
        instance);
  }
}
