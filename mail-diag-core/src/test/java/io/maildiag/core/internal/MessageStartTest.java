package io.maildiag.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MessageStartTest {

  private static int after(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    return MessageStart.afterEmptyLines(b, b.length);
  }

  @Test
  void emptyLinesBeforeAFieldOrAFromLineAreSkipped() {
    assertThat(after("\nFrom: a@example.org\n\nbody")).isEqualTo(1);
    assertThat(after("\r\n \t\r\n\rSubject : x\n")).isEqualTo(7);
    assertThat(after("\n\nFrom MAILER-DAEMON Thu Jan  1 00:00:00 2026\n")).isEqualTo(2);
  }

  @Test
  void otherwiseNothingIsSkipped() {
    assertThat(after("From: a@example.org\n")).isZero();                 // no empty line first
    assertThat(after("\nThis is the mail system at host x.\n")).isZero();  // text, not a field
    assertThat(after("\n\n\n")).isZero();                                  // nothing follows
    assertThat(after("\n: no name\n")).isZero();
    assertThat(after("  Subject: x\n")).isZero();                          // white space, no line break
    assertThat(after("")).isZero();
    byte[] b = "\nFrom: a@example.org".getBytes(StandardCharsets.US_ASCII);
    assertThat(MessageStart.afterEmptyLines(b, 1)).isZero();               // only the first length bytes count
  }

  @Test
  void aFieldNameIsPrintableAsciiThenAColon() {
    byte[] b = "X-Spam_Score: 1\nBad Name: x\nDate\t: y\n\u00e9: z".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MessageStart.fieldStartsAt(b, 0, b.length)).isTrue();
    assertThat(MessageStart.fieldStartsAt(b, 16, b.length)).isFalse();
    assertThat(MessageStart.fieldStartsAt(b, 28, b.length)).isTrue();
    assertThat(MessageStart.fieldStartsAt(b, b.length - 4, b.length)).isFalse();
    assertThat(MessageStart.fieldStartsAt(b, 0, 12)).isFalse();              // the colon past the end
  }

  @Property(tries = 300)
  void theFirstFieldAfterAnyEmptyLinesIsFound(@ForAll @StringLength(min = 1, max = 8) @Chars({'\n', '\r', ' ', '\t'})
      String lead) {
    String breaks = lead.endsWith("\n") || lead.endsWith("\r") ? lead : lead + "\n";
    String field = "Received: from x by y; Thu, 1 Jan 2026 00:00:00 +0000\n";
    int start = after(breaks + field);
    boolean hasBreak = breaks.indexOf('\n') >= 0 || breaks.indexOf('\r') >= 0;
    assertThat(start).isEqualTo(hasBreak ? breaks.length() : 0);
  }
  @Test
  void aLengthPastTheArrayIsRefused() {
    assertThatThrownBy(() -> MessageStart.afterEmptyLines(new byte[] {'\n'}, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> MessageStart.fieldStartsAt(new byte[] {'a'}, 0, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
