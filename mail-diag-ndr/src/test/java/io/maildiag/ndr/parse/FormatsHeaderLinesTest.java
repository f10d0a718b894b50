package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Formats.HeaderLines} answers as a search of the lower-cased header text does. */
class FormatsHeaderLinesTest {
  /** The words the format detector asks for, and awkward ones around separators and odd chars. */
  private static final String[] WORDS = {
      "\nx-ses-", "\nx-sendgrid-", "\nx-mailgun-", "\nx-ms-exchange-message-is-ndr", "\nx-ms-embedded-report",
      "internet mail service", "\nx-ms-exchange-", "x-ms-exchange-crosstenant", "prod.outlook.com",
      "protection.outlook.com", "\nx-postfix", "-eximdsn-", "\nx-failed-recipients:",
      "auto-submitted: auto-generated (failure)", "\n", ":", ": ", "\n:", "a:", ": a", "a: b", "\na", "\na:", "\na: b",
      "\na: b\n", "b\n", "i", "k", "ki", "xi", "ai:", "a: i", "a:i", "\nx:", "x", "ab", "a b", " a", "b:c: d",
      "\nk: k", "ik", "v", "xv", "a(b", "=", "service", "\nv", "(failure)", "\nx-failed-recipients: a",
      "\ni", "\nk", "\nx-postfi\u006b", "\na: ", "\na:  ", "vix", "xia", "wib", "a-vi", "mi", "u.i"};
  private static final String[] NAMES = {
      "X-SES-Outgoing", "x-ses-", "X-Sendgrid-Eid", "X-Mailgun-Sid", "X-MS-Exchange-Message-Is-Ndr",
      "X-MS-Embedded-Report", "X-MS-Exchange-CrossTenant-Id", "X-Postfix-Queue-ID", "X-Failed-Recipients",
      "X-Failed-Recipients ", "Auto-Submitted", "X-Auto-Submitted", "A", "a b", "K", "\u212a", "I", "\u0130",
      "X-MS-Exchange-CrossTenant", "X-Ms", "x-postfi\u212a", "Received", "", "A:B", "a\nb", "X\nX-SES-"};
  private static final String[] PIECES = {
      "Internet Mail Service (5.5)", "INTERNET MAIL SERVICE", "internet mail servi", "ce", "AM0PR01.prod.outlook.com",
      "EUR03.PROTECTION.OUTLOOK.COM", "x-ms-exchange-crosstenant", "E1ab-EximDsn-12", "-eximdsn-",
      "auto-generated (failure)", "Auto-Generated (Failure)", "auto-submitted: auto-generated (failure)",
      "AUTO-SUBMITTED: AUTO-GENERATED (FAILURE)", "auto-submitted:", " ", ":", ": ", "\n", "\nx-ses-", "\nX-Postfix",
      "a", "b", "A", "B", "i", "I", "k", "K", "x", "X", "\u0130", "\u212a", "\u03a3", "\u0307", "\u017f", "\u0131",
      "\ud83d\ude00", "\u00e9", "outloo\u212a.com", "prod.outlook.co", "m", "-", ".", "V", "v", "(", "SERVICE", "X", "=", "a(B",
      "V\u0130X", "w\u0130", "XIA", "xIa", "WiB", "vi", "M\u0130", "U.\u0130"};

  private static Headers random(Random random) {
    List<Headers.Field> fields = new ArrayList<>();
    int n = random.nextInt(6);
    for (int k = 0; k < n; k++) {
      String name = random.nextInt(3) == 0 ? EngineGatesTest.noise(random, PIECES, 1 + random.nextInt(3))
          : NAMES[random.nextInt(NAMES.length)];
      fields.add(new Headers.Field(name, EngineGatesTest.noise(random, PIECES, random.nextInt(8))));
    }
    return new Headers(fields);
  }

  @Test
  void answersAsTheLowerCasedText() {
    Random random = new Random(23);
    for (int i = 0; i < 20_000; i++) {
      Headers h = random(random);
      String blob = Formats.HeaderLines.lowerHeaderLines(h);
      Formats.HeaderLines lines = new Formats.HeaderLines(h);
      for (String w : WORDS) {
        assertThat(lines.contains(w)).as("%s in %s", w, blob).isEqualTo(blob.contains(w));
      }
    }
  }

  /** Raw pieces of header lines: folds, spacing around the colon, UTF-8 and bytes that are not UTF-8. */
  private static final String[] RAW = {
      "X-SES-Outgoing: 1", "X-Mailer: Internet Mail Service (5.5)", "Subject:", "Subject:  spaced  ",
      "To:a@b", "Received: from x\n\tby y", "X-Folded: a\n b\n\tc", "NoColonLine", "Name : v", "X-A:\t",
      "From: caf\u00c3\u00a9 <x@y>", "X-Bad: \u00ff\u00fe", "Auto-Submitted: auto-generated (failure)",
      "X-Long: " + "x".repeat(90), "K\u00e9y: v", "X-Empty:   ", "X-Fold-Only:\n ", "X-Ms-Exchange-CrossTenant-Id: 1",
      "Received: by prod.outlook.com\n with SMTP", "E: a\n\n", "\u0001X-SES-Control: 1", "X-Mailer: Internet Mail\n Service",
      "Auto-Submitted:\n auto-generated (failure)", "Auto-Submitted\t: Auto-Generated\n\t(Failure)", "X-Trail: -eximdsn\u0001",
      "X-Mid: prod.outlook\u0001.com", "X-Tab: internet\tmail service", "x-failed-recipients\u0002: a"};

  @Test
  void sectionsReadFromBytesGiveTheLinesTheirValuesGive() {
    // the root section's fields keep their bytes: the lines made from them must be those made from
    // the decoded values, and answer the same
    Random random = new Random(31);
    int fromBytes = 0;
    int ruledOut = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder raw = new StringBuilder();
      int n = random.nextInt(7);
      for (int k = 0; k < n; k++) {
        raw.append(RAW[random.nextInt(RAW.length)]).append('\n');
      }
      raw.append("\nbody\n");
      byte[] bytes = raw.toString().getBytes(StandardCharsets.ISO_8859_1);
      Headers h = new MimeReader(Limits.DEFAULT_MAX_MIME_DEPTH, Limits.DEFAULT_MAX_HEADER_FIELDS, new Diags(100),
          new Deadline(Duration.ofHours(1))).read(bytes).headers;
      String expected = Formats.HeaderLines.asWrittenFromValues(h);
      assertThat(Formats.HeaderLines.asWritten(h)).as(raw.toString()).isEqualTo(expected);
      if (Formats.HeaderLines.asciiLines(h) != null) {
        fromBytes++;
      }
      String blob = Formats.HeaderLines.lowerHeaderLines(h);
      Formats.HeaderLines lines = new Formats.HeaderLines(h);
      for (String w : WORDS) {
        assertThat(lines.contains(w)).as("%s in %s", w, blob).isEqualTo(blob.contains(w));
        // asked first, the word may be ruled out by the section as written, without the lines
        Formats.HeaderLines first = new Formats.HeaderLines(h);
        assertThat(first.contains(w)).as("%s first in %s", w, blob).isEqualTo(blob.contains(w));
        if (!first.linesMade()) {
          ruledOut++;
        }
      }
    }
    // most sections are ASCII and take the path from the bytes; the others the path from the values
    assertThat(fromBytes).isBetween(5_000, 19_000);
    // and many words are answered from the section as written
    assertThat(ruledOut).isGreaterThan(200_000);
  }

  @Test
  void fieldsWithoutLineBreaksAnswerAsTheLowerCasedText() {
    // no LF in a name or value: words starting a line are then read from the fields
    Random random = new Random(29);
    for (int i = 0; i < 20_000; i++) {
      List<Headers.Field> fields = new ArrayList<>();
      for (Headers.Field f : random(random).fields()) {
        fields.add(new Headers.Field(f.name().replace("\n", ""), f.value().replace("\n", "")));
      }
      Headers h = new Headers(fields);
      String blob = Formats.HeaderLines.lowerHeaderLines(h);
      Formats.HeaderLines lines = new Formats.HeaderLines(h);
      for (String w : WORDS) {
        assertThat(lines.contains(w)).as("%s in %s", w, blob).isEqualTo(blob.contains(w));
      }
    }
  }

  @Test
  void longSectionsAnswerFromTheText() {
    for (int cut : new int[] {0, 1, 7}) {
      List<Headers.Field> fields = new ArrayList<>();
      for (int k = 0; k < 400; k++) {
        fields.add(new Headers.Field(k == 399 ? "X-SES-Late" : "Received",
            (k % 7 == cut ? "\u0130" : "X").repeat(600) + (k == 399 ? " -eximdsn-" : "")));
      }
      Headers h = new Headers(fields);
      String blob = Formats.HeaderLines.lowerHeaderLines(h);
      Formats.HeaderLines lines = new Formats.HeaderLines(h);
      for (String w : WORDS) {
        assertThat(lines.contains(w)).as(w).isEqualTo(blob.contains(w));
      }
    }
  }

  @Test
  void findsTheDetectorsWords() {
    Headers h = new Headers(List.of(new Headers.Field("X-Failed-Recipients", "a@b.example"),
        new Headers.Field("X-Auto-Submitted", "Auto-Generated (Failure) more"),
        new Headers.Field("X-Mailer", "Internet Mail Service (5.5.2653.19)")));
    Formats.HeaderLines lines = new Formats.HeaderLines(h);
    assertThat(lines.contains("\nx-failed-recipients:")).isTrue();
    assertThat(lines.contains("auto-submitted: auto-generated (failure)")).isTrue();
    assertThat(lines.contains("internet mail service")).isTrue();
    assertThat(lines.contains("\nx-ses-")).isFalse();
    assertThat(lines.contains("\nx-failed-recipients: a@b")).isTrue();
    assertThat(lines.contains("\nx-failed-recipients: a@c")).isFalse();
  }

  @Test
  void xPiecesAreThoseTheTextHolds() {
    String[] bits = {"x-", "x-ses-", "x-sendgrid-", "x-mailgun-", "x-ms-exchange-", "x-ms-exchange-crosstenant",
        "x-ms-embedded-report", "x-postfix", "x-failed-recipients", "x", "-", "s", "x-x-", "ms-", "a", "\n", ":"};
    Random random = new Random(37);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      String s = EngineGatesTest.noise(random, bits, random.nextInt(10));
      int got = Formats.HeaderLines.xPieces(s);
      for (int k = 0; k < Formats.HeaderLines.X_PIECES.length; k++) {
        boolean holds = s.contains(Formats.HeaderLines.X_PIECES[k]);
        assertThat((got & 1 << k) != 0).as("%s in %s", Formats.HeaderLines.X_PIECES[k], s).isEqualTo(holds);
        found += holds ? 1 : 0;
      }
    }
    assertThat(found).isGreaterThan(10_000);
  }

  @Test
  void piecesAreTheRunsBetweenColonsAndBlanks() {
    assertThat(Formats.HeaderLines.pieces("\nx-failed-recipients:")).containsExactly("x-failed-recipients");
    assertThat(Formats.HeaderLines.pieces("auto-submitted: auto-generated (failure)"))
        .containsExactly("auto-submitted", "auto-generated", "(failure)");
    assertThat(Formats.HeaderLines.pieces("a\u0001b\n:c")).containsExactly("a", "b", "c");
    assertThat(Formats.HeaderLines.pieces(": \n")).isEmpty();
  }
}
