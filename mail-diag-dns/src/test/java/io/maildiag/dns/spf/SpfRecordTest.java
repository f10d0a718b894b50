package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ParseResult;
import io.maildiag.core.Severity;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import io.maildiag.core.ip.IpNetwork;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The SPF record grammar of RFC 7208 section 4.6, 5, 6 and 12: types, errors with positions, rendering. */
class SpfRecordTest {

  // ---------------------------------------------------------------- helpers

  /** Parses a record that must be valid (no error diagnostics). */
  static SpfRecord ok(String text) {
    ParseResult<SpfRecord> r = SpfRecord.parse(text);
    assertThat(r.errors()).as("errors of %s", text).isEmpty();
    assertThat(r.value()).as("value of %s", text).isPresent();
    return r.value().get();
  }

  /** Parses a record that must be invalid and returns its only error. */
  static Diagnostic onlyError(String text) {
    ParseResult<SpfRecord> r = SpfRecord.parse(text);
    assertThat(r.value()).as("value of %s", text).isEmpty();
    assertThat(r.errors()).as("errors of %s", text).hasSize(1);
    return r.errors().get(0);
  }

  /** The one directive of {@code v=spf1 <term>}. */
  static SpfTerm.Directive directive(String term) {
    SpfRecord r = ok("v=spf1 " + term);
    assertThat(r.terms()).hasSize(1);
    assertThat(r.terms().get(0)).isInstanceOf(SpfTerm.Directive.class);
    return (SpfTerm.Directive) r.terms().get(0);
  }

  static SpfMechanism mechanism(String term) {
    return directive(term).mechanism();
  }

  /** A macro-string as the parser builds it for a domain-spec. */
  static MacroString ms(String text) {
    List<Diagnostic> out = new ArrayList<>();
    MacroString m = MacroString.parse(text, text, 0, false, out);
    assertThat(out).isEmpty();
    assertThat(m).isNotNull();
    return m;
  }

  static Optional<MacroString> dom(String text) {
    return Optional.of(ms(text));
  }

  static final OptionalInt NO = OptionalInt.empty();

  static OptionalInt cidr(int n) {
    return OptionalInt.of(n);
  }

  // ---------------------------------------------------------------- mechanisms

  @Nested
  class Mechanisms {

    @Test
    void allWithEachQualifier() {
      assertThat(directive("all")).isEqualTo(new SpfTerm.Directive(SpfQualifier.PASS, new SpfMechanism.All()));
      assertThat(directive("+all").qualifier()).isEqualTo(SpfQualifier.PASS);
      assertThat(directive("-all").qualifier()).isEqualTo(SpfQualifier.FAIL);
      assertThat(directive("~all").qualifier()).isEqualTo(SpfQualifier.SOFTFAIL);
      assertThat(directive("?all").qualifier()).isEqualTo(SpfQualifier.NEUTRAL);
      assertThat(directive("?all").qualifier().result()).isEqualTo(SpfResult.NEUTRAL);
    }

    @Test
    void include() {
      assertThat(mechanism("include:_spf.example.net"))
          .isEqualTo(new SpfMechanism.Include(ms("_spf.example.net")));
      assertThat(mechanism("include:_spf.example.net").countsAsLookup()).isTrue();
    }

    @Test
    void exists() {
      assertThat(mechanism("exists:%{i}.bl.example.org"))
          .isEqualTo(new SpfMechanism.Exists(ms("%{i}.bl.example.org")));
    }

    @Test
    void aInAllItsForms() {
      assertThat(mechanism("a")).isEqualTo(new SpfMechanism.A(Optional.empty(), NO, NO));
      assertThat(mechanism("a/0")).isEqualTo(new SpfMechanism.A(Optional.empty(), cidr(0), NO));
      assertThat(mechanism("a/24")).isEqualTo(new SpfMechanism.A(Optional.empty(), cidr(24), NO));
      assertThat(mechanism("a//64")).isEqualTo(new SpfMechanism.A(Optional.empty(), NO, cidr(64)));
      assertThat(mechanism("a/32//128")).isEqualTo(new SpfMechanism.A(Optional.empty(), cidr(32), cidr(128)));
      assertThat(mechanism("a:host.example")).isEqualTo(new SpfMechanism.A(dom("host.example"), NO, NO));
      assertThat(mechanism("a:host.example/24//64"))
          .isEqualTo(new SpfMechanism.A(dom("host.example"), cidr(24), cidr(64)));
      assertThat(mechanism("a:host.example//0")).isEqualTo(new SpfMechanism.A(dom("host.example"), NO, cidr(0)));
    }

    @Test
    void mxInAllItsForms() {
      assertThat(mechanism("mx")).isEqualTo(new SpfMechanism.Mx(Optional.empty(), NO, NO));
      assertThat(mechanism("mx//64")).isEqualTo(new SpfMechanism.Mx(Optional.empty(), NO, cidr(64)));
      assertThat(mechanism("mx/30")).isEqualTo(new SpfMechanism.Mx(Optional.empty(), cidr(30), NO));
      assertThat(mechanism("mx:mail.example.com/30//126"))
          .isEqualTo(new SpfMechanism.Mx(dom("mail.example.com"), cidr(30), cidr(126)));
      assertThat(mechanism("mx:%{d}")).isEqualTo(new SpfMechanism.Mx(dom("%{d}"), NO, NO));
    }

    @Test
    void ip4WithAndWithoutPrefix() {
      assertThat(mechanism("ip4:192.0.2.1")).isEqualTo(new SpfMechanism.Ip4(IpNetwork.of("192.0.2.1/32")));
      assertThat(((SpfMechanism.Ip4) mechanism("ip4:192.0.2.1")).network().prefixLength()).isEqualTo(32);
      assertThat(mechanism("ip4:192.0.2.0/24")).isEqualTo(new SpfMechanism.Ip4(IpNetwork.of("192.0.2.0/24")));
      assertThat(mechanism("ip4:0.0.0.0/0")).isEqualTo(new SpfMechanism.Ip4(IpNetwork.of("0.0.0.0/0")));
      assertThat(mechanism("ip4:192.0.2.1").countsAsLookup()).isFalse();
    }

    @Test
    void ip6WithAndWithoutPrefix() {
      assertThat(mechanism("ip6:2001:db8::/32")).isEqualTo(new SpfMechanism.Ip6(IpNetwork.of("2001:db8::/32")));
      assertThat(mechanism("ip6:2001:db8::cb01"))
          .isEqualTo(new SpfMechanism.Ip6(IpNetwork.of("2001:db8::cb01/128")));
      assertThat(mechanism("ip6:::ffff:192.0.2.1")).isInstanceOf(SpfMechanism.Ip6.class);
      assertThat(mechanism("ip6:2001:db8::/32").countsAsLookup()).isFalse();
    }

    @Test
    void ptrWithAndWithoutDomain() {
      assertThat(mechanism("ptr")).isEqualTo(new SpfMechanism.Ptr(Optional.empty()));
      assertThat(mechanism("ptr:example.com")).isEqualTo(new SpfMechanism.Ptr(dom("example.com")));
      assertThat(mechanism("ptr").countsAsLookup()).isTrue();
    }

    @Test
    void modifiers() {
      SpfRecord r = ok("v=spf1 redirect=_spf.example.com exp=explain.%{d}");
      assertThat(r.terms()).containsExactly(
          new SpfTerm.Redirect(ms("_spf.example.com")), new SpfTerm.Explanation(ms("explain.%{d}")));
      assertThat(r.redirect()).contains(new SpfTerm.Redirect(ms("_spf.example.com")));
      assertThat(r.explanation()).contains(new SpfTerm.Explanation(ms("explain.%{d}")));
      assertThat(r.directives()).isEmpty();
    }

    @Test
    void unknownModifiersAreKeptWithAnInfoDiagnostic() {
      ParseResult<SpfRecord> r = SpfRecord.parse("v=spf1 foo=bar -all moo.cow-2_x=%{d}.x Foo=");
      assertThat(r.value()).isPresent();
      SpfRecord rec = r.value().get();
      assertThat(rec.unknownModifiers()).containsExactly(
          new SpfTerm.UnknownModifier("foo", ms("bar")),
          new SpfTerm.UnknownModifier("moo.cow-2_x", ms("%{d}.x")),
          new SpfTerm.UnknownModifier("Foo", ms("")));
      assertThat(rec.directives()).hasSize(1);
      assertThat(r.diagnostics()).extracting(Diagnostic::code).containsOnly(SpfCodes.SPF_UNKNOWN_MODIFIER);
      assertThat(r.diagnostics()).extracting(Diagnostic::severity).containsOnly(Severity.INFO);
      assertThat(r.diagnostics()).extracting(d -> d.span().orElseThrow().offset()).containsExactly(7, 20, 39);
      assertThat(rec.toString()).isEqualTo("v=spf1 foo=bar -all moo.cow-2_x=%{d}.x Foo=");
    }

    @Test
    void directivesInOrderAmongModifiers() {
      SpfRecord r = ok("v=spf1 a redirect=x.example mx exp=e.example -all");
      assertThat(r.directives()).extracting(d -> d.mechanism().name()).containsExactly("a", "mx", "all");
      assertThat(r.terms()).hasSize(5);
    }

    @Test
    void mechanismNamesThatLookLikeModifiersAreModifiers() {
      // name "=" ... is a modifier whatever the name; it is unknown and ignored.
      assertThat(ok("v=spf1 include=foo.example").unknownModifiers())
          .containsExactly(new SpfTerm.UnknownModifier("include", ms("foo.example")));
    }
  }

  // ---------------------------------------------------------------- case, spacing, version

  @Nested
  class CaseAndSpacing {

    @Test
    void namesAndVersionAreCaseInsensitive() {
      SpfRecord upper = ok("V=SPF1 A Mx/24 PTR IP4:192.0.2.1 Ip6:2001:DB8::1 -ALL");
      SpfRecord lower = ok("v=spf1 a mx/24 ptr ip4:192.0.2.1 ip6:2001:db8::1 -all");
      assertThat(upper).isEqualTo(lower);
      assertThat(upper.toString()).isEqualTo("v=spf1 a mx/24 ptr ip4:192.0.2.1 ip6:2001:db8::1 -all");
      assertThat(ok("v=spf1 INCLUDE:x.example").terms().get(0)).isEqualTo(
          new SpfTerm.Directive(SpfQualifier.PASS, new SpfMechanism.Include(ms("x.example"))));
      assertThat(ok("v=spf1 ExIsTs:x.example").directives().get(0).mechanism())
          .isInstanceOf(SpfMechanism.Exists.class);
      assertThat(ok("v=spf1 REDIRECT=x.example").redirect()).isPresent();
      assertThat(ok("v=spf1 Exp=x.example").explanation()).isPresent();
    }

    @Test
    void repeatedModifierCheckIsCaseInsensitive() {
      Diagnostic d = onlyError("v=spf1 redirect=a.example REDIRECT=b.example");
      assertThat(d.code()).isEqualTo(SpfCodes.SPF_DUPLICATE_MODIFIER);
      assertThat(d.span()).contains(SourceSpan.of("v=spf1 redirect=a.example REDIRECT=b.example", 26, 18));
    }

    @Test
    void severalSpacesBetweenTermsAndAtTheEnds() {
      String text = "v=spf1   a    -all   ";
      SpfRecord r = ok(text);
      assertThat(r.terms()).hasSize(2);
      assertThat(r.spanOf(0).offset()).isEqualTo(9);
      assertThat(r.spanOf(0).length()).isEqualTo(1);
      assertThat(r.spanOf(1).offset()).isEqualTo(14);
      assertThat(r.spanOf(1).length()).isEqualTo(4);
      assertThat(r.spanOf(1).column()).isEqualTo(15);
      assertThat(r).isEqualTo(ok("v=spf1 a -all"));
      assertThat(r.toString()).isEqualTo("v=spf1 a -all");
      assertThat(r.text()).isEqualTo(text);
    }

    @Test
    void versionAloneIsAnEmptyRecord() {
      assertThat(ok("v=spf1").terms()).isEmpty();
      assertThat(ok("v=spf1 ").terms()).isEmpty();
      assertThat(ok("v=spf1").toString()).isEqualTo("v=spf1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf10|7",
        "v=spf1a -all|7",
        "v=spf2 -all|7",
        "spf1 -all|7",
        "v=spf1\t-all|7",
        "v=spf|5",
        "' v=spf1 -all'|7",
    })
    void notSpfVersion1(String text, int length) {
      assertThat(SpfRecord.isSpfRecord(text)).isFalse();
      Diagnostic d = onlyError(text);
      assertThat(d.code()).isEqualTo(SpfCodes.SPF_NOT_SPF1);
      assertThat(d.span()).contains(SourceSpan.of(text, 0, length));
    }

    @Test
    void emptyTextIsNotSpf() {
      Diagnostic d = onlyError("");
      assertThat(d.code()).isEqualTo(SpfCodes.SPF_NOT_SPF1);
      assertThat(d.span()).contains(new SourceSpan(0, 0, 1, 1));
    }

    @Test
    void tooLongRecordIsRefusedUnparsed() {
      String text = "v=spf1" + " a".repeat(SpfRecord.MAX_RECORD_LENGTH / 2);
      Diagnostic d = onlyError(text);
      assertThat(d.code()).isEqualTo(SpfCodes.SPF_INVALID_TERM);
      assertThat(d.span().orElseThrow().length()).isEqualTo(text.length());
      assertThat(ok("v=spf1" + " a".repeat((SpfRecord.MAX_RECORD_LENGTH - 6) / 2)).terms())
          .hasSize((SpfRecord.MAX_RECORD_LENGTH - 6) / 2);
    }
  }

  // ---------------------------------------------------------------- syntax errors

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        // text, code, offset, length
        Arguments.of("v=spf1 a/33", SpfCodes.SPF_INVALID_CIDR, 9, 2),
        Arguments.of("v=spf1 a/01", SpfCodes.SPF_INVALID_CIDR, 9, 2),
        Arguments.of("v=spf1 a/1234", SpfCodes.SPF_INVALID_CIDR, 9, 4),
        Arguments.of("v=spf1 mx//129", SpfCodes.SPF_INVALID_CIDR, 11, 3),
        Arguments.of("v=spf1 mx//064", SpfCodes.SPF_INVALID_CIDR, 11, 3),
        Arguments.of("v=spf1 a:host.example/24//200", SpfCodes.SPF_INVALID_CIDR, 26, 3),
        Arguments.of("v=spf1 a:host.example/40//64", SpfCodes.SPF_INVALID_CIDR, 22, 2),
        Arguments.of("v=spf1 ip4:192.0.2.0/33", SpfCodes.SPF_INVALID_CIDR, 21, 2),
        Arguments.of("v=spf1 ip4:192.0.2.0/01", SpfCodes.SPF_INVALID_CIDR, 21, 2),
        Arguments.of("v=spf1 ip4:192.0.2.0/", SpfCodes.SPF_INVALID_CIDR, 21, 0),
        Arguments.of("v=spf1 ip4:1.2.3.4//64", SpfCodes.SPF_INVALID_CIDR, 19, 3),
        Arguments.of("v=spf1 ip6:2001:db8::/129", SpfCodes.SPF_INVALID_CIDR, 22, 3),
        Arguments.of("v=spf1 ip4:1.2.3", SpfCodes.SPF_INVALID_IP, 11, 5),
        Arguments.of("v=spf1 ip4:1.2.3.256/24", SpfCodes.SPF_INVALID_IP, 11, 9),
        Arguments.of("v=spf1 ip4:01.2.3.4", SpfCodes.SPF_INVALID_IP, 11, 8),
        Arguments.of("v=spf1 ip4:2001:db8::1", SpfCodes.SPF_INVALID_IP, 11, 11),
        Arguments.of("v=spf1 ip6:192.0.2.1", SpfCodes.SPF_INVALID_IP, 11, 9),
        Arguments.of("v=spf1 ip6:2001:db8:::1", SpfCodes.SPF_INVALID_IP, 11, 12),
        Arguments.of("v=spf1 ip4:", SpfCodes.SPF_INVALID_TERM, 7, 4),
        Arguments.of("v=spf1 ip4", SpfCodes.SPF_INVALID_TERM, 7, 3),
        Arguments.of("v=spf1 -all foo -all", SpfCodes.SPF_UNKNOWN_MECHANISM, 12, 3),
        Arguments.of("v=spf1 ~ip5:1.2.3.4", SpfCodes.SPF_UNKNOWN_MECHANISM, 7, 12),
        Arguments.of("v=spf1 +", SpfCodes.SPF_UNKNOWN_MECHANISM, 7, 1),
        Arguments.of("v=spf1 =foo", SpfCodes.SPF_UNKNOWN_MECHANISM, 7, 4),
        Arguments.of("v=spf1 all:foo", SpfCodes.SPF_INVALID_TERM, 7, 7),
        Arguments.of("v=spf1 -all/24", SpfCodes.SPF_INVALID_TERM, 7, 7),
        Arguments.of("v=spf1 include", SpfCodes.SPF_INVALID_TERM, 7, 7),
        Arguments.of("v=spf1 include:", SpfCodes.SPF_INVALID_TERM, 7, 8),
        Arguments.of("v=spf1 exists", SpfCodes.SPF_INVALID_TERM, 7, 6),
        Arguments.of("v=spf1 ptr/24", SpfCodes.SPF_INVALID_TERM, 7, 6),
        Arguments.of("v=spf1 a/24x", SpfCodes.SPF_INVALID_TERM, 7, 5),
        Arguments.of("v=spf1 redirect=a.example redirect=b.example", SpfCodes.SPF_DUPLICATE_MODIFIER, 26, 18),
        Arguments.of("v=spf1 exp=a.example -all exp=b.example", SpfCodes.SPF_DUPLICATE_MODIFIER, 26, 13),
        Arguments.of("v=spf1 redirect=", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 16, 0),
        Arguments.of("v=spf1 a:", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 9, 0),
        Arguments.of("v=spf1 a:foo.123", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 9, 7),
        Arguments.of("v=spf1 include:localhost", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 15, 9),
        Arguments.of("v=spf1 mx:example.-com", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 10, 12),
        Arguments.of("v=spf1 a:example.com-", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 9, 12),
        Arguments.of("v=spf1 exists:%{i}bl", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 14, 6),
        Arguments.of("v=spf1 exp=foo.com..", SpfCodes.SPF_INVALID_DOMAIN_SPEC, 11, 9),
        Arguments.of("v=spf1 exists:%{x}.example.com", SpfCodes.SPF_INVALID_MACRO, 14, 4),
        Arguments.of("v=spf1 exists:a.%{c}.example.com", SpfCodes.SPF_INVALID_MACRO, 16, 4),
        Arguments.of("v=spf1 exists:%{r}.example.com", SpfCodes.SPF_INVALID_MACRO, 14, 4),
        Arguments.of("v=spf1 exp=%{t}.example.com", SpfCodes.SPF_INVALID_MACRO, 11, 4),
        Arguments.of("v=spf1 a:%z.example.com", SpfCodes.SPF_INVALID_MACRO, 9, 2),
        Arguments.of("v=spf1 foo=bar%", SpfCodes.SPF_INVALID_MACRO, 14, 1),
        Arguments.of("v=spf1 a:%{d", SpfCodes.SPF_INVALID_MACRO, 9, 3),
        Arguments.of("v=spf1 a:%{}.example.com", SpfCodes.SPF_INVALID_MACRO, 9, 3),
        Arguments.of("v=spf1 a:%{d0}.example.com", SpfCodes.SPF_INVALID_MACRO, 9, 5),
        Arguments.of("v=spf1 a:%{d2q}.example.com", SpfCodes.SPF_INVALID_MACRO, 9, 6),
        Arguments.of("v=spf1 a:%{d1234}.example.com", SpfCodes.SPF_INVALID_MACRO, 9, 8),
        Arguments.of("v=spf1 a:h\u00e9.example.com", SpfCodes.SPF_INVALID_CHARACTER, 10, 1),
        Arguments.of("v=spf1 -all \u00e9", SpfCodes.SPF_INVALID_CHARACTER, 12, 1),
        Arguments.of("v=spf1 a\t-all", SpfCodes.SPF_INVALID_CHARACTER, 8, 1),
        Arguments.of("v=spf1 a:x.example\u0000", SpfCodes.SPF_INVALID_CHARACTER, 18, 1),
        Arguments.of("v=spf1 a\n-all", SpfCodes.SPF_INVALID_CHARACTER, 8, 1),
        Arguments.of("v=spf1 a\u007f", SpfCodes.SPF_INVALID_CHARACTER, 8, 1),
        Arguments.of("v=spf1 a\u00a0-all", SpfCodes.SPF_INVALID_CHARACTER, 8, 1),
        Arguments.of("v=spf1 a:\ud83d\ude00.example", SpfCodes.SPF_INVALID_CHARACTER, 9, 1));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1} at {2}+{3}")
  @MethodSource("syntaxErrors")
  void syntaxErrorHasItsCodeAndExactPosition(String text, DiagnosticCode code, int offset, int length) {
    Diagnostic d = onlyError(text);
    assertThat(d.code()).as("%s", d).isEqualTo(code);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.span()).as("%s", d).contains(SourceSpan.of(text, offset, length));
    assertThat(d.reference()).isPresent();
  }

  @Test
  void spansCarryLineAndColumn() {
    Diagnostic d = onlyError("v=spf1 a a/33");
    assertThat(d.span()).contains(new SourceSpan(11, 2, 1, 12));
    Diagnostic afterNewline = SpfRecord.parse("v=spf1 a\n/33").errors().get(0);
    assertThat(afterNewline.span()).contains(new SourceSpan(8, 1, 1, 9));
  }

  @Test
  void everyBrokenTermIsReported() {
    String text = "v=spf1 a/33 foo ip4:1.2.3 -all all:x redirect=a.example redirect=b.example";
    ParseResult<SpfRecord> r = SpfRecord.parse(text);
    assertThat(r.value()).isEmpty();
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(
        SpfCodes.SPF_INVALID_CIDR, SpfCodes.SPF_UNKNOWN_MECHANISM, SpfCodes.SPF_INVALID_IP,
        SpfCodes.SPF_INVALID_TERM, SpfCodes.SPF_DUPLICATE_MODIFIER);
    assertThat(r.errors()).extracting(e -> e.span().orElseThrow().offset()).containsExactly(9, 12, 20, 31, 56);
  }

  @Test
  void errorsAreCappedAndParsingStops() {
    String text = "v=spf1" + " foo".repeat(1000);
    ParseResult<SpfRecord> r = SpfRecord.parse(text);
    assertThat(r.value()).isEmpty();
    assertThat(r.errors()).hasSize(SpfRecord.MAX_ERRORS);
    assertThat(r.errors().get(SpfRecord.MAX_ERRORS - 1).span().orElseThrow().offset())
        .isEqualTo(7 + 4 * (SpfRecord.MAX_ERRORS - 1));
  }

  @Test
  void manyUnknownModifiersStillParseWithCappedNotes() {
    ParseResult<SpfRecord> r = SpfRecord.parse("v=spf1" + " x=y".repeat(1000) + " -all");
    assertThat(r.value()).isPresent();
    assertThat(r.value().get().unknownModifiers()).hasSize(1000);
    assertThat(r.value().get().spanOf(1000)).isEqualTo(new SourceSpan(4007, 4, 1, 4008));
    assertThat(r.diagnostics()).hasSize(SpfRecord.MAX_ERRORS);
  }

  @Test
  void explanationOnlyMacroLettersAreFineInUnknownModifierValueOnlyWhenValid() {
    // c, r and t are only for exp text (RFC 7208 section 7.2): refused in any domain-spec.
    assertThat(onlyError("v=spf1 redirect=%{c}.example.com").code()).isEqualTo(SpfCodes.SPF_INVALID_MACRO);
    assertThat(onlyError("v=spf1 ptr:%{T}.example.com").code()).isEqualTo(SpfCodes.SPF_INVALID_MACRO);
    // Upper-case letters of the allowed set are fine (URL-escaped on expansion).
    assertThat(ok("v=spf1 exists:%{I}.%{V}.%{D2}.%{S}.%{L}.%{O}.%{H}.%{P}.example.com").directives()).hasSize(1);
  }

  @Test
  void domainSpecsThatAreValid() {
    for (String spec : List.of("example.com", "example.com.", "_spf.example.com", "%{d}", "%{d2}.%{ir}.x",
        "a.xn--p1ai", "a.b-c", "a.1-2", "a.a1", "a.1a", "%{l}%{d}", "x.%{d}", ".com", "%{d}.com",
        "example.com%%", "example.com%_", "example.com%-", "ex%%ample.com", "x_y.example.com")) {
      assertThat(SpfRecord.parse("v=spf1 a:" + spec).errors()).as("a:%s", spec).isEmpty();
    }
  }

  @Test
  void domainSpecsThatDoNotEndInATopLabel() {
    for (String spec : List.of("foo.123", "foo", "foo.", "foo.-a", "foo.a-", "foo.a_b", "%{d}com",
        "%{d}.123", "foo.com/", "foo..", "foo.com%%.")) {
      ParseResult<SpfRecord> r = SpfRecord.parse("v=spf1 a:" + spec);
      assertThat(r.errors()).as("a:%s", spec).extracting(Diagnostic::code)
          .containsExactly(SpfCodes.SPF_INVALID_DOMAIN_SPEC);
    }
  }

  // ---------------------------------------------------------------- select

  @Nested
  class Select {
    final DomainName name = DomainName.of("example.com");

    TxtRecord txt(String... strings) {
      return TxtRecord.of(name, 300, strings);
    }

    @Test
    void joinsTheStringsOfOneRecordWithoutSpaces() {
      assertThat(SpfRecord.select(List.of(txt("v=spf1 ip4:192.0.2.0/24 ", "include:a.example -all"))))
          .containsExactly("v=spf1 ip4:192.0.2.0/24 include:a.example -all");
      assertThat(SpfRecord.select(List.of(txt("v=spf1 a", "-all")))).containsExactly("v=spf1 a-all");
      assertThat(SpfRecord.select(List.of(txt("v=sp", "f1 -all")))).containsExactly("v=spf1 -all");
    }

    @Test
    void ignoresRecordsOfTypeSpf() {
      TxtRecord type99 = new TxtRecord(name, RecordType.SPF, 300, List.of("v=spf1 -all"));
      assertThat(SpfRecord.select(List.of(type99))).isEmpty();
      assertThat(SpfRecord.select(List.of(type99, txt("v=spf1 +all")))).containsExactly("v=spf1 +all");
    }

    @Test
    void ignoresTextThatIsNotSpf() {
      assertThat(SpfRecord.select(List.of(txt("google-site-verification=abc"), txt("v=spf10 -all"),
          txt("v=DMARC1; p=none"), txt(""), txt("V=SPF1 ~all")))).containsExactly("V=SPF1 ~all");
      assertThat(SpfRecord.select(List.of())).isEmpty();
    }

    @Test
    void returnsEverySpfRecordInOrder() {
      assertThat(SpfRecord.select(List.of(txt("v=spf1 -all"), txt("other"), txt("v=spf1 +all"), txt("v=spf1"))))
          .containsExactly("v=spf1 -all", "v=spf1 +all", "v=spf1");
    }
  }

  // ---------------------------------------------------------------- rendering

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=spf1|v=spf1",
      "V=SPF1   +A   -ALL|v=spf1 a -all",
      "v=spf1 +mx ?ptr ~exists:%{i}.x.example|v=spf1 mx ?ptr ~exists:%{i}.x.example",
      "v=spf1 ip4:192.0.2.1/32 ip4:192.0.2.77/24|v=spf1 ip4:192.0.2.1 ip4:192.0.2.0/24",
      "v=spf1 ip6:2001:DB8:0:0:0:0:0:1 ip6:2001:db8::1/128 ip6:2001:db8::1/32|"
          + "v=spf1 ip6:2001:db8::1 ip6:2001:db8::1 ip6:2001:db8::/32",
      "v=spf1 A:Host.Example/24//64 MX//64 a/0|v=spf1 a:Host.Example/24//64 mx//64 a/0",
      "v=spf1 a:host.example/32|v=spf1 a:host.example/32",
      "v=spf1 Include:%{D}.Example.com -All|v=spf1 include:%{D}.Example.com -all",
      "v=spf1 REDIRECT=%{d2}.x.example EXP=exp.%{l1r-}.example|v=spf1 redirect=%{d2}.x.example exp=exp.%{l1r-}.example",
      "v=spf1 Foo-Bar=%%x%_y%-z -all|v=spf1 Foo-Bar=%%x%_y%-z -all",
      "v=spf1 ptr:Example.COM. -all|v=spf1 ptr:Example.COM. -all",
  })
  void canonicalRendering(String text, String canonical) {
    SpfRecord r = ok(text);
    assertThat(r.toString()).isEqualTo(canonical);
    SpfRecord again = ok(canonical);
    assertThat(again).isEqualTo(r);
    assertThat(again.hashCode()).isEqualTo(r.hashCode());
    assertThat(again.toString()).isEqualTo(canonical);
  }

  @Test
  void termsRenderOnTheirOwn() {
    SpfRecord r = ok("v=spf1 ~A:x.example//64 redirect=y.example exp=z.example foo=bar");
    assertThat(r.terms()).extracting(Object::toString)
        .containsExactly("~a:x.example//64", "redirect=y.example", "exp=z.example", "foo=bar");
  }

  @Test
  void recordsDifferingInOneTermAreNotEqual() {
    assertThat(ok("v=spf1 a -all")).isNotEqualTo(ok("v=spf1 a ~all"));
    assertThat(ok("v=spf1 a/24")).isNotEqualTo(ok("v=spf1 a//24"));
    assertThat(ok("v=spf1 a:x.example")).isNotEqualTo(ok("v=spf1 mx:x.example"));
    assertThat(ok("v=spf1 -all a")).isNotEqualTo(ok("v=spf1 a -all"));
  }
}
