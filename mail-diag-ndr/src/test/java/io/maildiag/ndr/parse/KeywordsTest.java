package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Keyword gates, the cheap necessary conditions tried before regular expressions: a gate that
 * says no means the expression cannot match, and a search that tries only the positions where a
 * word starts finds exactly the matches a plain search finds.
 */
class KeywordsTest {

  @Test
  void findsWordsIgnoringAsciiCaseOnly() {
    Keywords k = new Keywords("rcpt", "said:");
    assertThat(k.next("the server SAID: 550", 0)).isEqualTo(11);
    assertThat(k.next("xRcPt", 0)).isEqualTo(1);
    assertThat(k.next("xRcPt", 2)).isEqualTo(-1);
    assertThat(k.in("rcp")).isFalse();
    // (?i) without UNICODE_CASE folds only A-Z: the Kelvin sign and the long s are not k and s
    assertThat(new Keywords("ok").in("O\u212A")).isFalse();
    assertThat(new Keywords("said").in("\u017Faid")).isFalse();
    assertThat(Pattern.compile("(?i)ok").matcher("O\u212A").find()).isFalse();
  }

  @Test
  void singleCharacterWords() {
    Keywords k = new Keywords("#", "4", "5", "abc");
    assertThat(k.next("x9#", 0)).isEqualTo(2);
    assertThat(k.next("ABC 4", 1)).isEqualTo(4);
    assertThat(k.at("ABC", 0)).isTrue();
    assertThat(k.at("ABD", 0)).isFalse();
  }

  @Test
  void leadsSkipsWhatBackslashSMatches() {
    Keywords k = new Keywords("<<<");
    assertThat(k.leads(" \t\u000B\f\r\n<<< 550")).isTrue();
    assertThat(k.leads("\u00a0<<< 550")).isFalse(); // \s does not match a no-break space
    assertThat(k.leads("")).isFalse();
  }

  @Test
  void findReportsTheMatchAsFindWould() {
    Matcher m = Smtp.REPLY_MARKED.matcher("ok said: 250 then said: 550 no");
    assertThat(Smtp.MARKED_STARTS.find(m, "ok said: 250 then said: 550 no", 0)).isTrue();
    assertThat(m.group(1)).isEqualTo("250");
    assertThat(Smtp.MARKED_STARTS.find(m, "ok said: 250 then said: 550 no", m.end())).isTrue();
    assertThat(m.group(1)).isEqualTo("550");
    assertThat(m.start()).isEqualTo(18);
  }

  /** The class lists of the reply and status code gates, and a few more shapes. */
  private static final List<String[][]> PRODUCTS = List.of(
      new String[][] {{"245", "012345", "0123456789", " \t-"}, {"#", "245", "012345", "0123456789", " \t-"}},
      new String[][] {{"245", "012345"}},
      new String[][] {{"45", "012345", "0123456789", " \t-:"}},
      new String[][] {{"(", "#", "245", ".", "0123456789"}, {"#", "245", ".", "0123456789"}},
      new String[][] {{"245", ".", "0123456789"}},
      new String[][] {{"245", "0123456789", "0123456789", " -", "245"}},
      new String[][] {{"ab", "c"}, {"x"}},
      new String[][] {{"a2", "b", "c", "d", "e", "f", "g"}, {"5", "55", "5", "-", "x", "y"}},
      new String[][] {{"4", "2"}, {"45", "2", "0"}});

  @Property(tries = 1000)
  void productsFindWhatTheirListedWordsFind(@ForAll("codeTexts") String text) {
    for (String[][] alternatives : PRODUCTS) {
      String[][] words = new String[alternatives.length][];
      for (int i = 0; i < words.length; i++) {
        words[i] = Keywords.product(alternatives[i]);
      }
      Keywords listed = new Keywords(Keywords.all(words));
      Keywords built = Keywords.ofProducts(alternatives);
      for (int i = -1; i <= text.length(); i++) {
        assertThat(built.next(text, i)).as("next %d", i).isEqualTo(listed.next(text, i));
        assertThat(built.at(text, i)).as("at %d", i).isEqualTo(listed.at(text, i));
      }
      Keywords.Cursor a = built.cursor(text);
      Keywords.Cursor b = listed.cursor(text);
      for (int from = 0; from <= text.length(); from += 2) {
        assertThat(a.next(from)).isEqualTo(b.next(from));
      }
    }
  }

  @Provide
  Arbitrary<String> codeTexts() {
    Arbitrary<String> piece = Arbitraries.of("550", "5.1.1", "#4.2.0", "(#5.7.1)", "450-", "421 ", "2", "55", " ", "\t",
        "-", ":", "ab", "abc", "x", "a2bcdefg", "555-xy", "42", "4520", "A", "B");
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Test
  void productListsEveryWordWithTheFirstClassVaryingSlowest() {
    assertThat(Keywords.product("24", "0-")).containsExactly("20", "2-", "40", "4-");
    assertThat(Keywords.product("abc")).containsExactly("a", "b", "c");
    List<String> expected = new ArrayList<>();
    for (char a : "(#".toCharArray()) {
      for (char b : "245".toCharArray()) {
        for (char c : ".x".toCharArray()) {
          expected.add("" + a + b + c);
        }
      }
    }
    assertThat(Keywords.product("(#", "245", ".x")).containsExactlyElementsOf(expected);
  }

  @Test
  void wordsAreLowerCaseAscii() {
    assertThatThrownBy(() -> new Keywords("Rcpt")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Keywords("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Keywords("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 1000)
  void nextIsTheFirstPositionWhereAWordStarts(@ForAll("texts") String text) {
    List<String[]> sets = List.of(new String[] {"rcpt"}, new String[] {"4", "#5", "(#"},
        new String[] {"2.", "4.", "5."},
        new String[] {"a", "ab", "abc", "x-unix;", "]:"}, new String[] {"has been", "will ", "delivery ", "warning: "});
    for (String[] words : sets) {
      Keywords k = new Keywords(words);
      for (int from = 0; from <= text.length(); from += 1 + from / 4) {
        assertThat(k.next(text, from)).as(String.join("|", words) + " from " + from)
            .isEqualTo(naiveNext(words, text, from));
      }
    }
  }

  /** The first index at or after {@code from} where a word starts, compared with A-Z folded. */
  private static int naiveNext(String[] words, String text, int from) {
    for (int i = from; i < text.length(); i++) {
      for (String w : words) {
        if (i + w.length() <= text.length() && asciiLower(text.substring(i, i + w.length())).equals(w)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String asciiLower(String s) {
    StringBuilder b = new StringBuilder(s);
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        b.setCharAt(i, (char) (c + 32));
      }
    }
    return b.toString();
  }

  @Property(tries = 500)
  void spacedThenStartsEveryWordSpacesNextSequence(
      @ForAll("spaces") String spaces, @ForAll("lowerAscii") char next, @ForAll("lowerAscii") char other) {
    Keywords k = new Keywords(Keywords.spacedThen("in", String.valueOf(next)));
    assertThat(k.at("In" + spaces + next + "x", 0)).isTrue();
    assertThat(k.at("in" + spaces.toUpperCase(Locale.ROOT) + Character.toUpperCase(next), 0)).isTrue();
    if (other != next) {
      assertThat(k.at("in " + other, 0)).isFalse();
    }
    assertThat(k.at("inx", 0)).isFalse();
  }

  @Property(tries = 2000)
  void cursorFindsWhatNextFinds(@ForAll("texts") String text, @ForAll("steps") List<Integer> steps) {
    for (Keywords k : List.of(TextScanner.END_MARKER_WORD, new Keywords("message", "sent"), new Keywords("in r", "#", "a"),
        new Keywords("mail", "rcpt", "data", "helo", "ehlo"), SmtpStageReference.EXPLICIT_STARTS)) {
      Keywords.Cursor c = k.cursor(text);
      int from = -1;
      for (int step : steps) {
        from += step;
        assertThat(c.next(from)).as("%s from %d", text, from).isEqualTo(k.next(text, from));
      }
    }
  }

  @Property(tries = 3000)
  void wordStartSearchFindsWhatTheSentencePatternsFind(@ForAll("sentenceLines") String s) {
    for (int k = 0; k < TextScanner.SENTENCES.length; k++) {
      assertMatchAtWordStart(TextScanner.SENTENCE_STARTS[k], TextScanner.SENTENCES[k], s);
    }
    assertMatchAtWordStart(TextScanner.RCPT_STARTS, TextScanner.P_RCPT, s);
  }

  @Property(tries = 3000)
  void sharedWordStartsFindWhatEachPatternsSearchFinds(@ForAll("sentenceLines") String s) {
    // TextScanner.anchor finds the sentence words' starts once per line for all five patterns
    int first = TextScanner.SENTENCE_WORDS.next(s, 0);
    if (first < 0) {
      return;
    }
    for (int limit : new int[] {s.length(), s.length() / 2, TextScanner.lastAddressAt(s)}) {
      if (limit < 0) {
        continue;
      }
      int[] starts = TextScanner.wordStarts(s, first, limit);
      for (int k = 0; k < TextScanner.SENTENCES.length; k++) {
        assertSharedStarts(TextScanner.SENTENCE_STARTS[k], TextScanner.SENTENCES[k], s, limit, starts);
      }
      assertSharedStarts(TextScanner.RCPT_STARTS, TextScanner.P_RCPT, s, limit, starts);
    }
  }

  private static void assertSharedStarts(Keywords k, Pattern p, String s, int limit, int[] starts) {
    Matcher shared = TextScanner.matchAt(k, p, s, starts);
    Matcher own = matchAtWordStart(k, p, s, limit);
    assertThat(shared == null).as("%s in %s", p, s).isEqualTo(own == null);
    if (own != null) {
      assertThat(shared.start()).isEqualTo(own.start());
      assertThat(shared.end()).isEqualTo(own.end());
      assertThat(shared.group(1)).isEqualTo(own.group(1));
    }
  }

  private static void assertMatchAtWordStart(Keywords k, Pattern p, String s) {
    for (int limit : new int[] {s.length(), s.length() / 2}) {
      Matcher fast = matchAtWordStart(k, p, s, limit);
      Matcher plain = p.matcher(s);
      boolean found = plain.find() && plain.start() < limit;
      assertThat(fast != null).as(s).isEqualTo(found);
      if (found) {
        assertThat(fast.start()).as(s).isEqualTo(plain.start());
        assertThat(fast.group(1)).as(s).isEqualTo(plain.group(1));
      }
    }
  }

  @Provide
  Arbitrary<String> sentenceLines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("delivered to ", "Sent to ", "relaying for: ", "message to ", "Rejected recipient ",
            "recipient ", "user", "username ", "_user ", "1user ", "\u00e9user ", "\u0301user ", "RCPT TO:<", "rcpt to: <",
            "mailbox", "address: ", "x@example.com", "<a.b@ex.org>", "\"q@ex.net\"", " ", "\t", ":", "<", ">", "@",
            "consent ", "reaches ", "forwarding ", "transmitted for ", "\n", "\u00a0", "rejected address ",
            "sending to ", "users ", "mailboxes: "),
        Arbitraries.strings().withChars("aesr_1@.< :").ofMaxLength(4));
    return piece.list().ofMinSize(1).ofMaxSize(10).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<Integer>> steps() {
    return Arbitraries.integers().between(0, 7).list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.strings().withChars(" \t\n\u000B\f\r").ofMinLength(1).ofMaxLength(4);
  }

  @Provide
  Arbitrary<Character> lowerAscii() {
    return Arbitraries.chars().range('a', 'z');
  }

  @Test
  void stagePhrasesWithAnyWhitespace() {
    for (String text : List.of("x in\treply to RCPT TO command", "(in \n reply to the MAIL\rFROM command)",
        "after\u000BRCPT TO", "after  pipelined\tDATA", "for\r\nDATA command", "while\fsending message body",
        "does \u000Bnot like recipient", "my\n\nname was rejected", "failed\tafter I sent the message",
        "greeting  failed", "refused \tto talk to me", "failed\ton DATA command", "sender\twas rejected")) {
      Matcher plain = SmtpStage.EXPLICIT.matcher(text);
      Matcher gated = SmtpStage.EXPLICIT.matcher(text);
      assertThat(plain.find()).as(text).isTrue();
      assertThat(SmtpStageReference.EXPLICIT_STARTS.find(gated, text, 0)).as(text).isTrue();
      assertThat(gated.group()).isEqualTo(plain.group());
    }
  }

  @Test
  void sentencesEndAtAnAddressThatFollowsASeparator() {
    List<String> locals =
        List.of("a", "\uD835\uDC00x", "\u2167x", "\u00b2x", "x.y-z", "'q'", "\u0663", "(a", ">a", "=a");
    for (String local : locals) {
      for (String lead : List.of("message to ", "message to <", "message to \"", "user: ", "user:", "user <", "x ")) {
        String line = "Your " + lead + local + "@example.org was rejected";
        Matcher plain = TextScanner.SENTENCES[2].matcher(line);
        Matcher plain1 = TextScanner.SENTENCES[1].matcher(line);
        int lastAt = TextScanner.lastAddressAt(line);
        Matcher gated = TextScanner.SENTENCE_STARTS[2].match(TextScanner.SENTENCES[2], line, lastAt);
        Matcher gated1 = TextScanner.SENTENCE_STARTS[1].match(TextScanner.SENTENCES[1], line, lastAt);
        assertThat(gated == null ? null : gated.group()).as(line).isEqualTo(plain.find() ? plain.group() : null);
        assertThat(gated1 == null ? null : gated1.group()).as(line).isEqualTo(plain1.find() ? plain1.group() : null);
      }
    }
  }

  /** A pattern whose every match starts with one of the words. */
  private record Starts(String name, Pattern pattern, Keywords words) {}

  /** A pattern {@code ^\s*(?:...)} whose alternatives start with one of the words. */
  private record Leads(String name, Pattern pattern, Keywords words) {}

  private static final List<Starts> STARTS = List.of(
      new Starts("DELAY", TextScanner.DELAY, TextScanner.DELAY_STARTS),
      new Starts("GAVE_UP", TextScanner.GAVE_UP, TextScanner.GAVE_UP_STARTS),
      new Starts("SENTENCE0", TextScanner.SENTENCES[0], TextScanner.SENTENCE_STARTS[0]),
      new Starts("SENTENCE1", TextScanner.SENTENCES[1], TextScanner.SENTENCE_STARTS[1]),
      new Starts("SENTENCE2", TextScanner.SENTENCES[2], TextScanner.SENTENCE_STARTS[2]),
      new Starts("SENTENCE3", TextScanner.SENTENCES[3], TextScanner.SENTENCE_STARTS[3]),
      new Starts("P_RCPT", TextScanner.P_RCPT, TextScanner.RCPT_STARTS),
      new Starts("INLINE_MARK", TextScanner.INLINE_MARK, TextScanner.INLINE_STARTS),
      new Starts("PAIR", Smtp.PAIR, Smtp.PAIR_STARTS),
      new Starts("REPLY_MARKED", Smtp.REPLY_MARKED, Smtp.MARKED_STARTS),
      new Starts("REPLY_ANY", Smtp.REPLY_ANY, Smtp.ANY_STARTS),
      new Starts("QMAIL", Smtp.QMAIL, Smtp.QMAIL_STARTS),
      new Starts("STATUS", Smtp.STATUS, Smtp.STATUS_STARTS),
      new Starts("EXPLICIT", SmtpStage.EXPLICIT, SmtpStageReference.EXPLICIT_STARTS));

  private static final List<Leads> LEADS = List.of(
      new Leads("SECTION_END", TextScanner.Spec.SECTION_END, TextScanner.SECTION_END_LEADS),
      new Leads("RESPONSE_MARK", TextScanner.RESPONSE_MARK, TextScanner.RESPONSE_LEADS),
      new Leads("TRANSCRIPT_REPLY", TextScanner.Spec.TRANSCRIPT_REPLY, TextScanner.TRANSCRIPT_LEADS),
      new Leads("REPLY_START", TextScanner.Spec.REPLY_START, TextScanner.REPLY_START_LEADS),
      new Leads("NOISE_LINE", TextScanner.NOISE_LINE, TextScanner.CLEAN_LEADS),
      new Leads("REASON_WRAP", TextScanner.Spec.REASON_WRAP, TextScanner.CLEAN_LEADS),
      new Leads("CLIENT", SmtpStage.Spec.CLIENT, SmtpStage.CLIENT_LEAD),
      new Leads("SERVER", SmtpStage.Spec.SERVER, SmtpStage.SERVER_LEAD),
      new Leads("NEGATIVE", SmtpStage.Spec.NEGATIVE, SmtpStage.SERVER_LEAD),
      new Leads("NO_RECIPIENT", SmtpStage.NO_RECIPIENT, SmtpStage.SERVER_LEAD));

  @Property(tries = 1000)
  void searchingFromWordsFindsWhatFindFinds(@ForAll("texts") String text) {
    for (Starts s : STARTS) {
      List<String> plain = new ArrayList<>();
      Matcher m = s.pattern().matcher(text);
      while (m.find()) {
        plain.add(m.start() + "-" + m.end() + ":" + m.group());
      }
      Matcher first = s.words().match(s.pattern(), text);
      assertThat(first == null ? null : first.start() + "-" + first.end() + ":" + first.group())
          .as(s.name() + " match").isEqualTo(plain.isEmpty() ? null : plain.get(0));
      List<String> gated = new ArrayList<>();
      Matcher g = s.pattern().matcher(text);
      for (int from = 0; s.words().find(g, text, from); from = g.end()) {
        gated.add(g.start() + "-" + g.end() + ":" + g.group());
      }
      assertThat(gated).as(s.name()).isEqualTo(plain);
      List<String> chained = new ArrayList<>();
      for (Matcher c = s.words().match(s.pattern(), text); c != null; c = s.words().matchAfter(c, text)) {
        chained.add(c.start() + "-" + c.end() + ":" + c.group());
      }
      assertThat(chained).as(s.name() + " chained").isEqualTo(plain);
    }
  }

  @Property(tries = 1000)
  void aLineWithoutALeadingWordCannotMatch(@ForAll("texts") String text) {
    for (String line : text.split("\n", -1)) {
      for (Leads l : LEADS) {
        if (!l.words().leads(line)) {
          assertThat(l.pattern().matcher(line).find()).as(l.name() + " on " + line).isFalse();
        }
      }
      if (!DsnParser.REPORT_START_WORDS.at(line, 0)) {
        assertThat(DsnParser.REPORT_START.matcher(line).find()).as("REPORT_START on " + line).isFalse();
      }
    }
  }

  @Property(tries = 1000)
  void aLineFailingTheAnchorPrechecksMatchesNoAnchorPattern(@ForAll("texts") String text) {
    String line = text.replace('\n', ' ').strip();
    if (!TextScanner.HEADERISH_STARTS.at(line, 0)) {
      assertThat(TextScanner.Spec.HEADERISH.matcher(line).find()).as("HEADERISH on " + line).isFalse();
    }
    if (!TextScanner.mayBeBare(line)) {
      assertThat(TextScanner.P_BARE.matcher(line).matches()).as("P_BARE on " + line).isFalse();
    }
    if (!TextScanner.mayBeLabel(line, line.indexOf(':') >= 0)) {
      assertThat(TextScanner.P_LABEL.matcher(line).matches()).as("P_LABEL on " + line).isFalse();
    }
    if (!TextScanner.TO_STARTS.at(line, 0) || line.indexOf(':') < 0) {
      assertThat(TextScanner.P_TO.matcher(line).matches()).as("P_TO on " + line).isFalse();
    }
    if (line.isEmpty() || !TextScanner.isLocalPartChar(line.codePointAt(0))) {
      assertThat(TextScanner.P_ADDR_COLON2.matcher(line).matches()).as("P_ADDR_COLON2 on " + line).isFalse();
      if (!line.startsWith("<")) {
        assertThat(TextScanner.P_LEAD.matcher(line).matches()).as("P_LEAD on " + line).isFalse();
      }
    }
    if (line.indexOf(':') < 0) {
      assertThat(TextScanner.P_ADDR_COLON.matcher(line).matches()).as("P_ADDR_COLON on " + line).isFalse();
      assertThat(TextScanner.P_ADDR_COLON2.matcher(line).matches()).as("P_ADDR_COLON2 on " + line).isFalse();
    }
    int lastAt = TextScanner.lastAddressAt(line);
    for (int k = 0; k < TextScanner.SENTENCES.length; k++) {
      Matcher plain = TextScanner.SENTENCES[k].matcher(line);
      Matcher gated = TextScanner.SENTENCE_STARTS[k].match(TextScanner.SENTENCES[k], line, lastAt);
      assertThat(gated == null ? null : gated.group()).as("sentence " + k + " on " + line)
          .isEqualTo(plain.find() ? plain.group() : null);
    }
    Matcher rcpt = TextScanner.P_RCPT.matcher(line);
    Matcher gatedRcpt = TextScanner.RCPT_STARTS.match(TextScanner.P_RCPT, line, lastAt);
    assertThat(gatedRcpt == null ? null : gatedRcpt.group()).isEqualTo(rcpt.find() ? rcpt.group() : null);
    if (!TextScanner.SENTENCE_WORDS.in(line)) {
      for (Pattern p : TextScanner.SENTENCES) {
        assertThat(p.matcher(line).find()).as(p + " on " + line).isFalse();
      }
      assertThat(TextScanner.P_RCPT.matcher(line).find()).as("P_RCPT on " + line).isFalse();
    }
    if (!TextScanner.mayEndText(text)) {
      assertThat(TextScanner.Spec.END_MARKER.matcher(text.strip()).matches()).as("END_MARKER on " + text).isFalse();
    }
  }

  @Property(tries = 1000)
  void fieldLinesReadAsTheFieldPatternReadsThem(@ForAll("fieldLines") String line) {
    Matcher m = DsnParser.Spec.FIELD.matcher(line);
    DsnParser.Field f = DsnParser.field(line);
    if (m.find()) {
      assertThat(f).as(line).isEqualTo(new DsnParser.Field(m.group(1), m.group(2)));
    } else {
      assertThat(f).as(line).isNull();
    }
  }

  @Test
  void fieldLineEndings() {
    for (String line : List.of("A: b\r\n", "A: b\r", "A: b\n", "A: b\u0085", "A: b\r\nc", "A:\r\n", "A: b\u2028\u2028",
        "A:\r", "A :\tb", "A\t: b\rc", "x-" + "y".repeat(59) + ": z", "x-" + "y".repeat(60) + ": z")) {
      Matcher m = DsnParser.Spec.FIELD.matcher(line);
      DsnParser.Field expected = m.find() ? new DsnParser.Field(m.group(1), m.group(2)) : null;
      assertThat(DsnParser.field(line)).as(line).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<String> fieldLines() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("Status", "Final-Recipient", "X-Postfix-Sender", "a", "9", "-", ":", " ", "\t", "\r", "\n",
            "\u000B", "\f", "\u0085", "\u2028", "\u2029", "\r\n", "rfc822; a@example.com", "5.1.1", "\u00a0", "\u00e9"),
        Arbitraries.strings().withChars("abcXYZ019-: \t\r;").ofMaxLength(8),
        Arbitraries.strings().withChars("abcdefghij").ofMinLength(55).ofMaxLength(66));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void wasReceivedAsLowerCasingFindsIt(@ForAll("texts") String text) {
    String t = text.replace("received", "rece\u0130ved").replace("RECE", "\u212AECE") + " Was Received";
    for (String s : List.of(text, t, t.substring(0, t.length() / 2))) {
      boolean lowerCased = s.toLowerCase(Locale.ROOT).contains("was received");
      assertThat(TextScanner.WAS_RECEIVED.in(s)).as(s).isEqualTo(lowerCased);
    }
  }

  @Property(tries = 1000)
  void gatesOnWholeTexts(@ForAll("texts") String text) {
    String line = text.replace('\n', ' ');
    // REMOTE_HOST: "^" at the line's start, else a match starts with "host" or "while talking to"
    Matcher plain = TextScanner.REMOTE_HOST.matcher(line);
    Matcher gated = TextScanner.REMOTE_HOST.matcher(line);
    boolean found = plain.find();
    assertThat(gated.lookingAt() || TextScanner.REMOTE_HOST_STARTS.find(gated, line, 1)).isEqualTo(found);
    if (found) {
      assertThat(gated.group(1)).isEqualTo(plain.group(1));
    }
    if (!Smtp.CODE_STARTS.in(text)) {
      assertThat(Smtp.REPLY_LINE.matcher(text).find()).isFalse();
      assertThat(Smtp.REPLY_MARKED.matcher(text).find()).isFalse();
      assertThat(Smtp.REPLY_ANY.matcher(text).find()).isFalse();
    }
    if (!mayHoldCode(text)) {
      assertThat(Smtp.facts(text)).isEqualTo(new Smtp.Facts(java.util.Optional.empty(), java.util.Optional.empty()));
    }
    if (!Smtp.mayHoldStatus(text)) {
      assertThat(Smtp.facts(text).status()).isEmpty();
    }
  }

  /** The literal parts of the gated patterns, so that generated texts often match them. */
  private static final String[] FRAGMENTS = {
      "---- start of returned message ----", "start of ", "undeliverable to ", "addressed to ",
      "delivery failed 20 attempts: ", "error-for: ", "invalid final delivery userid: ", "-- ",
      "has not yet been delivered", "has been delayed", "not been delivered ", " yet", "delivery is delayed",
      "delivery delayed", "will keep trying", "will continue to try", "delivery attempts will continue",
      "will be retried", "still being retried", "this is a warning message only", "warning: message ", " delayed",
      "you do not need to resend", "you do not need to re-send", "only a temporary failure",
      "no action is required on your part", "this is a permanent error", "i've given up", "not going to try again",
      "giving up", "will not be retried", "could not be delivered for too long", "will be deleted from queue",
      "has been returned", "has been bounced", "PERMANENT fatal delivery errors", "permanent fatal error",
      "permanent fatal", "delivered to", "sent to", "relaying for", "forwarded to", "reach",
      "transmit", "recipient", "recipient(s)", "\u6536\u4ef6\u4eba", "\u6536\u4ef6\u4eba\uff1a", "\u5b9b\u5148: ",
      "\ubc1b\ub294 \uc0ac\ub78c", "\uff1a", "\u6536", "Your message to: ", "your message to",
      "addressee", "mailbox", "mailboxes", "user", "addresses", "message to",
      "message for", "rejected recipient", "rejected your message to", "RCPT TO:", "rcpt to :",
      "the error that the other server returned was:", "the response was:",
      "the response from the remote server was:", "remote host said:", "gave this error:",
      "the server responded with:", "said:", "says:", "returned", "response:", "responded", "reply:", "replied",
      "answer:", "error:", "error code:", "error_code :", "smtp;", "smtp:", "x-unix;", "]:", "):", "status:",
      "reason:", "code:", "message:", "rejected:", "failed:", "was:", "in reply to RCPT TO command",
      "in reply to the end of DATA command", "after RCPT TO", "after pipelined MAIL FROM", "after end of data",
      "after initial connection", "while sending DATA command", "while sending message body",
      "does not like recipient", "sender was rejected", "my name was rejected", "greeting failed",
      "failed on DATA command", "failed after I sent the message", "refused to talk to me", "[RCPT_TO]",
      "[MAIL_FROM]", "[DATA]", "for RCPT TO command", "for TEXT command", "after DATA command", "command", "550",
      "5.1.1", "550 5.1.1", "550-5.7.26", "#5.0.0", "(#5.1.1)", "421 4.7.0", "250 2.0.0", "4.4.7", "1.2.3.4",
      "version 5.1.1", "<<< ", ">>> ", "<<< 550 5.1.1 unknown", "<<< 503 need rcpt", "<- ", "Out: ", "S: ",
      "server: ", ">>> DATA", ">>> RCPT TO:<a@example.com>", "----", "-- ", "====", "***", "|||",
      "for further assistance", "if you do so, please include", "no action is required", "original message headers",
      "please do not reply", "the following text was generated", "if your message was also sent to",
      "diagnostic information for administrators", "technical details of ", "permanent failure:",
      "error message below:", "the remote server said:", "it responded as follows:", "diagnostic-code:",
      "diagnostic code:", "(expanded from <a@example.com>)", "(generated from: x)", "giving up on a@example.com.",
      "(reason: 550 no)", "Reporting-MTA", "Final-Recipient", "Original-Recipient", "Arrival-Date",
      "Received-From-MTA", "Original-Envelope-Id", "original message follows", "copy of the message",
      "returned message", "host mx.example.com[192.0.2.1]", "host mx.example.com [192.0.2.1]",
      "while talking to mx.example.com.:", "mx.example.com:", "did not like", "a@example.com", "<b@example.org>",
      "\"c@example.net\"", "(alias from x)", "Recipient:", "recipient address:", "failed recipients:",
      "unknown user:", "envelope-to:", "To: ", "an: ", "para: ", "A: ", "* ", "- ", "\u2022 ", "o ", "rfc822;", "<",
      ">", "\"", "...", "<mailto:", "wrote", "on Mon, 20 May 2024 10:00:00 +0200", "-----", "original message",
      "below this line is a copy of the message", "\u001C", "\u3000", "(lara@example.org)",
      "<b>jon@slow.example.org</b>", "\uD835\uDC00x@example.org", "\u00e9t\u00e9@example.org", "x\u2167@example.org",
      "'quoted'@example.org", "\"q\"@example.org", ":a@example.org", "rcpt to: <r@example.org>", "in", "reply", "to",
      "after", "RCPT", "MAIL", "FROM", "DATA", "for", "while", "sending", "does", "not", "like", "failed", "on", "my",
      "name", "was", "refused", "talk", "me", "greeting", "From:", "Reply-To:", "X-Foo-Bar:", "mail  from:",
      "Original sender:", "return-path:", "Resent-From:", "List-Id:", "sender-mta:", "generating server:",
      "Will-Retry-Until:", "pipelined", "initial", "connection", "end", "of", "TEXT", "EHLO", "| ", "> ", "the ",
      "message headers follow", "was received", "WAS rece\u0130ved", "was RECEIVED", " 550\t5.1.1 x", " #550\t5.1.1",
      " 421 -\t4.7.0", " 550:\tx", " 451\tTry", " 452-Too", " (#4.4.1) ", " 550 -5.7.1", "\u0130", "\u212A", "\u017F",
      "\u0085", "\u2028", "\u00a0"};

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS).flatMap(f -> Arbitraries.of(
        f, f.toUpperCase(Locale.ROOT), f.isEmpty() ? f : Character.toUpperCase(f.charAt(0)) + f.substring(1)));
    Arbitrary<String> noise = Arbitraries.strings().withChars("abcehinorstwy ADHRST:;.,-#<>[]()@'\"_\t\r\n012345")
        .ofMaxLength(6);
    Arbitrary<String> sep = Arbitraries.of("", " ", "  ", "\n", "\t", ": ", "-", ".");
    return Arbitraries.oneOf(fragment, fragment, noise, sep).list().ofMaxSize(16).map(l -> String.join("", l));
  }

  /**
   * The reference for {@link TextScanner#matchAt}: the first match of {@code p}, starting before
   * {@code limit}, of a pattern each of whose matches starts with {@code \b} and then one of the
   * words of {@code k}, every one of which starts with an ASCII letter. After an ASCII letter, digit
   * or underscore (a word character to {@code \b}) there is no boundary before a word, so the
   * pattern is not tried there.
   */
  private static Matcher matchAtWordStart(Keywords k, Pattern p, String s, int limit) {
    Matcher m = null;
    for (int at = k.next(s, 0); at >= 0 && at < limit; at = k.next(s, at + 1)) {
      if (at > 0 && Keywords.isAsciiWordChar(s.charAt(at - 1))) {
        continue;
      }
      m = Keywords.from(m, p, s, at);
      if (m.lookingAt()) {
        return m;
      }
    }
    return null;
  }

  /**
   * Whether {@code text} has a class digit ({@code 2}, {@code 4}, {@code 5}) followed by a digit or
   * a dot: every reply code ({@code 550}) and enhanced status code ({@code 5.1.1}) does, so a text
   * without one has no facts.
   */
  private static boolean mayHoldCode(String text) {
    int n = text.length() - 1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '2' || c == '4' || c == '5') {
        char d = text.charAt(i + 1);
        if (d == '.' || d >= '0' && d <= '9') {
          return true;
        }
      }
    }
    return false;
  }
}
