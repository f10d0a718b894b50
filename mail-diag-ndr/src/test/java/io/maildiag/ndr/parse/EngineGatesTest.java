package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Searching a pattern only where its literal words occur finds what a plain {@code find()} finds. */
class EngineGatesTest {

  /** Text pieces that make and break matches: the words in several cases, addresses, odd chars. */
  private static final String[] PIECES = {
      "MAIL FROM:<alice@example.com>", "mail  from", "Mail\tFrom: ", "MAIL\nFROM <", "mail", "from", "MAIL FROM:",
      "envelope-from <bob@example.org>", "Envelope-From", "X-Original-Sender: rfc822; carol@example.net",
      "x-sender:", "X-", "-Sender:", "rfc822; ", "original sender: dave@example.com", "Original Sender:",
      "message sent by <erin@example.com>", "Message Sent By", "This is the mail system at host mx.example.com.",
      "postfix program at host ", "qmail-send program at a.example", "Mail Agent v1.2.3 at relay.example",
      "Delivery Status Notification from smtp.example", "Generating server: EX01.example.local", "GENERATING SERVER:",
      "a@b.c", "@", "<", ">", " ", "  ", "\n", "\r\n", "\t", ":", ";", ".", "-", "_", "x", "\u0130", "\u212a",
      "\u017f", "\u00e9", "\u03a3", "\u0301", "\ud83d\ude00", "m\u00e4il", "\u00ff"};

  /** A text of {@code count} random pieces. */
  static String noise(Random random, String[] pieces, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(pieces[random.nextInt(pieces.length)]);
    }
    return sb.toString();
  }

  /** Start, end and first group of every match a plain find() loop gives. */
  private static List<String> plain(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.start() + "-" + m.end() + ":" + m.group(1));
    }
    return out;
  }

  /** The same through the pattern's {@link Keywords} gate. */
  private static List<String> gated(Pattern p, Keywords words, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    int from = 0;
    while (words.find(m, text, from)) {
      out.add(m.start() + "-" + m.end() + ":" + m.group(1));
      from = m.end();
    }
    return out;
  }

  @Test
  void senderMarksAreFoundAsByFind() {
    Random random = new Random(7);
    int compared = 0;
    for (int i = 0; i < 4000; i++) {
      String text = noise(random, PIECES, 1 + random.nextInt(40));
      List<String> g = gated(Engine.Spec.SENDER_MARK, Engine.SENDER_MARK_WORDS, text);
      if (g != null) {
        assertThat(g).as(text).isEqualTo(plain(Engine.Spec.SENDER_MARK, text));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void senderMarksSkippingMailWithoutSpaceAreFoundAsByFind() {
    Random random = new Random(13);
    for (int i = 0; i < 4000; i++) {
      String text = noise(random, PIECES, 1 + random.nextInt(40));
      List<String> g = gated(Engine.Spec.SENDER_MARK, Engine.SENDER_MARK_WORDS, text);
      if (g != null) {
        assertThat(g).as(text).isEqualTo(plain(Engine.Spec.SENDER_MARK, text));
      }
    }
  }

  @Test
  void reportingHostsAreFoundAsByFind() {
    Random random = new Random(11);
    for (int i = 0; i < 4000; i++) {
      String text = noise(random, PIECES, 1 + random.nextInt(40));
      List<String> g = gated(Engine.REPORTING_HOST, Engine.REPORTING_HOST_WORDS, text);
      if (g != null) {
        assertThat(g).as(text).isEqualTo(plain(Engine.REPORTING_HOST, text));
      }
    }
  }

  /** Pieces that build and break the X-...-Sender and MAIL FROM alternatives. */
  private static final String[] SENDER_PIECES = {
      "X-Foo-X-Bar-Sender: rfc822; a@b.example", "ax-", "X-X-", "x_", "-x-", "9", "Sender:", "SENDER: RFC822;",
      "sender:", " rfc822; ", "envelope-", "ENVELOPE-FROM", "Original ", "original", "Sender: <", "Message Sent",
      " by ", "message sent by", "MAIL", " \u000b ", "\f", "FROM", "From:", "fr", "om", "a.b@c.example",
      "\u00e9@x.example", "MA\u0130L FROM", "\u212a"};

  /** What the loop over {@link Engine.Message#senderMarkStarts} finds: as the engine runs it. */
  private static List<String> byStarts(String searched, CharPairs lower) {
    List<String> out = new ArrayList<>();
    Matcher m = Engine.Spec.SENDER_MARK.matcher(searched);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    for (int start : Engine.Message.senderMarkStarts(searched, lower)) {
      if (start >= from) {
        m.region(start, searched.length());
        if (m.lookingAt()) {
          out.add(m.start() + "-" + m.end() + ":" + m.group(1));
          from = m.end();
        }
      }
    }
    return out;
  }

  @Test
  void senderMarksFromTheirRareWordsAreFoundAsByFind() {
    Random random = new Random(29);
    String[] pieces = Keywords.concat(PIECES, SENDER_PIECES);
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = noise(random, pieces, 1 + random.nextInt(30));
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.length() != text.length()) {
        continue; // the engine takes the gated path then
      }
      // also a prefix of the text, as when a long text is cut
      String searched = random.nextBoolean() ? text : text.substring(0, random.nextInt(text.length() + 1));
      // the lower-cased text's pairs as the engine reads them, or each pair read on its own
      CharPairs pairs = random.nextBoolean() ? new CharPairs(lower) : CharPairs.lowerCased(text);
      assertThat(byStarts(searched, pairs)).as(searched).isEqualTo(plain(Engine.Spec.SENDER_MARK, searched));
      compared++;
    }
    assertThat(compared).isGreaterThan(10_000);
  }

  @Test
  void reportingHostsFromTheLowerCasedTextAreFoundAsByFind() {
    Random random = new Random(37);
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = noise(random, PIECES, 1 + random.nextInt(30));
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.length() != text.length()) {
        continue; // the engine takes the gated path then
      }
      String searched = random.nextBoolean() ? text : text.substring(0, random.nextInt(text.length() + 1));
      Matcher m = Engine.Message.firstAtWords(Engine.REPORTING_HOST, Engine.REPORTING_HOST_STARTS, searched,
          random.nextBoolean() ? new CharPairs(lower) : CharPairs.lowerCased(text));
      Matcher plain = Engine.REPORTING_HOST.matcher(searched);
      boolean found = plain.find();
      assertThat(m != null).as(searched).isEqualTo(found);
      if (found) {
        assertThat(m.start() + "-" + m.end() + ":" + m.group(1)).as(searched)
            .isEqualTo(plain.start() + "-" + plain.end() + ":" + plain.group(1));
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(10_000);
  }

  @Test
  void aMatchPastTheCutIsNotFound() {
    String text = "mail from:<a@example.com> and MAIL FROM:<b@example.org>";
    String cut = text.substring(0, 30);
    Matcher m = Engine.Spec.SENDER_MARK.matcher(cut);
    assertThat(Engine.SENDER_MARK_WORDS.find(m, cut, 0)).isTrue();
    assertThat(m.group(1)).isEqualTo("a@example.com");
    assertThat(Engine.SENDER_MARK_WORDS.find(m, cut, m.end())).isFalse();
  }
}
