package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lower-cased header lines of a message equal its fields lower-cased one by one. */
class EngineTest {

  private static String fieldByField(Headers headers) {
    StringBuilder sb = new StringBuilder("\n");
    for (Headers.Field fl : headers.fields()) {
      sb.append(fl.name().toLowerCase(Locale.ROOT)).append(": ").append(fl.value().toLowerCase(Locale.ROOT))
          .append('\n');
      if (sb.length() > 200_000) {
        break;
      }
    }
    return sb.toString();
  }

  @Test
  void headerLinesAreTheFieldsLowerCased() {
    String[] pieces = {"A", "b", " ", "\u03a3", "\u03c3", "\u0130", "I", "\u212a", ".", ":", "'", "\u00c9", "X-Ms"};
    Random random = new Random(19);
    for (int i = 0; i < 3000; i++) {
      List<Headers.Field> fields = new ArrayList<>();
      int n = random.nextInt(5);
      for (int k = 0; k < n; k++) {
        fields.add(new Headers.Field(EngineGatesTest.noise(random, pieces, 1 + random.nextInt(3)),
            EngineGatesTest.noise(random, pieces, random.nextInt(8))));
      }
      Headers h = new Headers(fields);
      assertThat(Formats.HeaderLines.lowerHeaderLines(h)).isEqualTo(fieldByField(h));
    }
  }

  @Test
  void longHeaderSectionsStopAtTheSameField() {
    List<Headers.Field> fields = new ArrayList<>();
    for (int k = 0; k < 400; k++) {
      fields.add(new Headers.Field("Received", (k % 7 == 0 ? "\u0130" : "X").repeat(1000)));
    }
    Headers h = new Headers(fields);
    assertThat(Formats.HeaderLines.lowerHeaderLines(h)).isEqualTo(fieldByField(h));
  }

  @Test
  void longAsciiHeaderSectionsStopAtTheSameField() {
    List<Headers.Field> fields = new ArrayList<>();
    for (int k = 0; k < 400; k++) {
      fields.add(new Headers.Field(k % 2 == 0 ? "Received" : "X-Long", "Ab Z@".repeat(200 + k)));
    }
    Headers h = new Headers(fields);
    assertThat(Formats.HeaderLines.lowerHeaderLines(h)).isEqualTo(fieldByField(h));
  }

  @Test
  void collapsedWhitespaceAsByTheReplacement() {
    String[] pieces = {" ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u2003", "a", "b c", "\u00e9"};
    java.util.regex.Pattern whitespace = java.util.regex.Pattern.compile("\\s+");
    Random random = new Random(23);
    for (int i = 0; i < 20000; i++) {
      String v = EngineGatesTest.noise(random, pieces, random.nextInt(10));
      StringBuilder sb = new StringBuilder("x: ");
      Engine.appendCollapsed(sb, v);
      assertThat(sb.toString()).isEqualTo("x: " + whitespace.matcher(v).replaceAll(" "));
    }
  }

  @Test
  void boundedCollapseReadsAsTheWhole() {
    String[] pieces = {" ", "\t", "\n", "\u00a0", "\u2003", "a", "b c", "\u00e9", "word", "x".repeat(40), "  \t "};
    Random random = new Random(29);
    for (int i = 0; i < 50000; i++) {
      String v = EngineGatesTest.noise(random, pieces, random.nextInt(30));
      String head = "k".repeat(random.nextInt(40));
      int limit = random.nextInt(60);
      StringBuilder whole = new StringBuilder(head);
      Engine.appendCollapsed(whole, v);
      StringBuilder bounded = new StringBuilder(head);
      Engine.appendCollapsed(bounded, v, limit);
      // a prefix of the whole, and the same as far as a reader of limit + 1 chars reads
      assertThat(whole.toString()).startsWith(bounded.toString());
      assertThat(bounded.length()).isGreaterThanOrEqualTo(Math.min(whole.length(), limit + 1));
    }
  }

  @Test
  void systemSendersAsByBothLookups() {
    String[] pieces = {"bounce", "BOUNCES", "Bounce", "bounce-", "+", ".", "@", "x", "mailer-daemon", "MAILER-DAEMON",
        "postmaster", "no-reply", "root", "mail", "example.com", "-", "_", "\u0130", "\u017f", "\u212a", "b", "ounce",
        "notification", "\n", " "};
    Random random = new Random(43);
    for (int i = 0; i < 50000; i++) {
      String a = EngineGatesTest.noise(random, pieces, 1 + random.nextInt(5));
      assertThat(Engine.Message.systemAddress(a)).as(a)
          .isEqualTo(Addresses.isSystem(a) || Addresses.isSystem(a + "@x"));
    }
  }

  @Test
  void replySubjectsAsByThePattern() {
    String[] pieces = {"re", "RE", "Re", "aw", "AW", "sv", "SV", "antw", "ANTW", "an", "tw", "r", "e", ":", " ", "\t",
        "\n", "\r", "\u000b", "\f", "\u00a0", "\u017f", "\u0130", "\u212a", "x", "fwd", "\u0085", "[", "]",
        "[EXTERNAL]", "*", "***"};
    // a gateway's or list's tags may come first ([EXTERNAL], ***SPAM***)
    java.util.regex.Pattern reply = java.util.regex.Pattern.compile(
        "(?is)^\\s*(?:\\[[^\\]]*+\\]\\s*+|\\*++[^*]++\\*++\\s*+)*+(re|aw|sv|antw)\\s*:.*");
    Random random = new Random(41);
    for (int i = 0; i < 50000; i++) {
      String v = EngineGatesTest.noise(random, pieces, random.nextInt(7));
      assertThat(Engine.replySubject(v)).as(v).isEqualTo(reply.matcher(v).matches());
    }
  }

  @Test
  void messageIdAnglesAsByTheReplacement() {
    String[] pieces = {"<", ">", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u00a0", "id", "@", "x.y"};
    java.util.regex.Pattern angles = java.util.regex.Pattern.compile("^\\s*<|>\\s*$");
    Random random = new Random(29);
    for (int i = 0; i < 50000; i++) {
      String v = EngineGatesTest.noise(random, pieces, random.nextInt(9));
      assertThat(Engine.stripIdAngles(v)).as(v).isEqualTo(angles.matcher(v).replaceAll(""));
    }
  }

  @Test
  void boilerplateParagraphsAsByThePattern() {
    String[] pieces = {"Created Automatically", "mail delivery software", "could not be delivered to one or more",
        "This is a permanent error", "For further assistance", "please contact", "PLEASE SEND MAIL TO", "please",
        "include this problem report", "delete your own text", "It's attached below", "do not reply", "DO NOT",
        "automatically generated", "automatic", " ", "\n", "x", "\u0130", "\u212a", "\u00e9", "\u03a3"};
    Random random = new Random(31);
    for (int i = 0; i < 20000; i++) {
      String p = EngineGatesTest.noise(random, pieces, random.nextInt(6));
      assertThat(Engine.boilerplateParagraph(p)).as(p).isEqualTo(Engine.Spec.BOILERPLATE_PARAGRAPH.matcher(p).find());
    }
  }

  @Test
  void summaryKeepsTheSubstantiveParagraphs() {
    String region = "This message was created automatically by mail delivery software.\n\n"
        + "The mailbox is full\nand cannot take more mail\n\n   \n\nFor further assistance, call us.\n\n";
    assertThat(Engine.summary(region)).isEqualTo("The mailbox is full and cannot take more mail");
  }
}
