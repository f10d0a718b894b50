package io.maildiag.headers;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 2047 decoding as seen through {@link HeaderField#decodedValue()}. */
class EncodedWordsTest {

  private static ParseResult<HeaderSection> parse(String field) {
    return HeaderSection.parse(field + "\n\n");
  }

  private static String decoded(String field) {
    return parse(field).orElseThrow().fields().get(0).decodedValue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Subject: =?UTF-8?B?Q2Fmw6k=?=                          | Caf\u00e9",
    "Subject: =?utf-8?b?Q2Fmw6k?=                           | Caf\u00e9",
    "Subject: =?UTF-8?Q?Caf=C3=A9_au_lait?=                 | Caf\u00e9 au lait",
    "Subject: =?ISO-8859-1?Q?a=E9b?=                        | a\u00e9b",
    "Subject: =?iso-8859-1*fr?Q?=E9t=E9?=                   | \u00e9t\u00e9",
    "Subject: =?windows-1252?Q?=80?=                        | \u20ac",
    "Subject: Re: =?UTF-8?Q?x?= and more                    | Re: x and more",
    "Subject: =?UTF-8?Q?a?= =?UTF-8?Q?b?=                   | ab",
    "Subject: =?UTF-8?Q?a?=   \t =?UTF-8?Q?b?=              | ab",
    "Subject: =?UTF-8?Q?a?= x =?UTF-8?Q?b?=                 | a x b",
    "Subject: =?UTF-8?B?w6k=?==?UTF-8?B?w6k=?=              | \u00e9\u00e9",
    "Subject: plain =? not ?= encoded                      | plain =? not ?= encoded",
    "Subject: =?iso-2022-jp?B?GyRCJUslYyE8JXMbKEI=?=       | \u30cb\u30e3\u30fc\u30f3",
  })
  void decodes(String field, String expected) {
    assertThat(decoded(field.strip())).isEqualTo(expected.strip());
  }

  @Test
  void joinsACharacterSplitAcrossTwoWords() {
    // U+00E9 is C3 A9 in UTF-8: one byte in each word.
    assertThat(decoded("Subject: =?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=")).isEqualTo("caf\u00e9");
  }

  @Test
  void keepsAnUnknownCharsetRawWithADiagnostic() {
    ParseResult<HeaderSection> r = parse("Subject: =?x-no-such-charset?Q?abc?= tail");
    assertThat(r.orElseThrow().fields().get(0).decodedValue()).isEqualTo("=?x-no-such-charset?Q?abc?= tail");
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(HeaderCodes.HEADERS_ENCODED_WORD_UNKNOWN_CHARSET);
  }

  @Test
  void keepsMalformedWordsRawWithADiagnostic() {
    ParseResult<HeaderSection> r = parse("Subject: =?UTF-8?B?@@@@?= and =?UTF-8?Q?bad=ZZ?=");
    assertThat(r.orElseThrow().fields().get(0).decodedValue()).isEqualTo("=?UTF-8?B?@@@@?= and =?UTF-8?Q?bad=ZZ?=");
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(HeaderCodes.HEADERS_ENCODED_WORD_MALFORMED, HeaderCodes.HEADERS_ENCODED_WORD_MALFORMED);
  }

  @Test
  void doesNotDecodeStructuredFields() {
    HeaderField f = parse("Message-ID: <=?UTF-8?Q?x?=@example.com>").orElseThrow().fields().get(0);
    assertThat(f.decodedValue()).isEqualTo(f.unfoldedValue());
  }

  @Test
  void decodesDisplayNamesInAddressFields() {
    assertThat(decoded("From: =?UTF-8?Q?Jos=C3=A9?= <jose@example.com>")).isEqualTo("Jos\u00e9 <jose@example.com>");
  }

  @Test
  void turnsDecodedLineBreaksIntoSpaces() {
    assertThat(decoded("Subject: =?UTF-8?Q?a=0D=0Ab?=")).isEqualTo("a  b");
  }
}
