package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forwarded subject, the inline header line and the system name, read by hand, are what their patterns match. */
class EngineHandMatchersTest {
  private static final String[] SUBJECT_PIECES = {
      "Fwd", "FWD", "fw", "Fw", "d", "wg", "WG", "tr", "rv", "vs", "VL", "i", "I", "doorst", "DoorSt", "enc", "rif",
      "reenv", "REENV", "re", ":", " ", "  ", "\t", "\n", "\r", "[", "]", "[12]", "[0]", "[]", "12", "[list]", "[a]b",
      "\u0130", "\u0131", "\u212a", "\u017f", "x", "Undelivered", "\u00e9", "\ud83d\ude00", "\u0660", "-"};
  private static final String[] LINE_PIECES = {
      "From", "X-Mailer", "a", "Z", "0", "9", "-", ":", ": ", " ", "\t", "\r", "\u0085", "\u2028", "\u2029",
      "\u00e9", "\u212a", "_", ".", "value", "a".repeat(30), "B".repeat(31), "\ud83d\ude00", "\n"};

  @Test
  void forwardSubjectAsThePattern() {
    Random random = new Random(53);
    for (int i = 0; i < 100_000; i++) {
      String s = EngineGatesTest.noise(random, SUBJECT_PIECES, random.nextInt(7));
      assertThat(Engine.forwardSubject(s)).as(s).isEqualTo(Engine.FORWARD_SUBJECT.matcher(s).find());
    }
  }

  @Test
  void headerLineAsThePattern() {
    Random random = new Random(59);
    for (int i = 0; i < 100_000; i++) {
      String s = EngineGatesTest.noise(random, LINE_PIECES, random.nextInt(6));
      int from = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
      int to = from + random.nextInt(s.length() - from + 1);
      assertThat(Engine.Message.headerLine(s, from, to)).as("%s [%d, %d)", s, from, to)
          .isEqualTo(Engine.HEADER_LINE.matcher(s).region(from, to).matches());
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
      assertThat(Engine.SYSTEM_NAME_WORDS.in(s)).as(s).isEqualTo(Engine.SYSTEM_NAME.matcher(s).find());
    }
  }
}
