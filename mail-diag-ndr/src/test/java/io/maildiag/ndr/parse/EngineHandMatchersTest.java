package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forwarded subject, the inline header line and the system name, read by hand, are what their patterns match. */
class EngineHandMatchersTest {
  private static final String[] SUBJECT_PIECES = {
      "Fwd", "FWD", "fw", "Fw", "d", "wg", "WG", "tr", "rv", "vs", "VL", "i", "I", "doorst", "DoorSt", "enc", "rif",
      "reenv", "REENV", "re", ":", " ", "  ", "\t", "\n", "\r", "[", "]", "[12]", "[0]", "[]", "12", "[list]", "[a]b",
      "*", "***", "\u0130", "\u0131", "\u212a", "\u017f", "x", "Undelivered", "\u00e9", "\ud83d\ude00", "\u0660", "-"};
  private static final String[] LINE_PIECES = {
      "From", "X-Mailer", "a", "Z", "0", "9", "-", ":", ": ", " ", "\t", "\r", "\u0085", "\u2028", "\u2029",
      "\u00e9", "\u212a", "_", ".", "value", "a".repeat(30), "B".repeat(31), "\ud83d\ude00", "\n"};

  @Test
  void forwardSubjectAsThePattern() {
    Random random = new Random(53);
    for (int i = 0; i < 100_000; i++) {
      String s = EngineGatesTest.noise(random, SUBJECT_PIECES, random.nextInt(7));
      assertThat(Engine.forwardSubject(s)).as(s).isEqualTo(Engine.Spec.FORWARD_SUBJECT.matcher(s).find());
    }
  }

  private static final String[] QUOTE_PIECES = {">", "> ", " >", "\t>", " ", "\t", "a", "\n", "\r", "\r\n", "\u0085",
      "\u2028", "\u2029", ">>", "x>"};

  @Test
  void quotePrefixesAsThePattern() {
    Random random = new Random(61);
    for (int i = 0; i < 100_000; i++) {
      String s = EngineGatesTest.noise(random, QUOTE_PIECES, random.nextInt(9));
      assertThat(Engine.withoutQuotePrefixes(s)).as(s).isEqualTo(Engine.Spec.QUOTE_PREFIX.matcher(s).replaceAll(""));
    }
  }

  @Test
  void aLineOfThousandsOfQuoteMarksIsReadWithoutRecursion() {
    // the pattern's repeated group recursed once per mark and overflowed the stack here
    String text = "> ".repeat(100_000) + "quoted\nplain\n";
    assertThat(Engine.withoutQuotePrefixes(text)).isEqualTo("quoted\nplain\n");
  }

  @Test
  void headerLineAsThePattern() {
    Random random = new Random(59);
    for (int i = 0; i < 100_000; i++) {
      String s = EngineGatesTest.noise(random, LINE_PIECES, random.nextInt(6));
      int from = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
      int to = from + random.nextInt(s.length() - from + 1);
      assertThat(Engine.Message.headerLine(s, from, to)).as("%s [%d, %d)", s, from, to)
          .isEqualTo(Engine.Spec.HEADER_LINE.matcher(s).region(from, to).matches());
    }
  }

  private static final String[] NAME_PIECES = {
      "Mail Delivery", "MAIL", "mail", " ", "  ", "delivery", "Subsystem", "System", "system", "Mailer-Daemon",
      "MAILER DAEMON", "mailer_daemon", "Postmaster", "post master", "administrator", "Administrator", "Delivery Status",
      " Notification", "notification", "Microsoft", " Outlook", " Exchange", "MMSC", " NDR", "ndr", "<", ">",
      "\"", "@", "a", "\u0130", "\u212a", "\u017f", "\u00e9", "-", "\t"};

  @Test
  void systemNameAsThePattern() {
    Random random = new Random(61);
    for (int i = 0; i < 100_000; i++) {
      String s = EngineGatesTest.noise(random, NAME_PIECES, random.nextInt(7));
      assertThat(Engine.SYSTEM_NAME_WORDS.in(s)).as(s).isEqualTo(Engine.Spec.SYSTEM_NAME.matcher(s).find());
    }
  }

  private static final String[] MARK_PIECES = {
      "MAIL FROM:<alice@example.com>", "mail  from", "Mail\tFrom: ", "MAIL\nFROM <", "mail", "from", "MAIL FROM:",
      "envelope-from <bob@example.org>", "Envelope-From", "X-Original-Sender: rfc822; carol@example.net",
      "x-sender:", "X-", "-Sender:", "SENDER:", "rfc822; ", "RFC822;", "original sender: dave@example.com",
      "Original Sender:", "message sent by <erin@example.com>", "Message Sent By", "a@b.c", "@", "<", ">", " ", "  ",
      "\n", "\t", ":", ";", ".", "-", "_", "x", "a", "b.", "example", ".com", "\u0130", "\u212a", "\u017f",
      "\u00e9", "\u03a3", "\u0301", "\ud83d\ude00", "\ud835\udc00", "m\u00e4il", "\u00ff", "\u0660",
      "a".repeat(60), "-.-", "x_y", "1"};

  @Test
  void senderMarkAsThePattern() {
    Random random = new Random(67);
    java.util.regex.Matcher m = Engine.Spec.SENDER_MARK.matcher("");
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      String s = EngineGatesTest.noise(random, MARK_PIECES, random.nextInt(10));
      m.reset(s).useTransparentBounds(true).useAnchoringBounds(false);
      for (int start = 0; start <= s.length(); start++) {
        long found = Engine.Message.senderMarkAt(s, start);
        m.region(start, s.length());
        boolean match = m.lookingAt();
        assertThat(found >= 0).as("%s at %d", s, start).isEqualTo(match);
        if (match) {
          assertThat(found).as("%s at %d", s, start).isEqualTo((long) m.start(1) << 32 | m.end());
          matched++;
        }
      }
    }
    assertThat(matched).isGreaterThan(1000);
  }

  private static final String[] DAEMON_PIECES = {
      "MAILER-DAEMON", "mailer-daemon", "Mailer_Daemon", "mailerdaemon", "MAILERDAEMON", "postmaster", "PostMaster",
      "poostmaster", "post_master", "microsoftexchange", "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e", "mail",
      "er", "-", "_", "daemon", "post", "master", "@", "example.com", " ", "Mail Delivery", "mail delivery",
      "Subsystem", "<", ">", "\"", "\u0130", "\u212a", "\u0131", "\u00e9", "\u03a3", "a", "I", "K"};

  @Test
  void daemonSenderAsByTheLowerCasedText() {
    Random random = new Random(73);
    for (int i = 0; i < 100_000; i++) {
      String address = EngineGatesTest.noise(random, DAEMON_PIECES, random.nextInt(5));
      String name = random.nextBoolean() ? address : EngineGatesTest.noise(random, DAEMON_PIECES, random.nextInt(6));
      String lp = Addresses.localPart(address).toLowerCase(java.util.Locale.ROOT);
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      boolean expected = lp.contains("mailer-daemon") || lp.contains("mailer_daemon") || lp.contains("postmaster")
          || lp.startsWith("microsoftexchange") || lp.contains("poostmaster") || lp.contains("post_master")
          || lp.equals("mailerdaemon")
          || lower.contains("mail delivery") || lower.contains("mailer-daemon") || lower.contains("postmaster");
      assertThat(Engine.Message.daemonSender(address, name)).as(address + " | " + name).isEqualTo(expected);
    }
  }
}
