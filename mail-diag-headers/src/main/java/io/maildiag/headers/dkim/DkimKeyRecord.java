package io.maildiag.headers.dkim;

import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.internal.LowerCase;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A DKIM key record (RFC 6376 section 3.6.1, RFC 8463 section 4.2), as published in TXT at {@code
 * <selector>._domainkey.<domain>}:
 *
 * <pre>{@code
 * v=DKIM1; k=rsa; h=sha256; s=email; t=s; p=MIIBIjANBgkq...
 * v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
 * v=DKIM1; p=                      (revoked)
 * }</pre>
 *
 * <p>{@link #parse(CharSequence)} fails on a tag-list syntax error, a {@code v=} other than {@code
 * DKIM1}, a missing {@code p=}, an unknown {@code k=}, bad base64, or a {@code p=} that is not a
 * key of type {@code k=}. An empty {@code p=} parses: the key is {@linkplain #revoked() revoked}.
 * Unknown tags are ignored, as the RFC says.
 *
 * @param keyType {@code k=} (default rsa)
 * @param hashAlgorithms {@code h=}, lower-cased; empty means every hash is allowed
 * @param publicKeyBase64 {@code p=} with white space removed; empty if revoked
 * @param serviceTypes {@code s=}, lower-cased (default {@code *})
 * @param flags {@code t=}, lower-cased: {@code y} (testing), {@code s} (no subdomains in i=)
 * @param notes {@code n=}, quoted-printable decoded
 * @param tags every tag as written, in order
 * @since 0.1
 */
public record DkimKeyRecord(
    DkimKeyType keyType,
    List<String> hashAlgorithms,
    String publicKeyBase64,
    List<String> serviceTypes,
    List<String> flags,
    Optional<String> notes,
    List<DkimTag> tags) {

  /** Checks for null and copies the lists. */
  public DkimKeyRecord {
    Objects.requireNonNull(keyType, "keyType");
    hashAlgorithms = List.copyOf(hashAlgorithms);
    Objects.requireNonNull(publicKeyBase64, "publicKeyBase64");
    serviceTypes = List.copyOf(serviceTypes);
    flags = List.copyOf(flags);
    Objects.requireNonNull(notes, "notes");
    tags = List.copyOf(tags);
  }

  /**
   * Parses a key record: the TXT record's strings joined without separator. Never throws.
   *
   * @param text the record text
   */
  public static ParseResult<DkimKeyRecord> parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String in = text.toString();
    TagList t = TagList.parse(in, "RFC 6376 section 3.6.1");
    if (t.hasErrors()) {
      return ParseResult.failure(t.diagnostics);
    }
    t.get("v").ifPresent(v -> {
      if (!v.value().equals("DKIM1")) {
        t.error(DkimCodes.DKIM_UNSUPPORTED_VERSION, "v=" + TagList.clip(v.value()) + " is not DKIM1",
            v.valueStart(), v.valueEnd() - v.valueStart());
      } else if (t.entries.get(0) != v) {
        t.error(DkimCodes.DKIM_TAG_SYNTAX, "v=DKIM1 must be the first tag", v.nameStart(),
            v.valueEnd() - v.nameStart());
      }
    });
    DkimKeyType type = DkimKeyType.RSA;
    Optional<TagList.Entry> k = t.get("k");
    if (k.isPresent()) {
      Optional<DkimKeyType> kt = DkimKeyType.of(k.get().value());
      if (kt.isEmpty()) {
        t.error(DkimCodes.DKIM_KEY_UNKNOWN_TYPE, "unknown key type k=" + TagList.clip(k.get().value()),
            k.get().valueStart(), k.get().valueEnd() - k.get().valueStart());
      } else {
        type = kt.get();
      }
    }
    List<String> hashes = colonList(t.get("h"));
    List<String> services = t.get("s").isPresent() ? colonList(t.get("s")) : List.of("*");
    List<String> flags = colonList(t.get("t"));
    Optional<String> notes = t.get("n").map(n -> DkimSignature.decodeQuotedPrintable(n.value()));
    String p = "";
    Optional<TagList.Entry> pe = t.get("p");
    if (pe.isEmpty()) {
      t.error(DkimCodes.DKIM_MISSING_TAG, "required tag p= is missing", 0, in.length());
    } else {
      p = TagList.compact(pe.get().value());
      if (p.isEmpty()) {
        t.add(DkimCodes.DKIM_KEY_REVOKED, Severity.WARNING, "p= is empty: the key is revoked",
            pe.get().nameStart(), pe.get().valueEnd() - pe.get().nameStart());
      } else if (DkimSignature.decodeBase64(p) == null) {
        t.error(DkimCodes.DKIM_INVALID_BASE64, "p= is not valid base64", pe.get().valueStart(),
            pe.get().valueEnd() - pe.get().valueStart());
      } else if (!t.hasErrors()) {
        KeyDecoder.Decoded d = KeyDecoder.decode(type, DkimSignature.decodeBase64(p));
        if (d.key() == null) {
          t.error(DkimCodes.DKIM_KEY_INVALID, "p= is not " + (type == DkimKeyType.RSA ? "an RSA" : "an Ed25519")
              + " public key: " + d.problem(), pe.get().valueStart(), pe.get().valueEnd() - pe.get().valueStart());
        }
      }
    }
    if (t.hasErrors()) {
      return ParseResult.failure(t.diagnostics);
    }
    return ParseResult.success(new DkimKeyRecord(type, hashes, p, services, flags, notes, t.tags()), t.diagnostics);
  }

  private static List<String> colonList(Optional<TagList.Entry> e) {
    List<String> out = new ArrayList<>();
    if (e.isPresent()) {
      for (String part : e.get().value().split(":", -1)) {
        String s = LowerCase.root(part.strip());
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** Returns whether {@code p=} is empty: the key was revoked. */
  public boolean revoked() {
    return publicKeyBase64.isEmpty();
  }

  /** Returns whether {@code t=y}: the domain is testing DKIM. */
  public boolean testing() {
    return flags.contains("y");
  }

  /** Returns whether {@code t=s}: the {@code i=} domain must equal {@code d=}, not be a subdomain. */
  public boolean strictIdentity() {
    return flags.contains("s");
  }

  /** Returns whether {@code h=} allows the given hash ({@code sha256}); true when {@code h=} is absent. */
  public boolean allowsHash(String hash) {
    return hashAlgorithms.isEmpty() || hashAlgorithms.contains(LowerCase.root(hash));
  }

  /** Returns whether {@code s=} allows email ({@code email} or {@code *}). */
  public boolean allowsEmail() {
    return serviceTypes.contains("*") || serviceTypes.contains("email");
  }

  /** Returns the decoded {@code p=}: DER for RSA, the raw 32 bytes for Ed25519; empty if revoked. */
  public byte[] publicKeyBytes() {
    return Base64.getDecoder().decode(publicKeyBase64);
  }

  /** Returns the public key; empty if revoked. */
  public Optional<PublicKey> publicKey() {
    if (revoked()) {
      return Optional.empty();
    }
    return Optional.ofNullable(KeyDecoder.decode(keyType, publicKeyBytes()).key());
  }

  /** Returns the key size in bits: the RSA modulus length, 256 for Ed25519; empty if revoked. */
  public OptionalInt keyBits() {
    if (revoked()) {
      return OptionalInt.empty();
    }
    KeyDecoder.Decoded d = KeyDecoder.decode(keyType, publicKeyBytes());
    return d.key() == null ? OptionalInt.empty() : OptionalInt.of(d.bits());
  }

  /** Returns the tags as written, {@code v=DKIM1; k=rsa; p=...}. */
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
