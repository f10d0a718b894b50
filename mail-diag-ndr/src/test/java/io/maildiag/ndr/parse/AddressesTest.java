package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Address finding, which tries its pattern only before each '@', agrees with a plain search. */
class AddressesTest {
  private static final Pattern ANY = Addresses.ANY;
  private static final Pattern LOCAL_CHAR = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]");

  private static final String[] PIECES = {
      "alice@example.com", "Bob <bob@example.org>", "@", "@@", "a", "Z", "0", ".", "-", "'", "+", "_", "~", "!", " ",
      ",", "<", ">", "\"", "(", ")", ":", ";", "\n", "\u00e9", "\u4f60\u597d", "\u0660", "\u2160", "\u00b2", "\u0301",
      "\ud83d\ude00", "\ud801\udc00", "\ud800", "x.", "..", "-.", "example.com", "b\u00fccher.de", "@\u00e9x.com"};

  /** What the plain pattern search returns for {@link Addresses#all}. */
  private static List<String> plainAll(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = ANY.matcher(text.length() > 100_000 ? text.substring(0, 100_000) : text);
    while (m.find() && out.size() < 1000) {
      String a = Addresses.trim(m.group());
      if (a.indexOf('@') > 0) {
        out.add(a);
      }
    }
    return out;
  }

  @Test
  void allAndFirstAgreeWithThePlainSearch() {
    Random random = new Random(13);
    for (int i = 0; i < 20000; i++) {
      String text = EngineGatesTest.noise(random, PIECES, random.nextInt(30));
      assertThat(Addresses.all(text)).as(text).isEqualTo(plainAll(text));
      Matcher m = ANY.matcher(text);
      assertThat(Addresses.first(text)).as(text).isEqualTo(m.find() ? Addresses.trim(m.group()) : null);
    }
  }

  /** Pieces of domains: labels around the 62-char limit, dots, hyphens, letters and numbers beyond ASCII. */
  @Test
  void addKeysAddsTheKeysOfAll() {
    Random random = new Random(17);
    for (int i = 0; i < 5_000; i++) {
      String text = EngineGatesTest.noise(random, PIECES, random.nextInt(30));
      java.util.Set<String> expected = new java.util.HashSet<>();
      for (String a : Addresses.all(text)) {
        expected.add(Addresses.key(a));
      }
      java.util.Set<String> keys = new java.util.HashSet<>();
      Addresses.addKeys(text, keys);
      assertThat(keys).as(text).isEqualTo(expected);
    }
  }

  private static final String[] DOMAIN_PIECES = {
      "a@", "x@", "@", "a".repeat(61), "b".repeat(62), "c".repeat(63), "d".repeat(64), "\ud801\udc00".repeat(62),
      "\ud801\udc00".repeat(63), "e", "9", ".", "..", "-", "--", ".-", "-.", "\u00e9", "\u0660", "\u2160", "\u00b2",
      "\u0301", "\ud800", "\udc00", "\ud83d\ude00", " ", ">", "_", "example.com", "ex-ample.", "q.r.s"};

  @Test
  void domainsAgreeWithThePlainSearch() {
    Random random = new Random(41);
    for (int i = 0; i < 30000; i++) {
      String text = EngineGatesTest.noise(random, DOMAIN_PIECES, random.nextInt(12));
      assertThat(Addresses.all(text)).as(text).isEqualTo(plainAll(text));
      Matcher m = ANY.matcher(text);
      assertThat(Addresses.first(text)).as(text).isEqualTo(m.find() ? Addresses.trim(m.group()) : null);
    }
  }

  /**
   * Local parts of letters past the Basic Multilingual Plane: the look-behind reads one char back, so
   * a match may also start right after such a letter, and the 128 code points are counted as the
   * pattern counts them.
   */
  @Test
  void supplementaryLettersInLocalPartsAsThePlainSearch() {
    String[] pieces = {"\ud801\udc00", "\ud801\udc00".repeat(40), "a", "a".repeat(40), "@x.com", "@", ".", "-",
        "\ud83d\ude00", "\ud800", "\udc00", " "};
    Random random = new Random(43);
    for (int i = 0; i < 20_000; i++) {
      String text = EngineGatesTest.noise(random, pieces, random.nextInt(14));
      assertThat(Addresses.all(text)).as(text).isEqualTo(plainAll(text));
    }
  }

  @Test
  void aLocalPartLongerThanTheLimitIsNotAnAddress() {
    String local = "a".repeat(129);
    assertThat(Addresses.all(local + "@example.com")).isEqualTo(plainAll(local + "@example.com")).isEmpty();
    assertThat(Addresses.all(local.substring(1) + "@example.com")).hasSize(1);
    assertThat(Addresses.all("x\ud83d\ude00" + local + "@example.com")).isEqualTo(plainAll("x\ud83d\ude00" + local
        + "@example.com"));
  }

  @Test
  void localCharIsThePatternsClass() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (!Character.isSurrogate(c)) {
        assertThat(Addresses.isLocalChar(c)).as("U+%04X", (int) c)
            .isEqualTo(LOCAL_CHAR.matcher(String.valueOf(c)).matches());
      }
    }
  }

  private static final String[] SYSTEM_PIECES = {
      "mail", "MAIL", "Mail", "er", "ER", "daemon", "DAEMON", "delivery", "sub", "system", "SubSystem", "admin",
      "istrator", "post", "master", "poost", "office", "m", "sys", "bounce", "Bounces", "s", "S", "notification",
      "no", "reply", "do", "not", "nobody", "root", "mta", "smtp", "email", "-", "_", ".", "+", "x", "@", "example.com",
      "\n", "\r", "\u0085", "\u2028", "\u2029", "\u212a", "\u0130", "\u017f", "\u0131", " ", "mailer-daemon",
      "postmaster", "no-reply", "do-not-reply", "bounce-", "bounces+", "mail.delivery.subsystem", "mail_admin"};

  @Test
  void systemLocalPartsAsByThePattern() {
    Random random = new Random(31);
    for (int i = 0; i < 200_000; i++) {
      String s = EngineGatesTest.noise(random, SYSTEM_PIECES, random.nextInt(6));
      int end = random.nextInt(4) == 0 ? random.nextInt(s.length() + 1) : s.length();
      assertThat(Addresses.isSystemLocal(s, end)).as("%s up to %d", s, end)
          .isEqualTo(Addresses.Spec.SYSTEM_LOCAL.matcher(s.substring(0, end)).matches());
    }
    for (String a : new String[] {"MAILER-DAEMON", "Mail.Delivery_SubSystem", "bounces+x=y", "bounce.\n", "BOUNCE",
        "bounce-notification", "bouncenotification", "bounces-notification", "do-notreply", "emailadmin", "mailadministrator",
        "mail-administrator", "mailer.daemon", "mailerdaemon", "mail_daemon", "\u212aroot", "nobody", "NoReply", "mta"}) {
      assertThat(Addresses.isSystemLocal(a, a.length())).as(a).isEqualTo(Addresses.Spec.SYSTEM_LOCAL.matcher(a).matches());
    }
  }

  private static final String[] ROLE_PIECES = {"abuse", "ABUSE", "Support", "help", "desk", "DESK", "noc", "security",
      "host", "web", "master", "admin", "istrator", "info", "contact", "customer", "-", "service", "SERVICE", "@",
      "example.com", "@x", "\n", "\u212a", "\u0130", "\u0131", "\u017f", " ", "s", "x"};

  @Test
  void roleAddressesAsByThePattern() {
    Random random = new Random(37);
    for (int i = 0; i < 200_000; i++) {
      String a = EngineGatesTest.noise(random, ROLE_PIECES, random.nextInt(5));
      assertThat(Addresses.isRole(a)).as(a)
          .isEqualTo(Addresses.Spec.ROLE_LOCAL.matcher(Addresses.localPart(a)).matches());
    }
    assertThat(Addresses.isRole("Customer-Service@example.com")).isTrue();
    assertThat(Addresses.isRole("customerservice")).isTrue();
    assertThat(Addresses.isRole("abuse\n@example.com")).isFalse();
    assertThat(Addresses.isRole("nocs@example.com")).isFalse();
  }
}
