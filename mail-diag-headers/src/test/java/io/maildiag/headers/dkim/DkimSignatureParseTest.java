package io.maildiag.headers.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DKIM-Signature values (RFC 6376 section 3.5): every tag, and every rule between tags. */
class DkimSignatureParseTest {

  static final String FULL = "v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel.2024;\r\n"
      + "\tt=1700000000; x=1800000000; l=1234; q=dns/txt; i=news=2Bx@mail.example.com;\r\n"
      + "\th=From : To:Subject:from; z=From:joe=40example.com|Subject:Hi=20there;\r\n"
      + "\tbh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
      + "\tb=dGVzdCBzaWdu YXR1cmU=; x_extra=kept";

  static List<DiagnosticCode> errors(String value) {
    ParseResult<DkimSignature> r = DkimSignature.parse(value);
    assertThat(r.isSuccess()).as(value).isFalse();
    return r.errors().stream().map(Diagnostic::code).toList();
  }

  static String minimal(String extra) {
    return "v=1; a=rsa-sha256; d=example.com; s=sel; h=from:to; bh=AAAA; b=AAAA" + extra;
  }

  @Test
  void everyTagIsTyped() {
    DkimSignature s = DkimSignature.parse(FULL).orElseThrow();
    assertThat(s.algorithm()).isEqualTo(DkimAlgorithm.RSA_SHA256);
    assertThat(s.headerCanonicalization()).isEqualTo(DkimCanonicalization.RELAXED);
    assertThat(s.bodyCanonicalization()).isEqualTo(DkimCanonicalization.SIMPLE);
    assertThat(s.domain()).isEqualTo(DomainName.of("example.com"));
    assertThat(s.selector()).isEqualTo("sel.2024");
    assertThat(s.timestamp()).contains(Instant.ofEpochSecond(1700000000L));
    assertThat(s.expiration()).contains(Instant.ofEpochSecond(1800000000L));
    assertThat(s.bodyLength()).hasValue(1234);
    assertThat(s.queryMethods()).containsExactly("dns/txt");
    assertThat(s.identity()).contains("news+x@mail.example.com");
    assertThat(s.identityDomain()).isEqualTo(DomainName.of("mail.example.com"));
    assertThat(s.signedHeaders()).containsExactly("From", "To", "Subject", "from");
    assertThat(s.signs("FROM")).isTrue();
    assertThat(s.copiedHeaders()).containsExactly("From:joe@example.com", "Subject:Hi there");
    assertThat(s.signatureBase64()).isEqualTo("dGVzdCBzaWduYXR1cmU=");
    assertThat(new String(s.signature(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("test signature");
    assertThat(s.bodyHash()).hasSize(32);
    assertThat(s.headerB()).isEqualTo("dGVzdCBz");
    assertThat(s.tag("x_extra")).contains("kept");
    assertThat(s.tags()).extracting(DkimTag::name).contains("x", "z");
    // l= is flagged.
    assertThat(DkimSignature.parse(FULL).diagnostics()).extracting(Diagnostic::code)
        .contains(DkimCodes.DKIM_BODY_LENGTH_TAG);
  }

  @Test
  void identityIsQuotedPrintableDecoded() {
    DkimSignature s = DkimSignature.parse(minimal("; i=j=C3=B6rg@example.com")).orElseThrow();
    assertThat(s.identity()).contains("jörg@example.com");
  }

  @Test
  void defaultsApply() {
    DkimSignature s = DkimSignature.parse(minimal("")).orElseThrow();
    assertThat(s.headerCanonicalization()).isEqualTo(DkimCanonicalization.SIMPLE);
    assertThat(s.bodyCanonicalization()).isEqualTo(DkimCanonicalization.SIMPLE);
    assertThat(s.queryMethods()).containsExactly("dns/txt");
    assertThat(s.identity()).isEmpty();
    assertThat(s.identityDomain()).isEqualTo(DomainName.of("example.com"));
    assertThat(s.bodyLength()).isEmpty();
    assertThat(DkimSignature.parse(minimal("; c=relaxed")).orElseThrow().bodyCanonicalization())
        .isEqualTo(DkimCanonicalization.SIMPLE);
  }

  @Test
  void missingRequiredTagsAreNamed() {
    ParseResult<DkimSignature> r = DkimSignature.parse("v=1; a=rsa-sha256; d=example.com; h=from; bh=AAAA");
    assertThat(r.errors()).extracting(Diagnostic::message)
        .contains("required tag b= is missing", "required tag s= is missing");
  }

  @Test
  void tagRulesAreChecked() {
    assertThat(errors(minimal("").replace("bh=AAAA", "bh=A*AA"))).containsExactly(DkimCodes.DKIM_INVALID_BASE64);
    assertThat(errors(minimal("").replace("b=AAAA", "b="))).containsExactly(DkimCodes.DKIM_INVALID_BASE64);
    assertThat(errors(minimal("").replace("b=AAAA", "b=AA=A"))).containsExactly(DkimCodes.DKIM_INVALID_BASE64);
    assertThat(errors(minimal("").replace("rsa-sha256", "rsa-md5"))).containsExactly(DkimCodes.DKIM_UNKNOWN_ALGORITHM);
    assertThat(errors(minimal("").replace("v=1", "v=2"))).containsExactly(DkimCodes.DKIM_UNSUPPORTED_VERSION);
    assertThat(errors(minimal("; c=loose/simple"))).containsExactly(DkimCodes.DKIM_UNKNOWN_CANONICALIZATION);
    assertThat(errors(minimal("; q=http/well-known"))).containsExactly(DkimCodes.DKIM_UNSUPPORTED_QUERY_METHOD);
    assertThat(errors(minimal("").replace("d=example.com", "d=exa mple..com"))).containsExactly(DkimCodes.DKIM_INVALID_DOMAIN);
    assertThat(errors(minimal("").replace("s=sel", "s=a..b"))).containsExactly(DkimCodes.DKIM_INVALID_SELECTOR);
    assertThat(errors(minimal("; i=joe@example.org"))).containsExactly(DkimCodes.DKIM_AUID_NOT_IN_SDID);
    assertThat(errors(minimal("; i=nodomain"))).containsExactly(DkimCodes.DKIM_INVALID_TAG_VALUE);
    assertThat(errors(minimal("; t=200; x=100"))).containsExactly(DkimCodes.DKIM_EXPIRES_BEFORE_TIMESTAMP);
    assertThat(errors(minimal("; t=100; x=100"))).containsExactly(DkimCodes.DKIM_EXPIRES_BEFORE_TIMESTAMP);
    assertThat(errors(minimal("; t=soon"))).containsExactly(DkimCodes.DKIM_INVALID_TAG_VALUE);
    assertThat(errors(minimal("; t=1234567890123"))).containsExactly(DkimCodes.DKIM_INVALID_TAG_VALUE);
    assertThat(errors(minimal("; l=-1"))).containsExactly(DkimCodes.DKIM_INVALID_TAG_VALUE);
    assertThat(errors(minimal("").replace("h=from:to", "h=to:subject"))).containsExactly(DkimCodes.DKIM_FROM_NOT_SIGNED);
    assertThat(errors(minimal("").replace("h=from:to", "h=from::to"))).containsExactly(DkimCodes.DKIM_INVALID_TAG_VALUE);
  }

  @Test
  void subdomainIdentitiesAreAllowed() {
    assertThat(DkimSignature.parse(minimal("; i=@mail.example.com")).isSuccess()).isTrue();
    assertThat(DkimSignature.parse(minimal("; i=@example.com")).isSuccess()).isTrue();
  }

  @Test
  void rsaSha1ParsesWithAWarning() {
    ParseResult<DkimSignature> r = DkimSignature.parse(minimal("").replace("rsa-sha256", "rsa-sha1"));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(DkimCodes.DKIM_RSA_SHA1);
  }

  @Test
  void tagListSyntaxErrorsArePositioned() {
    String dup = minimal("; d=example.org");
    ParseResult<DkimSignature> r = DkimSignature.parse(dup);
    Diagnostic d = r.errors().get(0);
    assertThat(d.code()).isEqualTo(DkimCodes.DKIM_DUPLICATE_TAG);
    assertThat(d.span()).contains(SourceSpan.of(dup, dup.lastIndexOf("d=example.org"), "d=example.org".length()));

    String noEq = "v=1; a=rsa-sha256;\r\n  garbage ; d=example.com";
    Diagnostic e = DkimSignature.parse(noEq).errors().get(0);
    assertThat(e.code()).isEqualTo(DkimCodes.DKIM_TAG_SYNTAX);
    assertThat(e.span().get().line()).isEqualTo(2);
    assertThat(e.span().get().offset()).isEqualTo(noEq.indexOf("garbage"));

    assertThat(errors("v=1; 9a=x")).containsExactly(DkimCodes.DKIM_TAG_SYNTAX);
    assertThat(errors("v=1; a=rsa\u0001sha256")).containsExactly(DkimCodes.DKIM_TAG_SYNTAX);
    assertThat(errors("")).isNotEmpty();
  }

  @Test
  void emptyTagsAndTrailingSemicolonsAreTolerated() {
    assertThat(DkimSignature.parse(minimal(";")).isSuccess()).isTrue();
    ParseResult<DkimSignature> r = DkimSignature.parse(minimal("").replace("; s=sel;", "; s=sel;;"));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(DkimCodes.DKIM_TAG_SYNTAX);
  }

  @Test
  void theSignatureWithoutItsValueKeepsEverythingElse() {
    RawField f = RawField.of("DKIM-Signature: v=1; bh=abc=;\r\n b=ab cd\r\n  ef ; d=example.com");
    assertThat(SignatureChecker.withoutSignature(f)).isEqualTo("DKIM-Signature: v=1; bh=abc=;\r\n b= ; d=example.com");
    RawField last = RawField.of("DKIM-Signature: v=1; b=\r\n\tabc");
    assertThat(SignatureChecker.withoutSignature(last)).isEqualTo("DKIM-Signature: v=1; b=");
  }
}
