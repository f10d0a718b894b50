package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.dns.InMemoryDnsResolver;
import io.maildiag.dns.RecordingDnsResolver;
import io.maildiag.dns.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPF macros (RFC 7208 section 7): parsing, the section 7.4 examples, escaping, and real expansion. */
class MacroStringTest {

  /** The raw values of RFC 7208 section 7.4: sender strong-bad@email.example.com from 192.0.2.3. */
  static final Map<Character, String> RFC_IPV4 = Map.of(
      's', "strong-bad@email.example.com",
      'l', "strong-bad",
      'o', "email.example.com",
      'd', "email.example.com",
      'i', "192.0.2.3",
      'p', "mx.example.org",
      'v', "in-addr",
      'h', "mx.example.org");

  static MacroString parse(String text, boolean exp) {
    List<Diagnostic> out = new ArrayList<>();
    MacroString m = MacroString.parse(text, text, 0, exp, out);
    assertThat(out).as("diagnostics of %s", text).isEmpty();
    assertThat(m).isNotNull();
    return m;
  }

  static Diagnostic parseError(String text, boolean exp) {
    List<Diagnostic> out = new ArrayList<>();
    MacroString m = MacroString.parse(text, text, 0, exp, out);
    assertThat(m).as("value of %s", text).isNull();
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  static String expand(String text, Map<Character, String> values) {
    return parse(text, true).expand(letter -> {
      String v = values.get(letter);
      assertThat(v).as("value of %s", letter).isNotNull();
      return v;
    });
  }

  // ---------------------------------------------------------------- RFC 7208 section 7.4

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "%{s}|strong-bad@email.example.com",
      "%{o}|email.example.com",
      "%{d}|email.example.com",
      "%{d4}|email.example.com",
      "%{d3}|email.example.com",
      "%{d2}|example.com",
      "%{d1}|com",
      "%{dr}|com.example.email",
      "%{d2r}|example.email",
      "%{l}|strong-bad",
      "%{l-}|strong.bad",
      "%{lr}|strong-bad",
      "%{lr-}|bad.strong",
      "%{l1r-}|strong",
      "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
      "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
      "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
      "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
      "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
      "%{p2}.trusted-domains.example.net|example.org.trusted-domains.example.net",
  })
  void rfc7208Section74Examples(String macro, String expansion) {
    assertThat(expand(macro, RFC_IPV4)).isEqualTo(expansion);
  }

  @Test
  void rfc7208Section74Ipv6Example() {
    Map<Character, String> v6 = Map.of(
        'i', "2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1",
        'v', "ip6", 'd', "email.example.com");
    assertThat(expand("%{ir}.%{v}._spf.%{d2}", v6)).isEqualTo(
        "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
  }

  // ---------------------------------------------------------------- transformers and delimiters

  @ParameterizedTest(name = "{0} of {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "%{l}|a-b.c_d|a-b.c_d",
      "%{l-}|a-b.c_d|a.b.c_d",
      "%{l-_}|a-b.c_d|a.b.c.d",
      "%{l_-}|a-b.c_d|a.b.c.d",
      "%{l+}|a+b|a.b",
      "%{l,}|a,b|a.b",
      "%{l/}|a/b|a.b",
      "%{l=}|a=b|a.b",
      "%{l.}|a.b|a.b",
      "%{lr.}|a.b|b.a",
      "%{l-.+,/_=}|a-b.c+d,e/f_g=h|a.b.c.d.e.f.g.h",
      "%{l2-}|a-b-c|b.c",
      "%{l2r-}|a-b-c|b.a",
      "%{l9}|a.b|a.b",
      "%{l128}|a.b|a.b",
      "%{l1}|a.b.|",
      "%{lr}|a.b.|.b.a",
      "%{l-}|nodelimiter|nodelimiter",
      "%{l--}|a--b|a..b",
      "%{l1r}|x|x",
      "%{lR}|a.b|b.a",
  })
  void transformersAndDelimiters(String macro, String value, String expansion) {
    assertThat(expand(macro, Map.of('l', value))).isEqualTo(expansion == null ? "" : expansion);
  }

  @Test
  void escapes() {
    assertThat(expand("%%", Map.of())).isEqualTo("%");
    assertThat(expand("%_", Map.of())).isEqualTo(" ");
    assertThat(expand("%-", Map.of())).isEqualTo("%20");
    assertThat(expand("100%%%_sure%-really", Map.of())).isEqualTo("100% sure%20really");
    assertThat(expand("%%{d}", Map.of())).isEqualTo("%{d}");
    assertThat(parse("%%{d}", false).hasMacros()).isFalse();
  }

  @Test
  void upperCaseLettersAreUrlEscapedWithUpperCaseHex() {
    Map<Character, String> v = Map.of('s', "strong-bad@email.example.com", 'l', "a+b/c=d e~f_g.h",
        'd', "example.com");
    assertThat(expand("%{S}", v)).isEqualTo("strong-bad%40email.example.com");
    assertThat(expand("%{L}", v)).isEqualTo("a%2Bb%2Fc%3Dd%20e~f_g.h");
    assertThat(expand("%{l}", v)).isEqualTo("a+b/c=d e~f_g.h");
    assertThat(expand("%{D2R}", v)).isEqualTo("com.example");
    // Escaping applies after the transformers, so delimiters that become dots are not escaped.
    assertThat(expand("%{L+/}", v)).isEqualTo("a.b.c%3Dd%20e~f_g.h");
    assertThat(MacroString.urlEscape("h\u00e9:*")).isEqualTo("h%C3%A9%3A%2A");
    assertThat(MacroString.urlEscape("AZaz09-._~")).isEqualTo("AZaz09-._~");
    assertThat(MacroString.urlEscape("\u0000\u007f")).isEqualTo("%00%7F");
  }

  @Test
  void renderingKeepsTheSourceAndEqualityFollowsIt() {
    assertThat(parse("%{D2r-}.x%%%_%-", false).toString()).isEqualTo("%{D2r-}.x%%%_%-");
    assertThat(parse("%{d}", false)).isEqualTo(parse("%{d}", false));
    assertThat(parse("%{d}", false)).isNotEqualTo(parse("%{D}", false));
    assertThat(parse("%{d}", false).hashCode()).isEqualTo(parse("%{d}", false).hashCode());
  }

  @Test
  void macroQueries() {
    MacroString m = parse("%{ir}.%{V}.x%%", false);
    assertThat(m.hasMacros()).isTrue();
    assertThat(m.usesMacro('i')).isTrue();
    assertThat(m.usesMacro('v')).isTrue();
    assertThat(m.usesMacro('V')).isTrue();
    assertThat(m.usesMacro('d')).isFalse();
    assertThat(parse("example.com", false).hasMacros()).isFalse();
    assertThat(parse("", false).hasMacros()).isFalse();
  }

  // ---------------------------------------------------------------- parse errors

  @ParameterizedTest(name = "{0} at {1}+{2}")
  @CsvSource(delimiter = '|', value = {
      "%{x}|0|4",
      "a.%{x}.b|2|4",
      "%{c}|0|4",
      "%{R}|0|4",
      "%{t}|0|4",
      "%z|0|2",
      "ab%|2|1",
      "%{d|0|3",
      "%{}|0|3",
      "%{d0}|0|5",
      "%{d1234}|0|8",
      "%{dx}|0|5",
      "%{d r}|0|6",
      "%{d2r2}|0|7",
      "%{\u0130}|0|4",
      "a b|1|1",
      "a\u00e9|1|1",
  })
  void parseErrorsArePositioned(String text, int offset, int length) {
    Diagnostic d = parseError(text, false);
    assertThat(d.code()).isIn(SpfCodes.SPF_INVALID_MACRO, SpfCodes.SPF_INVALID_CHARACTER);
    assertThat(d.span()).contains(SourceSpan.of(text, offset, length));
  }

  @Test
  void explanationTextAllowsCrtAndSpaces() {
    assertThat(parse("%{c} %{r} %{t} %{C}", true).usesMacro('t')).isTrue();
    assertThat(parseError("%{c}", false).code()).isEqualTo(SpfCodes.SPF_INVALID_MACRO);
    assertThat(parseError("a b", false).code()).isEqualTo(SpfCodes.SPF_INVALID_CHARACTER);
    assertThat(parseError("a\tb", true).code()).isEqualTo(SpfCodes.SPF_INVALID_CHARACTER);
    assertThat(parseError("%{x} ok", true).code()).isEqualTo(SpfCodes.SPF_INVALID_MACRO);
  }

  @Test
  void positionsAreRelativeToTheRecord() {
    String record = "v=spf1 exists:%{q}.example.com";
    List<Diagnostic> out = new ArrayList<>();
    assertThat(MacroString.parse("%{q}.example.com", record, 14, false, out)).isNull();
    assertThat(out).singleElement().satisfies(d -> assertThat(d.span()).contains(new SourceSpan(14, 4, 1, 15)));
  }

  // ---------------------------------------------------------------- expansion through SpfChecker

  @Nested
  class ThroughTheChecker {
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    SpfEvaluation explainFail(String ip, String sender, String helo, String... expStrings) {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
          .txt("email.example.com", "v=spf1 -all exp=explain.example.com")
          .txt("explain.example.com", expStrings)
          .ptrFor("192.0.2.3", "mx.example.org")
          .a("mx.example.org", "192.0.2.3")
          .ptrFor("2001:db8::cb01", "mx.example.org")
          .aaaa("mx.example.org", "2001:db8::cb01")
          .build();
      SpfChecker checker = SpfChecker.builder().resolver(dns)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).receiver("mx.receiver.example").build();
      SpfEvaluation e = checker.check(SpfRequest.mailFrom(IpAddress.of(ip), sender, helo));
      assertThat(e.result()).as(e.explain()).isEqualTo(SpfResult.FAIL);
      return e;
    }

    @Test
    void everyLetterForIpv4() {
      SpfEvaluation e = explainFail("192.0.2.3", "strong-bad@email.example.com", "helo.example.org",
          "s=%{s} l=%{l} o=%{o} d=%{d} i=%{i} p=%{p} v=%{v} h=%{h} ",
          "c=%{c} r=%{r} t=%{t} ir=%{ir}.%{v}._spf.%{d2} S=%{S}");
      assertThat(e.explanation()).contains("s=strong-bad@email.example.com l=strong-bad o=email.example.com "
          + "d=email.example.com i=192.0.2.3 p=mx.example.org v=in-addr h=helo.example.org "
          + "c=192.0.2.3 r=mx.receiver.example t=1700000000 ir=3.2.0.192.in-addr._spf.example.com "
          + "S=strong-bad%40email.example.com");
    }

    @Test
    void everyLetterForIpv6() {
      SpfEvaluation e = explainFail("2001:db8::cb01", "strong-bad@email.example.com", "helo.example.org",
          "i=%{i} v=%{v} c=%{c} p=%{p} ", "x=%{ir}.%{v}._spf.%{d2}");
      // RFC 7208 section 7.4 writes the nibbles in lower case, the openspf suite (test v-macro-ip6)
      // in upper case; the suite decides, and DNS does not care.
      assertThat(e.explanation()).contains(
          "i=2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.C.B.0.1 v=ip6 c=2001:db8::cb01 "
              + "p=mx.example.org "
              + "x=1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com");
    }

    @Test
    void ipv4MappedClientExpandsAsIpv4() {
      SpfEvaluation e = explainFail("::ffff:192.0.2.3", "strong-bad@email.example.com", "h.example",
          "%{i} %{v} %{c}");
      assertThat(e.explanation()).contains("192.0.2.3 in-addr 192.0.2.3");
    }

    @Test
    void emptyLocalPartIsPostmaster() {
      SpfEvaluation e = explainFail("192.0.2.3", "@email.example.com", "h.example", "%{l} %{s}");
      assertThat(e.explanation()).contains("postmaster postmaster@email.example.com");
    }

    @Test
    void unvalidatedPtrIsUnknown() {
      SpfEvaluation e = explainFail("192.0.2.99", "a@email.example.com", "h.example", "%{p}");
      assertThat(e.explanation()).contains("unknown");
    }

    @Test
    void pPrefersAValidatedNameInTheDomainBeingEvaluated() {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
          .txt("a.example", "v=spf1 exists:%{p}.ok.test include:b.example -all")
          .txt("b.example", "v=spf1 exists:%{p}.ok.test -all")
          .ptrFor("192.0.2.3", "mail.a.example").a("mail.a.example", "192.0.2.3")
          .ptrFor("192.0.2.3", "mail.b.example").a("mail.b.example", "192.0.2.3")
          .a("mail.b.example.ok.test", "127.0.0.2")
          .build();
      SpfEvaluation e = SpfChecker.builder().resolver(dns).build()
          .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.3"), "x@a.example", "h.example"));
      assertThat(e.result()).as(e.explain()).isEqualTo(SpfResult.PASS);
      assertThat(e.trace().queries()).extracting(q -> q.query().name().toString())
          .contains("mail.a.example.ok.test", "mail.b.example.ok.test");
    }

    @Test
    void defaultReceiverIsUnknown() {
      InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
          .txt("example.com", "v=spf1 -all exp=e.example.com").txt("e.example.com", "%{r}").build();
      SpfEvaluation e = SpfChecker.builder().resolver(dns).build()
          .check(SpfRequest.mailFrom(IpAddress.of("192.0.2.1"), "a@example.com", "h.example"));
      assertThat(e.explanation()).contains(SpfChecker.DEFAULT_RECEIVER);
    }

    @Test
    void invalidExplanationTextIsIgnored() {
      SpfEvaluation e = explainFail("192.0.2.3", "a@email.example.com", "h.example", "bad %{x} macro");
      assertThat(e.explanation()).isEmpty();
    }

    @Test
    void macrosInDomainSpecsBuildTheQuestion() {
      RecordingDnsResolver dns = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
          .txt("email.example.com", "v=spf1 exists:%{ir}.%{v}._spf.%{d2} exists:%{l1r-}.lp.%{d2} -all")
          .build());
      SpfChecker checker = SpfChecker.builder().resolver(dns).build();
      checker.check(SpfRequest.mailFrom(IpAddress.of("192.0.2.3"), "strong-bad@email.example.com", "h.example"));
      checker.check(SpfRequest.mailFrom(IpAddress.of("2001:db8::cb01"), "strong-bad@email.example.com", "h"));
      assertThat(dns.queries()).extracting(q -> q.name() + "/" + q.type()).contains(
          "3.2.0.192.in-addr._spf.example.com/A",
          "strong.lp.example.com/A",
          "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com/A");
      assertThat(dns.queryCount(RecordType.AAAA)).isZero();
    }
  }
}
