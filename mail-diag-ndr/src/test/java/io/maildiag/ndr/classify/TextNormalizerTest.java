package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mailbox Full|mailbox full",
      "  User\tunknown \u00a0 in   table |user unknown in table",
      "550 5.1.1 <bob@example.com>... User unknown|user unknown",
      "550-5.7.26 Unauthenticated email is not accepted due to 550-5.7.26 domain's DMARC policy|unauthenticated email is not accepted due to domains dmarc policy",
      "Sorry, no mailbox here by that name. (#5.1.1)|sorry no mailbox here by that name",
      "The user doesn't exist|the user does not exist",
      "I can't, I cannot, I won't, it isn't|i can not i can not i will not it is not",
      "couldn\u2019t find|could not find",
      "after MAIL FROM:<a@b.example> SIZE=1543:|after mail from size 1543",
      "550 ann@example.net...User unknown|user unknown",
      "550 ann@example.net... User unknown|user unknown",
      "Recipient address rejected: Over-quota_limit|recipient address rejected over quota limit",
      "see https://support.google.com/mail/?p=NoSuchUser|see https support google com mail p nosuchuser",
      "Échec: boîte pleine|echec boite pleine",
      "Empfänger unbekannt; Straße|empfanger unbekannt strasse",
      "L'utilisateur n'existe pas|l utilisateur n existe pas",
      "dell'autorizzazione, qu'il, I'm, user's, don't|dell autorizzazione qu il im users do not",
      "Ce\u0301dric NIÑO Łódź Œuvre|cedric nino lodz oeuvre",
      "Пользователь НЕ найден|пользователь не найден",
      "می\u200cخواهید|میخواهید",
      "नहीं मिला|नहीं मिला",
      "宛先が見つかりません。再送|宛先が見つかりません 再送",
      "\"quoted\" [bracketed] (paren)|quoted bracketed paren",
      "421 4.7.0 [TSS04] Messages|tss04 messages",
  })
  void normalises(String raw, String want) {
    assertThat(TextNormalizer.normalize(raw)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"''", "'   '", "'550 5.1.1'", "'<a@b>'", "'...'"})
  void emptyResults(String raw) {
    assertThat(TextNormalizer.normalize(raw)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void cutsLongInput() {
    String s = "word ".repeat(TextNormalizer.MAX_INPUT_CHARS);
    assertThat(TextNormalizer.normalize(s).length()).isLessThanOrEqualTo(TextNormalizer.MAX_INPUT_CHARS);
  }

  /** The folding tables are filled as letters are met: every Latin letter folds as the eager reference does. */
  @Test
  void everyLatinLetterFoldsAsTheReference() {
    for (int c = 0xA0; c < 0x2000; c++) {
      String one = String.valueOf((char) c);
      for (String text : new String[] {one, "x" + one + "y", one.toUpperCase(java.util.Locale.ROOT) + "b"}) {
        assertThat(TextNormalizer.normalize(text)).as("U+%04X", c).isEqualTo(NormalizerReference.normalize(text));
      }
    }
  }

  /** What the rule compiler takes as normal without normalising it is normal. */
  @Test
  void plainWordsAreTheirOwnNormalForm() throws java.io.IOException {
    java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of("user unknown", "a", "cannot deliver",
        "can not", "x  y", " x", "x ", "", "abc def ghi", "Abc", "r\u00e9sum\u00e9", "mailbox full", "nocannotx"));
    try (java.io.InputStream in = TextRules.class.getResourceAsStream(TextRules.RESOURCE)) {
      samples.addAll(TextRules.lines(in.readAllBytes()));
    }
    int plain = 0;
    for (String s : samples) {
      if (TextNormalizer.isPlainWords(s)) {
        plain++;
        assertThat(TextNormalizer.normalize(s)).as(s).isEqualTo(s);
      }
    }
    assertThat(plain).isGreaterThan(500);
    assertThat(TextNormalizer.isPlainWords("cannot deliver")).isFalse();
    assertThat(TextNormalizer.isPlainWords("x  y")).isFalse();
    assertThat(TextNormalizer.isPlainWords("user unknown")).isTrue();
  }
}
