package io.maildiag.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.SourceSpan;
import io.maildiag.core.domain.DomainName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PSL algorithm over a small hand-written list, and Debian's real list. */
class PslAlgorithmTest {

  static final String LIST = String.join("\n",
      "// comment line",
      "// ===BEGIN ICANN DOMAINS===",
      "com",
      "uk",
      "co.uk",
      "jp",
      "kyoto.jp",
      "*.kobe.jp",
      "!city.kobe.jp",
      "*.ck",
      "!www.ck",
      "公司.cn   trailing text is ignored",
      "cn",
      "bad..rule",
      "a.*.b",
      "// ===END ICANN DOMAINS===",
      "// ===BEGIN PRIVATE DOMAINS===",
      "blogspot.com",
      "// ===END PRIVATE DOMAINS===",
      "");

  static PublicSuffixList psl;

  @BeforeAll
  static void load() {
    var r = PublicSuffixList.parse(LIST);
    assertThat(r.diagnostics()).hasSize(2);
    psl = r.value().orElseThrow();
  }

  @ParameterizedTest(name = "{0} -> suffix {1}, registrable {2}")
  @CsvSource(nullValues = "-", value = {
      "com,com,-",
      "example.com,com,example.com",
      "a.b.example.com,com,example.com",
      "example.co.uk,co.uk,example.co.uk",
      "a.b.example.co.uk,co.uk,example.co.uk",
      "co.uk,co.uk,-",
      "example,example,-",
      "a.example,example,a.example",
      "kyoto.jp,kyoto.jp,-",
      "test.kyoto.jp,kyoto.jp,test.kyoto.jp",
      "kobe.jp,jp,kobe.jp",
      "c.kobe.jp,c.kobe.jp,-",
      "b.c.kobe.jp,c.kobe.jp,b.c.kobe.jp",
      "city.kobe.jp,kobe.jp,city.kobe.jp",
      "www.city.kobe.jp,kobe.jp,city.kobe.jp",
      "ck,ck,-",
      "test.ck,test.ck,-",
      "b.test.ck,test.ck,b.test.ck",
      "www.ck,ck,www.ck",
      "www.www.ck,ck,www.ck",
      "foo.blogspot.com,blogspot.com,foo.blogspot.com",
      "xn--55qx5d.cn,xn--55qx5d.cn,-",
      "食狮.公司.cn,xn--55qx5d.cn,xn--85x722f.xn--55qx5d.cn"})
  void algorithm(String domain, String suffix, String registrable) {
    DomainName d = DomainName.of(domain);
    assertThat(psl.publicSuffix(d)).hasToString(suffix);
    assertThat(psl.registrableDomain(d).map(Object::toString).orElse(null)).isEqualTo(registrable);
    assertThat(psl.isPublicSuffix(d)).isEqualTo(registrable == null);
  }

  @Test
  void icannOnlyIgnoresPrivateRules() {
    DomainName d = DomainName.of("foo.blogspot.com");
    assertThat(psl.icannOnly().registrableDomain(d)).contains(DomainName.of("blogspot.com"));
    assertThat(psl.icannOnly().includesPrivate()).isFalse();
  }

  @Test
  void organizationalDomainOfAPublicSuffixIsItself() {
    assertThat(psl.organizationalDomain(DomainName.of("co.uk"))).isEqualTo(DomainName.of("co.uk"));
  }

  static final Path DEBIAN = Path.of("/usr/share/publicsuffix/public_suffix_list.dat");

  @Test
  void debianList() throws Exception {
    if (!Files.isReadable(DEBIAN)) {
      assertThat(System.getenv("CI")).as("CI must install the publicsuffix package").isNotEqualTo("true");
      org.junit.jupiter.api.Assumptions.abort("skipped: " + DEBIAN + " is absent (apt-get install publicsuffix)");
    }
    PublicSuffixList real = PublicSuffixList.load(DEBIAN).value().orElseThrow();
    assertThat(real.size()).isGreaterThan(5000);
    assertThat(real.registrableDomain(DomainName.of("a.b.example.co.uk"))).contains(DomainName.of("example.co.uk"));
    assertThat(real.registrableDomain(DomainName.of("mail.example.com"))).contains(DomainName.of("example.com"));
    assertThat(real.registrableDomain(DomainName.of("www.ck"))).contains(DomainName.of("www.ck"));
    assertThat(real.isPublicSuffix(DomainName.of("anything.ck"))).isTrue();
    assertThat(real.isPublicSuffix(DomainName.of("github.io"))).isTrue();
    assertThat(real.icannOnly().isPublicSuffix(DomainName.of("github.io"))).isFalse();
  }

  @Test
  void loadReadsAFileUpToItsLimit(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path small = Files.writeString(dir.resolve("small.dat"), "// ===BEGIN ICANN DOMAINS===\ncom\nco.uk\n");
    ParseResult<PublicSuffixList> list = PublicSuffixList.load(small);
    assertThat(list.value()).isPresent();
    assertThat(list.value().get().size()).isEqualTo(2);

    Path exact = Files.write(dir.resolve("exact.dat"), filled(PublicSuffixList.MAX_FILE_BYTES));
    assertThat(PublicSuffixList.load(exact).value()).isPresent();

    Path large = Files.write(dir.resolve("large.dat"), filled(PublicSuffixList.MAX_FILE_BYTES + 1));
    ParseResult<PublicSuffixList> tooLarge = PublicSuffixList.load(large);
    assertThat(tooLarge.value()).isEmpty();
    assertThat(tooLarge.errors()).extracting(Diagnostic::code).containsExactly(DmarcCodes.PSL_TOO_LARGE);

    Path latin1 = Files.write(dir.resolve("latin1.dat"), new byte[] {'c', 'o', (byte) 0xe9, '\n'});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicSuffixList.load(latin1))
        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
  }

  /** {@code n} bytes of comment lines. */
  private static byte[] filled(int n) {
    byte[] bytes = new byte[n];
    java.util.Arrays.fill(bytes, (byte) '/');
    for (int i = 99; i < n; i += 100) {
      bytes[i] = '\n';
    }
    return bytes;
  }

  @Test
  void anUnusableRuleIsAWarningAtItsPlace() {
    String text = "com\n// comment\n  a*b.example  trailing words\n*.ok.example\nbad..name\n";
    ParseResult<PublicSuffixList> r = PublicSuffixList.parse(text);

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(2);
    Diagnostic wildcard = r.diagnostics().get(0);
    assertThat(wildcard.code()).isEqualTo(DmarcCodes.PSL_INVALID_RULE);
    assertThat(wildcard.message()).contains("a*b.example");
    int at = text.indexOf("a*b");
    assertThat(wildcard.span()).contains(SourceSpan.of(text, at, "a*b.example".length()));
    assertThat(wildcard.span().orElseThrow().line()).isEqualTo(3);
    assertThat(wildcard.span().orElseThrow().column()).isEqualTo(3);
    assertThat(r.diagnostics().get(1).span()).contains(SourceSpan.of(text, text.indexOf("bad.."), 9));
  }

  @Test
  void aListOfUnusableRulesIsReportedWithinABound() {
    String text = "a*b\n".repeat(250_000); // a megabyte of rules, none usable
    ParseResult<PublicSuffixList> r = PublicSuffixList.parse(text);

    assertThat(r.isSuccess()).isTrue();
    assertThat(r.diagnostics()).hasSize(PublicSuffixList.MAX_WARNINGS + 1);
    assertThat(r.diagnostics().get(PublicSuffixList.MAX_WARNINGS - 1).span().orElseThrow().line())
        .isEqualTo(PublicSuffixList.MAX_WARNINGS);
    assertThat(r.diagnostics().get(PublicSuffixList.MAX_WARNINGS).message())
        .startsWith((250_000 - PublicSuffixList.MAX_WARNINGS) + " more rules");
  }
}
