package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.core.ip.IpNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the SPF record parser: it never throws and positions every diagnostic inside the
 * input; generated valid records parse to the terms they were built from, and the canonical
 * rendering parses back to an equal record and is stable.
 */
class SpfRecordPropertiesTest {

  // ---------------------------------------------------------------- robustness

  @Property(tries = 400)
  void parseNeverThrowsAndEveryDiagnosticLiesInsideTheInput(@ForAll("anyText") String text) {
    checkRobust(text);
  }

  @Property(tries = 4)
  void parseCopesWithVeryLongInput(@ForAll("longText") String text) {
    long start = System.nanoTime();
    checkRobust(text);
    assertThat(System.nanoTime() - start).as("parse time in ns of %d chars", text.length())
        .isLessThan(20_000_000_000L); // a hang guard, not a speed test (speed is measured in JMH)
  }

  @Property(tries = 300)
  void mutatedValidRecordsNeverThrow(@ForAll("validRecords") Generated record,
      @ForAll("noise") String noise, @ForAll @IntRange(min = 0, max = 10_000) int where) {
    int at = where % (record.text().length() + 1);
    checkRobust(record.text().substring(0, at) + noise + record.text().substring(at));
    checkRobust(record.text().substring(0, at));
  }

  static void checkRobust(String text) {
    ParseResult<SpfRecord> r = SpfRecord.parse(text);
    assertThat(r).isNotNull();
    assertThat(r.value().isPresent()).isEqualTo(!r.hasErrors());
    assertThat(r.errors().size()).isLessThanOrEqualTo(SpfRecord.MAX_ERRORS);
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.span()).as("span of %s", d).isPresent();
      SourceSpan s = d.span().get();
      assertThat(s.offset()).as("%s", d).isBetween(0, text.length());
      assertThat(s.end()).as("%s", d).isLessThanOrEqualTo(text.length());
      assertThat(s).as("line and column of %s", d).isEqualTo(SourceSpan.of(text, s.offset(), s.length()));
      assertThat(d.message()).isNotBlank();
    }
    if (!SpfRecord.isSpfRecord(text) && text.length() <= SpfRecord.MAX_RECORD_LENGTH) {
      assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(SpfCodes.SPF_NOT_SPF1);
    }
    r.value().ifPresent(rec -> {
      assertThat(rec.text()).isEqualTo(text);
      for (int i = 0; i < rec.terms().size(); i++) {
        SourceSpan s = rec.spanOf(i);
        assertThat(s).isEqualTo(SourceSpan.of(text, s.offset(), s.length()));
        String alone = text.substring(s.offset(), s.end());
        assertThat(SpfRecord.parse("v=spf1 " + alone).value().orElseThrow().terms())
            .containsExactly(rec.terms().get(i));
      }
      checkRendering(rec);
    });
  }

  static void checkRendering(SpfRecord rec) {
    String canonical = rec.toString();
    ParseResult<SpfRecord> again = SpfRecord.parse(canonical);
    assertThat(again.errors()).as("errors of %s", canonical).isEmpty();
    assertThat(again.value()).contains(rec);
    assertThat(again.value().get().hashCode()).isEqualTo(rec.hashCode());
    assertThat(again.value().get().toString()).isEqualTo(canonical);
    assertThat(canonical).startsWith(SpfRecord.VERSION).doesNotContain("  ").doesNotEndWith(" ");
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(120);
    Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u0020')
        .withChars("v=spf1 \u007f\u0085\u00a0\u2028\ufeff").ofMaxLength(40);
    Arbitrary<String> spfish = Arbitraries.strings().withChars("v=spf1 %{}:/.-+~?_,aAmMxXiIpPdDlLsSrRtTcC04689")
        .ofMaxLength(120);
    return Arbitraries.oneOf(
        unicode,
        controls,
        unicode.map(s -> "v=spf1 " + s),
        spfish.map(s -> "v=spf1 " + s),
        spfish,
        Arbitraries.of("", "v=spf1", "v=spf1 ", "v=spf10", "v=spf1\n", "v=spf1 %", "v=spf1 a:%{", "v=spf1 ip6:::",
            "v=spf1 a//", "v=spf1 a/", "v=spf1 :", "v=spf1 =", "v=spf1 a:\ud800", "v=spf1 \udfff"));
  }

  @Provide
  Arbitrary<String> longText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMinLength(60_000).ofMaxLength(66_000),
        Arbitraries.strings().withChars("a:%{}/. -~x=d").ofMinLength(60_000).ofMaxLength(65_528)
            .map(s -> "v=spf1 " + s),
        Arbitraries.of(" a", " x=y", " foo", " a/33", " %").map(t -> "v=spf1" + t.repeat(65_528 / t.length())));
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4),
        Arbitraries.of(" ", "%", "/", "//", ":", "=", "{", "}", "-", "+", "0", "99", "\t", "\u00e9", "."));
  }

  // ---------------------------------------------------------------- generated valid records

  /** A generated record: its text and the terms it must parse to. */
  record Generated(String text, List<SpfTerm> terms) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** One generated term: how it is written and what it means. */
  record GenTerm(String text, SpfTerm term) {}

  @Property(tries = 500)
  void validRecordsParseToTheirTermsAndRenderStably(@ForAll("validRecords") Generated g) {
    ParseResult<SpfRecord> r = SpfRecord.parse(g.text());
    assertThat(r.errors()).as("errors of %s", g.text()).isEmpty();
    SpfRecord rec = r.value().orElseThrow();
    assertThat(rec.terms()).isEqualTo(g.terms());
    checkRendering(rec);
    // Rendering is idempotent: render(parse(render(x))) == render(x).
    String once = rec.toString();
    String twice = SpfRecord.parse(once).value().orElseThrow().toString();
    assertThat(twice).isEqualTo(once);
    checkRobust(g.text());
  }

  static MacroString ms(String text) {
    List<Diagnostic> out = new ArrayList<>();
    MacroString m = MacroString.parse(text, text, 0, false, out);
    assertThat(out).as("macro-string %s", text).isEmpty();
    return m;
  }

  @Provide
  Arbitrary<Generated> validRecords() {
    Arbitrary<String> version = Arbitraries.of("v=spf1", "V=SPF1", "v=Spf1");
    Arbitrary<String> gap = Arbitraries.strings().withChars(' ').ofMinLength(1).ofMaxLength(3);
    Arbitrary<Tuple.Tuple2<String, GenTerm>> spaced = Combinators.combine(gap, term()).as(Tuple::of);
    return Combinators.combine(version, spaced.list().ofMaxSize(8), Arbitraries.of("", " ", "  "))
        .as((v, terms, tail) -> {
          StringBuilder text = new StringBuilder(v);
          List<SpfTerm> expected = new ArrayList<>();
          boolean redirect = false;
          boolean exp = false;
          for (Tuple.Tuple2<String, GenTerm> t : terms) {
            SpfTerm term = t.get2().term();
            if (term instanceof SpfTerm.Redirect) {
              if (redirect) {
                continue;
              }
              redirect = true;
            } else if (term instanceof SpfTerm.Explanation) {
              if (exp) {
                continue;
              }
              exp = true;
            }
            text.append(t.get1()).append(t.get2().text());
            expected.add(term);
          }
          text.append(expected.isEmpty() ? "" : tail);
          return new Generated(text.toString(), expected);
        });
  }

  Arbitrary<GenTerm> term() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, directive()),
        Tuple.of(1, Combinators.combine(cased("redirect"), domainSpec())
            .as((n, d) -> new GenTerm(n + "=" + d, new SpfTerm.Redirect(ms(d))))),
        Tuple.of(1, Combinators.combine(cased("exp"), domainSpec())
            .as((n, d) -> new GenTerm(n + "=" + d, new SpfTerm.Explanation(ms(d))))),
        Tuple.of(1, unknownModifier()));
  }

  Arbitrary<GenTerm> directive() {
    Arbitrary<String> qualifier = Arbitraries.of("", "+", "-", "~", "?");
    Arbitrary<Tuple.Tuple2<String, SpfMechanism>> mechanism = Arbitraries.oneOf(
        cased("all").map(n -> Tuple.of(n, (SpfMechanism) new SpfMechanism.All())),
        Combinators.combine(cased("include"), domainSpec())
            .as((n, d) -> Tuple.of(n + ":" + d, (SpfMechanism) new SpfMechanism.Include(ms(d)))),
        Combinators.combine(cased("exists"), domainSpec())
            .as((n, d) -> Tuple.of(n + ":" + d, (SpfMechanism) new SpfMechanism.Exists(ms(d)))),
        addressMechanism("a"),
        addressMechanism("mx"),
        Combinators.combine(cased("ptr"), domainSpec().optional()).as((n, d) -> Tuple.of(
            n + d.map(x -> ":" + x).orElse(""),
            (SpfMechanism) new SpfMechanism.Ptr(d.map(SpfRecordPropertiesTest::ms)))),
        ip4(),
        ip6());
    return Combinators.combine(qualifier, mechanism).as((q, m) -> new GenTerm(q + m.get1(),
        new SpfTerm.Directive(q.isEmpty() ? SpfQualifier.PASS : SpfQualifier.ofSymbol(q.charAt(0)), m.get2())));
  }

  Arbitrary<Tuple.Tuple2<String, SpfMechanism>> addressMechanism(String name) {
    Arbitrary<Optional<Integer>> cidr4 = Arbitraries.integers().between(0, 32).optional();
    Arbitrary<Optional<Integer>> cidr6 = Arbitraries.integers().between(0, 128).optional();
    return Combinators.combine(cased(name), domainSpec().optional(), cidr4, cidr6).as((n, d, c4, c6) -> {
      String text = n + d.map(x -> ":" + x).orElse("") + c4.map(c -> "/" + c).orElse("")
          + c6.map(c -> "//" + c).orElse("");
      Optional<MacroString> domain = d.map(SpfRecordPropertiesTest::ms);
      OptionalInt p4 = c4.map(OptionalInt::of).orElse(OptionalInt.empty());
      OptionalInt p6 = c6.map(OptionalInt::of).orElse(OptionalInt.empty());
      SpfMechanism m = name.equals("a") ? new SpfMechanism.A(domain, p4, p6) : new SpfMechanism.Mx(domain, p4, p6);
      return Tuple.of(text, m);
    });
  }

  Arbitrary<Tuple.Tuple2<String, SpfMechanism>> ip4() {
    return Combinators.combine(cased("ip4"), Arbitraries.bytes().array(byte[].class).ofSize(4),
        Arbitraries.integers().between(0, 32).optional()).as((n, bytes, prefix) -> {
          IpAddress a = IpAddress.fromBytes(bytes);
          String text = n + ":" + a + prefix.map(p -> "/" + p).orElse("");
          return Tuple.of(text, new SpfMechanism.Ip4(IpNetwork.of(a, prefix.orElse(32))));
        });
  }

  Arbitrary<Tuple.Tuple2<String, SpfMechanism>> ip6() {
    Arbitrary<byte[]> bytes = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofSize(16),
        // Mostly zeros, so that "::" compression and IPv4-mapped forms occur.
        Arbitraries.bytes().between((byte) 0, (byte) 1).array(byte[].class).ofSize(16),
        Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> {
          byte[] m = new byte[16];
          m[10] = (byte) 0xff;
          m[11] = (byte) 0xff;
          System.arraycopy(b, 0, m, 12, 4);
          return m;
        }));
    Arbitrary<Integer> form = Arbitraries.integers().between(0, 2);
    return Combinators.combine(cased("ip6"), bytes, Arbitraries.integers().between(0, 128).optional(), form)
        .as((n, b, prefix, f) -> {
          IpAddress a = IpAddress.fromBytes(b);
          String literal = switch (f) {
            case 0 -> a.toString();
            case 1 -> a.toExpandedString();
            default -> a.toExpandedString().toUpperCase(Locale.ROOT);
          };
          String text = n + ":" + literal + prefix.map(p -> "/" + p).orElse("");
          return Tuple.of(text, new SpfMechanism.Ip6(IpNetwork.of(a, prefix.orElse(128))));
        });
  }

  Arbitrary<GenTerm> unknownModifier() {
    Arbitrary<String> name = Combinators.combine(
            Arbitraries.chars().range('a', 'z').range('A', 'Z'),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("-_.").ofMaxLength(8))
        .as((c, rest) -> c + rest)
        .filter(n -> !n.equalsIgnoreCase("redirect") && !n.equalsIgnoreCase("exp"));
    return Combinators.combine(name, macroString()).as((n, v) -> new GenTerm(n + "=" + v,
        new SpfTerm.UnknownModifier(n, ms(v))));
  }

  /** A domain-spec: macro-string parts, ending in "." toplabel ["."] or in a macro-expand. */
  Arbitrary<String> domainSpec() {
    Arbitrary<String> ending = Arbitraries.oneOf(
        Combinators.combine(topLabel(), Arbitraries.of("", ".")).as((t, dot) -> "." + t + dot),
        macro(),
        Arbitraries.of("%%", "%_", "%-"));
    return Combinators.combine(macroString(), ending).as((m, e) -> m + e);
  }

  /** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ). */
  Arbitrary<String> topLabel() {
    Arbitrary<String> alnum = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').ofMaxLength(5);
    Arbitrary<String> withAlpha = Combinators.combine(alnum, Arbitraries.chars().range('a', 'z').range('A', 'Z'),
        alnum).as((x, a, y) -> x + a + y);
    Arbitrary<String> withHyphen = Combinators.combine(alnum.filter(s -> !s.isEmpty()),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(4),
        Arbitraries.chars().range('0', '9').range('a', 'z')).as((x, mid, end) -> x + "-" + mid + end);
    return Arbitraries.oneOf(withAlpha, withHyphen);
  }

  /** Any macro-string without the c, r and t letters (those are for exp text only). */
  Arbitrary<String> macroString() {
    Arbitrary<String> literal = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars(".-_").ofMinLength(1)
            .ofMaxLength(8),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(4)
            .map(s -> s.replace("%", ""))
            .filter(s -> !s.isEmpty()));
    Arbitrary<String> part = Arbitraries.frequencyOf(
        Tuple.of(4, literal),
        Tuple.of(2, macro()),
        Tuple.of(1, Arbitraries.of("%%", "%_", "%-")));
    return part.list().ofMaxSize(4).map(parts -> String.join("", parts));
  }

  Arbitrary<String> macro() {
    Arbitrary<Character> letter = Arbitraries.of('s', 'l', 'o', 'd', 'i', 'p', 'h', 'v', 'S', 'L', 'O', 'D', 'I',
        'P', 'H', 'V');
    Arbitrary<String> digits = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.integers().between(1, 128).map(String::valueOf));
    Arbitrary<String> reverse = Arbitraries.of("", "r", "R");
    Arbitrary<String> delimiters = Arbitraries.strings().withChars(MacroString.DELIMITERS).ofMaxLength(3);
    return Combinators.combine(letter, digits, reverse, delimiters)
        .as((l, d, r, del) -> "%{" + l + d + r + del + "}");
  }

  /** A name in lower, upper or mixed case. */
  static Arbitrary<String> cased(String name) {
    return Arbitraries.of(name, name.toUpperCase(Locale.ROOT),
        Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }
}
