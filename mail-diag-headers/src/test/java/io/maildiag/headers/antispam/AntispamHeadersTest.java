package io.maildiag.headers.antispam;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.ip.IpAddress;
import io.maildiag.headers.HeaderSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AntispamHeadersTest {

  private static AntispamHeaders read(String fixture) throws IOException {
    return AntispamHeaders.of(HeaderSection.parse(
        Files.readAllBytes(Path.of("src/test/resources/antispam", fixture))).orElseThrow());
  }

  private static List<DiagnosticCode> codes(AntispamHeaders a) {
    return a.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void decodesAMicrosoftSpamVerdict() throws IOException {
    AntispamHeaders a = read("m365-spam.txt");
    ForefrontAntispamReport r = a.forefront().orElseThrow();
    assertThat(r.connectingIp()).hasValue(IpAddress.of("203.0.113.77"));
    assertThat(r.country()).hasValue("NL");
    assertThat(r.language()).hasValue("en");
    assertThat(r.scl()).hasValue(new SpamConfidenceLevel(6));
    assertThat(r.scl().orElseThrow().meaning()).startsWith("spam");
    assertThat(r.spamFilterVerdict()).hasValue(SpamFilterVerdict.SPM);
    assertThat(r.ipFilterVerdict()).hasValue(IpFilterVerdict.NLI);
    assertThat(r.helo()).hasValue("mail.example.org");
    assertThat(r.ptr()).hasValue("mail.example.org");
    assertThat(r.category()).hasValue(ProtectionCategory.SPM);
    assertThat(r.safety()).isEmpty();
    assertThat(r.service()).isEmpty();
    assertThat(r.isBulk()).isFalse();
    assertThat(r.direction()).hasValue(MessageDirection.INB);
    assertThat(r.spamFilterRules()).hasValue("(13230031)(4636009)(376005)(366004)");
    assertThat(r.unknownFields()).containsOnlyKeys("SFP");
    assertThat(r.get("sfp")).hasValue("1102");
    assertThat(r.isSpam()).isTrue();
    assertThat(a.microsoftAntispam().orElseThrow().bcl()).hasValue(new BulkComplaintLevel(0));
    assertThat(a.microsoftAntispam().orElseThrow().get("ARA")).hasValue("1444111002|1800799024");
    assertThat(a.exchangeScl()).hasValue(new SpamConfidenceLevel(6));
    assertThat(a.markedAsSpam()).isTrue();
    assertThat(codes(a)).containsExactly(AntispamCodes.HEADERS_ANTISPAM_MARKED_SPAM);
    assertThat(a.diagnostics().get(0).message()).contains("SFV:SPM", "SCL 6");
  }

  @Test
  void decodesBulkPhishingWithUnknownFields() throws IOException {
    AntispamHeaders a = read("m365-bulk-phish.txt");
    ForefrontAntispamReport r = a.forefront().orElseThrow();
    assertThat(r.connectingIp()).hasValue(IpAddress.of("2001:db8:10::25"));
    assertThat(r.category()).hasValue(ProtectionCategory.HPHSH);
    assertThat(r.category().orElseThrow().meaning()).isEqualTo("high confidence phishing");
    assertThat(r.safety()).hasValue("9.25");
    assertThat(r.safetyMeaning().orElseThrow()).startsWith("first contact safety tip");
    assertThat(r.isBulk()).isTrue();
    assertThat(r.ptr()).isEmpty();
    assertThat(r.unknownFields()).containsOnlyKeys("ENG", "EFV");
    assertThat(a.microsoftAntispam().orElseThrow().bcl().orElseThrow().isBulkByDefault()).isTrue();
    assertThat(codes(a)).containsExactly(AntispamCodes.HEADERS_ANTISPAM_MARKED_SPAM, AntispamCodes.HEADERS_ANTISPAM_BULK,
        AntispamCodes.HEADERS_ANTISPAM_BULK);
    assertThat(a.diagnostics().get(0).message()).contains("high confidence phishing");
  }

  @Test
  void reportsSkippedFiltering() throws IOException {
    AntispamHeaders a = read("m365-allowed.txt");
    ForefrontAntispamReport r = a.forefront().orElseThrow();
    assertThat(r.scl().orElseThrow().value()).isEqualTo(-1);
    assertThat(r.spamFilterVerdict()).hasValue(SpamFilterVerdict.SKA);
    assertThat(r.ipFilterVerdict()).hasValue(IpFilterVerdict.CAL);
    assertThat(r.category()).hasValue(ProtectionCategory.NONE);
    assertThat(r.country()).isEmpty();
    assertThat(r.isSpam()).isFalse();
    assertThat(a.forefrontUntrusted().orElseThrow().direction()).hasValue(MessageDirection.OUT);
    assertThat(a.markedAsSpam()).isFalse();
    assertThat(codes(a)).containsExactly(AntispamCodes.HEADERS_ANTISPAM_FILTERING_SKIPPED);
    assertThat(a.diagnostics().get(0).message()).contains("allowed senders");
  }

  @Test
  void decodesSpamAssassin() throws IOException {
    AntispamHeaders a = read("spamassassin.txt");
    SpamAssassinStatus s = a.spamAssassin().orElseThrow();
    assertThat(s.spam()).hasValue(true);
    assertThat(s.score()).hasValue(7.1);
    assertThat(s.required()).hasValue(5.0);
    assertThat(s.testNames()).containsExactly("BAYES_99", "BAYES_999", "HTML_MESSAGE", "URIBL_BLOCKED");
    assertThat(s.other()).containsEntry("autolearn", "no").containsEntry("version", "3.4.6");
    assertThat(a.spamFlag()).hasValue(true);
    assertThat(a.spamScore()).hasValue(7.1);
    assertThat(a.spamLevel()).hasValue(7);
    assertThat(a.markedAsSpam()).isTrue();
    assertThat(codes(a)).containsExactly(AntispamCodes.HEADERS_ANTISPAM_MARKED_SPAM);
    assertThat(a.diagnostics().get(0).message()).contains("7.1", "BAYES_99");
  }

  @Test
  void decodesAmavisScoredTests() throws IOException {
    AntispamHeaders a = read("amavis.txt");
    SpamAssassinStatus s = a.spamAssassin().orElseThrow();
    assertThat(s.spam()).hasValue(false);
    assertThat(s.isSpam()).isFalse();
    assertThat(s.required()).hasValue(6.31);
    assertThat(s.tests()).containsExactly(new SpamTest("BAYES_00", Optional.of(-1.9)),
        new SpamTest("DKIM_SIGNED", Optional.of(0.1)), new SpamTest("DKIM_VALID", Optional.of(-0.1)));
    assertThat(s.other()).containsEntry("tagged_above", "-9999").containsEntry("autolearn", "ham");
    assertThat(a.spamLevel()).hasValue(0);
    assertThat(a.spamFlag()).hasValue(false);
    assertThat(a.diagnostics()).isEmpty();
  }

  @Test
  void keepsGarbageAsDiagnostics() throws IOException {
    AntispamHeaders a = read("malformed.txt");
    assertThat(a.forefront().orElseThrow().scl()).isEmpty();
    assertThat(a.forefront().orElseThrow().get("SFV")).hasValue("XYZ");
    assertThat(a.forefront().orElseThrow().spamFilterVerdict()).isEmpty();
    assertThat(a.exchangeScl()).isEmpty();
    assertThat(a.spamScore()).isEmpty();
    assertThat(a.spamAssassin().orElseThrow().spam()).isEmpty();
    assertThat(codes(a)).containsExactlyInAnyOrder(
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED, // garbage item
        AntispamCodes.HEADERS_ANTISPAM_UNKNOWN_VALUE, // SFV:XYZ
        AntispamCodes.HEADERS_ANTISPAM_UNKNOWN_VALUE, // CAT:NEWCAT
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED, // SCL:high
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED, // CIP
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED, // BCL
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED, // Exchange SCL
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED, // SpamAssassin score
        AntispamCodes.HEADERS_ANTISPAM_MALFORMED); // X-Spam-Score
  }

  @Test
  void absentHeadersGiveAnEmptyReading() {
    AntispamHeaders a = AntispamHeaders.of(HeaderSection.parse("Subject: x\n\n").orElseThrow());
    assertThat(a.forefront()).isEmpty();
    assertThat(a.spamAssassin()).isEmpty();
    assertThat(a.spamLevel()).isEmpty();
    assertThat(a.markedAsSpam()).isFalse();
    assertThat(a.diagnostics()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SpamFilterVerdict.class)
  void everyVerdictHasACodeAndMeaning(SpamFilterVerdict v) {
    assertThat(SpamFilterVerdict.fromCode(v.code().toLowerCase())).hasValue(v);
    assertThat(v.meaning()).isNotBlank();
  }

  @Test
  void documentedCodeSetsAreComplete() {
    assertThat(List.of(SpamFilterVerdict.values())).extracting(SpamFilterVerdict::code)
        .contains("SPM", "SKS", "SKA", "SKB", "SKN", "SKI", "SKQ", "SFE", "BLK", "NSPM");
    assertThat(List.of(ProtectionCategory.values())).extracting(ProtectionCategory::code)
        .contains("BULK", "DIMP", "GIMP", "HPHSH", "HPHISH", "HSPM", "MALW", "PHSH", "SPM", "SPOOF", "UIMP", "AMP",
            "SAP", "OSPM");
    assertThat(MessageDirection.fromCode("int")).hasValue(MessageDirection.INT);
    assertThat(IpFilterVerdict.fromCode("cal")).hasValue(IpFilterVerdict.CAL);
    assertThat(ProtectionCategory.fromCode("nope")).isEmpty();
    for (int scl = -1; scl <= 9; scl++) {
      assertThat(new SpamConfidenceLevel(scl).meaning()).isNotBlank();
    }
    for (int bcl = 0; bcl <= 9; bcl++) {
      assertThat(new BulkComplaintLevel(bcl).meaning()).isNotBlank();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpamConfidenceLevel(10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
