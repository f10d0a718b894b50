package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Charsets, RFC 2047 words, transfer encodings, HTML and dates, all lenient. */
class DecodingTest {

  @Test
  void encodedWords() {
    assertThat(EncodedWords.decode("=?UTF-8?Q?Quarterly_r=C3=A9sum=C3=A9?=")).isEqualTo("Quarterly résumé");
    assertThat(EncodedWords.decode("=?utf-8?B?44ON44Kz?= =?utf-8?B?44Gh44KD44KT?=")).isEqualTo("ネコちゃん");
    assertThat(EncodedWords.decode("=?x-unknown?Q?abc?=")).isEqualTo("abc");
    assertThat(EncodedWords.decode("plain text")).isEqualTo("plain text");
    assertThat(EncodedWords.decode("=?iso-2022-jp?B?GyRCR1s/LklURz0bKEI=?=")).isEqualTo("配信不能");
  }

  @Test
  void charsetFallbacks() {
    Diags d = new Diags(10);
    byte[] utf8 = "résumé".getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.decode(utf8, null, d)).isEqualTo("résumé");
    assertThat(Charsets.decode(utf8, "us-ascii", d)).isEqualTo("résumé");
    assertThat(Charsets.decode(utf8, "x-no-such-charset", d)).isEqualTo("résumé");
    byte[] latin1 = "résumé".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Charsets.decode(latin1, "unicode-1-1-utf-7", d)).isEqualTo("résumé");
    assertThat(Charsets.decode(latin1, "iso-8859-1", d)).isEqualTo("résumé");
    assertThat(d.toList()).anyMatch(x -> x.code().equals(Codes.CHARSET_FALLBACK));
  }

  @Test
  void transferEncodingsAreLenient() {
    assertThat(new String(TransferDecoding.base64("aGVs\nbG8=!!garbage".getBytes(StandardCharsets.US_ASCII)),
        StandardCharsets.US_ASCII)).startsWith("hello");
    assertThat(new String(TransferDecoding.quotedPrintable("a=3Db=\nc =ZZ end=".getBytes(StandardCharsets.US_ASCII)),
        StandardCharsets.US_ASCII)).isEqualTo("a=bc =ZZ end");
    assertThat(TransferDecoding.decode("x".getBytes(StandardCharsets.US_ASCII), "x-uuencode")).containsExactly('x');
  }

  @Test
  void htmlBecomesText() {
    String t = Html.toText("<html><head><style>p{}</style></head><body><p>Address not found</p>"
        + "<p>550 &lt;a@example.com&gt;: User unknown</p></body></html>");
    assertThat(t).contains("Address not found").contains("550 <a@example.com>: User unknown").doesNotContain("p{}");
    assertThat(Html.isHtmlDocument("<kenji@example.org>:\nRemote host said: 550")).isFalse();
  }

  @Test
  void datesAreParsedLeniently() {
    assertThat(Dates.parse("Thu, 29 Apr 2013 23:45:41 +0900 (JST)"))
        .contains(OffsetDateTime.parse("2013-04-29T23:45:41+09:00"));
    assertThat(Dates.parse("29 Apr 2013 23:45 PDT")).contains(OffsetDateTime.parse("2013-04-29T23:45:00-07:00"));
    assertThat(Dates.parse("2024-05-25T06:59:58.000Z")).contains(OffsetDateTime.parse("2024-05-25T06:59:58Z"));
    assertThat(Dates.parse("yesterday")).isEmpty();
  }
}
