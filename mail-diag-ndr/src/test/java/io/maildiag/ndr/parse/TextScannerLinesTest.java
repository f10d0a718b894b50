package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Lines cut without {@link String#split}, the remote host read line by line without cutting every
 * line, and a block narrowed without its lines when no line is led by a marker.
 */
class TextScannerLinesTest {

  @Property(tries = 2000)
  void splitLinesIsSplitKeepingEmptyLines(@ForAll("blocks") String text) {
    assertThat(TextScanner.splitLines(text)).containsExactly(text.split("\n", -1));
  }

  @Property(tries = 2000)
  void splitDroppingTrailingEmptyIsSplit(@ForAll("blocks") String text) {
    assertThat(TextScanner.splitDroppingTrailingEmpty(text)).containsExactly(text.split("\n"));
  }

  @Property(tries = 2000)
  void lineStartsAreWhereSplitLinesStart(@ForAll("blocks") String text) {
    assertLineStarts(text);
  }

  @Example
  void aTranscriptReplyWrappedOntoLinesIndentedDeeperIsReadWhole() {
    String block = "    <<< 550 SC-004 Unfortunately, messages from 192.0.2.1 weren't sent. Too many\n"
        + "        unwanted messages have been sent from this IP address.\n"
        + "    554 5.0.0 Service unavailable\n";
    assertThat(TextScanner.narrow(block)).isEqualTo("550 SC-004 Unfortunately, messages from 192.0.2.1 weren't sent."
        + " Too many unwanted messages have been sent from this IP address.");
    // a line no deeper than the reply's is not part of it
    assertThat(TextScanner.narrow(block.replace("        unwanted", "    unwanted")))
        .isEqualTo("550 SC-004 Unfortunately, messages from 192.0.2.1 weren't sent. Too many");
  }

  @Example
  void lineStartsStopAtTheLineLimit() {
    for (int lines : new int[] {TextScanner.MAX_LINES - 1, TextScanner.MAX_LINES, TextScanner.MAX_LINES + 1,
        TextScanner.MAX_LINES + 7}) {
      String text = "x\n".repeat(lines - 1) + "last";
      assertLineStarts(text);
      assertLineStarts(text + "\n");
    }
  }

  @Property(tries = 2000)
  void lineIndexFindsTheLineStartsAsAskedFor(@ForAll("blocks") String text, @ForAll @net.jqwik.api.constraints.IntRange(
      min = -1, max = 40) int first) {
    assertLineIndex(text, first);
  }

  @Property(tries = 2000)
  void theRestIsItsLinesWithNewlines(@ForAll("blocks") String text, @ForAll @net.jqwik.api.constraints.IntRange(
      min = 0, max = 40) int from) {
    assertRest(text, from);
  }

  @Example
  void theRestStopsAtTheLineLimit() {
    for (int lines : new int[] {TextScanner.MAX_LINES / 2 - 1, TextScanner.MAX_LINES / 2, TextScanner.MAX_LINES - 1,
        TextScanner.MAX_LINES, TextScanner.MAX_LINES + 1}) {
      for (String text : new String[] {"x\n".repeat(lines - 1) + "last", "x\n".repeat(lines), "\n".repeat(lines)}) {
        for (int from : new int[] {0, 1, lines - 2, lines - 1, lines, lines + 1, TextScanner.MAX_LINES}) {
          assertRest(text, Math.max(0, from));
        }
      }
    }
  }

  /** The rest of a text from a line, read as the scan reads it, is what the whole line index gives. */
  private static void assertRest(String text, int from) {
    LineIndex all = new LineIndex(text);
    String expected = TextScanner.withNewlines(text, all, from, all.count());
    assertThat(TextScanner.restWithNewlines(text, new LineIndex(text), from)).isEqualTo(expected);
    LineIndex some = new LineIndex(text);
    some.has(Math.min(from, 3));
    assertThat(TextScanner.restWithNewlines(text, some, from)).isEqualTo(expected);
  }

  @Example
  void lineIndexStopsAtTheLineLimit() {
    for (int lines : new int[] {TextScanner.MAX_LINES - 1, TextScanner.MAX_LINES, TextScanner.MAX_LINES + 1}) {
      String text = "x\n".repeat(lines - 1) + "last";
      assertLineIndex(text, TextScanner.MAX_LINES - 2);
      assertLineIndex(text + "\n", TextScanner.MAX_LINES + 3);
    }
  }

  /** Cut short exactly when {@code text.split("\n", -1)} has more than {@link TextScanner#MAX_LINES} lines. */
  @Example
  void lineIndexIsCutShortPastTheLineLimit() {
    int max = TextScanner.MAX_LINES;
    for (int lines : new int[] {1, 2, max - 1, max, max + 1, 3 * max}) {
      String text = "x\n".repeat(lines - 1) + "last";
      assertThat(new LineIndex(text).cutShort()).as("%d lines", lines).isEqualTo(lines > max);
      // a newline at the end starts one more (empty) line
      assertThat(new LineIndex(text + "\n").cutShort()).as("%d lines and a newline", lines).isEqualTo(lines + 1 > max);
      assertThat(new LineIndex(text + "\n").cutShort()).isEqualTo(text.split("\n", -1).length + 1 > max);
    }
    assertThat(new LineIndex("").cutShort()).isFalse();
  }

  /** A {@link LineIndex} asked for line {@code first} first, then for each line, gives what lineStarts gives. */
  private static void assertLineIndex(String text, int first) {
    int[] starts = lineStarts(text);
    int n = starts.length - 1;
    LineIndex index = new LineIndex(text);
    if (first >= 0) {
      assertThat(index.has(first)).isEqualTo(first < n);
    }
    for (int i = 0; i <= n + 1; i++) {
      assertThat(index.has(i)).as(text + " line " + i).isEqualTo(i < n);
      if (i < n) {
        assertThat(index.start(i)).isEqualTo(starts[i]);
        assertThat(index.length(i)).isEqualTo(starts[i + 1] - 1 - starts[i]);
      }
    }
    assertThat(index.count()).isEqualTo(n);
    assertThat(index.all()).containsExactly(starts);
    assertThat(new LineIndex(text).all()).containsExactly(starts);
  }

  /** Each start, and the entry after the last, as {@code split("\n", -1)} cuts the text. */
  private static void assertLineStarts(String text) {
    String[] parts = text.split("\n", -1);
    int[] starts = lineStarts(text);
    int n = Math.min(parts.length, TextScanner.MAX_LINES);
    assertThat(starts).hasSize(n + 1);
    int at = 0;
    for (int i = 0; i < n; i++) {
      assertThat(starts[i]).isEqualTo(at);
      assertThat(text.substring(starts[i], starts[i + 1] - 1)).isEqualTo(parts[i]);
      at += parts[i].length() + 1;
    }
    assertThat(starts[n]).isEqualTo(at);
  }

  @Property(tries = 2000)
  void remoteHostAsEachLineIsTried(@ForAll("blocks") String block) {
    assertThat(TextScanner.remoteHost(block)).as(block).isEqualTo(plainRemoteHost(block));
  }

  /** Each line stripped and tried, as {@link TextScanner#remoteHost} reads them. */
  private static String plainRemoteHost(String block) {
    for (String raw : block.split("\n")) {
      String l = raw.strip();
      Matcher m = TextScanner.REMOTE_HOST.matcher(l);
      if (m.find()) {
        return m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }

  @Property(tries = 3000)
  void narrowWithoutTheLinesWhereNoneIsLed(@ForAll("replyBlocks") String block) {
    assertThat(TextScanner.narrow(block)).as(block).isEqualTo(TextScanner.narrowByLines(block));
  }

  @Property(tries = 3000)
  void endsWithColonIsStripThenEndsWith(@ForAll("colonLines") String l) {
    assertThat(TextScanner.endsWithColon(l)).as(l).isEqualTo(l.strip().endsWith(":"));
  }

  @Provide
  Arbitrary<String> colonLines() {
    return Arbitraries.of(":", "a", " ", "\t", "\u2003", "\u00a0", "\u001c", "\ud835\udc00", "\ud835", "\n", "x:")
        .list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> replyBlocks() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("<<< 550 5.1.1 no", "<<<", "out: 451 later", "S: 550-x", "s:", "<- 550 y", "Server: 554 z",
            "The response was:", "the response from the remote server was: 550 no", "Remote host said: 552 full",
            "Reason: quota", "reason:", "Diagnostic-Code: smtp; 550", "technical details of permanent failure:",
            "error message below:", "it responded as follows:", "the remote server said: x",
            "gave this error: 550 x", "the server responded with 421", "550 5.1.1 user unknown", "x", "said"),
        Arbitraries.of("", "\n", "\n\n", " ", "  ", "\t", "\r\n", "\u00a0", "\u000B"),
        Arbitraries.strings().withChars("ab:<- \n").ofMaxLength(6));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> blocks() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("host mx.example.com[192.0.2.1] said:", "while talking to mail.Example.org.:",
            "mx.example.net [10.0.0.1] did not like", "mx1.example.com:", "example.com [1.2.3.4]", "host ", "[", ":",
            "550 5.1.1 user unknown", "a.b.cc", "Host X.Y.ZZ", "mx.example.com.:", "a.b.cc[1.2.3.4]",
            "-x.example.org\t[::1]", "WHILE TALKING TO"),
        Arbitraries.of("", "\n", "\n\n", " ", "\t", "\r\n", "\u00a0"),
        Arbitraries.strings().withChars("ab.[]: \n").ofMaxLength(6));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  /**
   * The reference for {@link LineIndex}: where each of the first {@link TextScanner#MAX_LINES} lines
   * of {@code text} ({@code text.split("\n", -1)}) starts, and one more entry: where the next line
   * starts, or one past the text's end when the last line is the text's last.
   */
  private static int[] lineStarts(String text) {
    int[] starts = new int[TextScanner.MAX_LINES + 1];
    int k = 1;
    for (int nl = text.indexOf('\n'); k <= TextScanner.MAX_LINES; nl = text.indexOf('\n', nl + 1), k++) {
      if (nl < 0) {
        starts[k] = text.length() + 1;
        return Arrays.copyOf(starts, k + 1);
      }
      starts[k] = nl + 1;
    }
    return starts;
  }
}
