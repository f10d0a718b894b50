package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written matchers of {@link LineMatchers} give what their regular expressions give. */
class LineMatchersTest {

  @Property(tries = 5000)
  void reasonWrapIsMatches(@ForAll("reasons") String l) {
    Matcher m = TextScanner.Spec.REASON_WRAP.matcher(l);
    assertThat(LineMatchers.reasonWrap(l)).as(l).isEqualTo(m.matches() ? m.group(1) : null);
  }

  @Property(tries = 5000)
  void headerishIsLookingAt(@ForAll("headers") String s) {
    assertThat(LineMatchers.headerish(s)).as(s).isEqualTo(TextScanner.Spec.HEADERISH.matcher(s).lookingAt());
  }

  @Property(tries = 5000)
  void negativeReplyIsLookingAt(@ForAll("replies") String l) {
    assertThat(LineMatchers.negativeReply(l)).as(l).isEqualTo(SmtpStage.Spec.NEGATIVE.matcher(l).lookingAt());
  }

  @Property(tries = 3000)
  void noRecipientHasItsWord(@ForAll("replies") String l) {
    if (SmtpStage.NO_RECIPIENT.matcher(l).lookingAt()) {
      assertThat(SmtpStage.RECIPIENT_WORDS.in(l)).as(l).isTrue();
    }
  }

  @Property(tries = 8000)
  void remoteHostIsFindOnEachLine(@ForAll("hostBlocks") String block) {
    assertThat(TextScanner.remoteHost(block)).as(block).isEqualTo(plainRemoteHost(block));
  }

  /** Each line stripped and searched, as {@link TextScanner#remoteHost} reads them. */
  private static String plainRemoteHost(String block) {
    for (String raw : block.split("\n")) {
      Matcher m = TextScanner.REMOTE_HOST.matcher(raw.strip());
      if (m.find()) {
        return m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }

  @Provide
  Arbitrary<String> hostBlocks() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("host", "Host", "HOST", "ghost", "\u00e9host", "_host", "-host", "while talking to",
            "While Talking To", "mx.example.com", "a.b.cc", "X.Y.ZZ", "a1-b.c2.de", "1.2.3.4", "a.b", "a.bc1",
            "ex..com", "a.b.c.de.", "[192.0.2.1]", "[::1]", "[1.2.3.x]", "[]", "[", "]", ":", ".:", ".", "did not like",
            " did not like", "said:", "\u0085", "\u2028", "x", "-", "a\u00e9.com", "\u212a.com"),
        Arbitraries.strings().withChars("ab.-:[]1 ").ofMaxLength(6),
        Arbitraries.strings().withChars("abc.").ofMinLength(240).ofMaxLength(262));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Property(tries = 10000)
  void endMarkerIsMatches(@ForAll("markerLines") String l) {
    assertThat(LineMatchers.endMarker(l)).as(l).isEqualTo(TextScanner.Spec.END_MARKER.matcher(l).matches());
  }

  @Provide
  Arbitrary<String> markerLines() {
    Arbitrary<String> word = Arbitraries.of("the", "THE", "original", "Original", "message", "MESSAGE", "headers",
        "header", "follows", "follow", "text", "unsent", "returned", "this", "is", "a", "A", "copy", "of", "below",
        "line", "enclosed", "included", "undelivered", "attached", "was", "received", "-----", "|", ">", "*", ":",
        "x", "an", ",", "'", ".", "\u00e9", "\u212a", "1", "(", "below this line is a copy of the original message",
        "original message follows", "the returned message", "a copy of message", "message header follow",
        "start", "START", "start of returned message", "---- START OF RETURNED MESSAGE ----", "start of");
    Arbitrary<String> filler = Arbitraries.strings().withChars("ab ,'-:.|1(").ofMinLength(30).ofMaxLength(45);
    return Arbitraries.oneOf(word, word, word, Arbitraries.of(SPACES), filler).list().ofMaxSize(14)
        .map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void detailLeadIsLookingAt(@ForAll("details") String l) {
    assertThat(LineMatchers.detailLead(l)).as(l).isEqualTo(TextScanner.Spec.DETAIL_LEAD.matcher(l).lookingAt());
  }

  @Property(tries = 5000)
  void replyContinuesIsFind(@ForAll("details") String prev) {
    Matcher m = TextScanner.Spec.REPLY_CONT.matcher(prev);
    int code = TextScanner.replyContinues(prev, Keywords.skipSpace(prev));
    if (m.find()) {
      assertThat(code).as(prev).isEqualTo(m.start(1));
    } else {
      assertThat(code).as(prev).isEqualTo(-1);
    }
  }

  @Property(tries = 3000)
  void leadingPunctAndExchangeDate(@ForAll("details") String rest) {
    assertThat(TextScanner.withoutLeadingPunct(rest)).as(rest)
        .isEqualTo(TextScanner.Spec.LEADING_PUNCT.matcher(rest).replaceFirst(""));
    if (TextScanner.EXCHANGE_DATE.matcher(rest).matches()) {
      assertThat(TextScanner.mayBeExchangeDate(rest)).as(rest).isTrue();
    }
  }

  @Provide
  Arbitrary<String> details() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("technical details", "Technical Detail", "the error", "The response", "remote host",
            "Remote Server", "remote", "reason", "diagnostic", "error", "smtp error", "SMTP", "host", "Host", "<<<",
            ">>>", "<<", "550", "450", "250", "350", "55", "5.1", "#5.", "#", "5", ".", "4.7", "the server",
            "the mail server", "the mail", "response", ":", "-", "x", "\u00e9", "\u0660", "on", "On", "Mon,",
            "20 May 2024", "10:00", "1:23", ";", ",", "550-", "<<< 550-", "could not deliver", "Could Not Deliver",
            "could not", "Additional information follows", "additional information"),
        Arbitraries.strings().withChars("245. :-#<\t").ofMaxLength(5));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void responseMarkIsMatches(@ForAll("marks") String l) {
    Matcher m = TextScanner.RESPONSE_MARK.matcher(l);
    assertThat(LineMatchers.responseMark(l)).as(l).isEqualTo(m.matches() ? m.group(1) : null);
  }

  @Provide
  Arbitrary<String> marks() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("the response from the remote server was", "The Response was", "the response ",
            "the response from the remote server said", "the error that the other server returned was",
            "technical details of permanent failure", "Technical details of temporary failure",
            "technical details of ", "error message below", "the remote server said", "the remote server returned",
            "the remote server ", "remote host said", "it responded as follows", "reason:", "Reason", "diagnostic-code:",
            "diagnostic code:", "Diagnostic_code:", ":", "::", "550 5.1.1 no", "x", "\u00e9"),
        Arbitraries.strings().withChars("ab: \t").ofMaxLength(4));
    return piece.list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void transcriptTextIsLookingAt(@ForAll("replies") String l) {
    Matcher server = SmtpStage.Spec.SERVER.matcher(l);
    assertThat(LineMatchers.transcriptText(l, "<<<")).as(l).isEqualTo(server.lookingAt() ? server.group(1) : null);
    String c = l.replace('<', '>');
    Matcher client = SmtpStage.Spec.CLIENT.matcher(c);
    assertThat(LineMatchers.transcriptText(c, ">>>")).as(c).isEqualTo(client.lookingAt() ? client.group(1) : null);
  }

  @Property(tries = 5000)
  void transcriptAndReplyStarts(@ForAll("transcriptLines") String l) {
    Matcher t = TextScanner.Spec.TRANSCRIPT_REPLY.matcher(l);
    assertThat(LineMatchers.transcriptReply(l)).as(l).isEqualTo(t.lookingAt() ? t.start(1) : -1);
    String stripped = l.strip();
    assertThat(LineMatchers.withoutTranscriptMark(stripped)).as(l)
        .isEqualTo(TextScanner.Spec.TRANSCRIPT_PREFIX_CI.matcher(stripped).replaceFirst(""));
    Matcher r = TextScanner.Spec.REPLY_START.matcher(l);
    assertThat(LineMatchers.replyStart(l)).as(l).isEqualTo(r.lookingAt() ? r.start(1) : -1);
    assertThat(LineMatchers.innerReply(l)).as(l).isEqualTo(TextScanner.Spec.INNER_REPLY.matcher(l).matches());
  }

  @Provide
  Arbitrary<String> transcriptLines() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("<<<", "<<", "<-", "out:", "OUT:", "Out", "s:", "S:", "server:", "Server:", "serv", "550",
            "450", "250", "551", "5", "55", "5500", "-", " ", ":", "[", "(", "#", "[#", "x", "\u0660", "\u00e9"),
        Arbitraries.strings().withChars("<45 -:#[(0x").ofMaxLength(5));
    return piece.list().ofMaxSize(7).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void sectionEndAndSeparator(@ForAll("sectionLines") String l) {
    assertThat(LineMatchers.sectionEnd(l)).as(l).isEqualTo(TextScanner.Spec.SECTION_END.matcher(l).lookingAt());
    assertThat(LineMatchers.separatorLine(l)).as(l).isEqualTo(TextScanner.Spec.SEPARATOR_LINE.matcher(l).matches());
  }

  @Provide
  Arbitrary<String> sectionLines() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("For further assistance", "if you do so, please include", "no action is required",
            "original message headers", "Please do not reply", "delivery attempts will continue",
            "the following text was generated", "this is a permanent error", "if your message was also sent to",
            "diagnostic information for administrators", "for further", "if you", "-", "--", "---", "=", "*", "_",
            "#", "~", "+", "|", "x", "\u00e9"),
        Arbitraries.strings().withChars("-=*_#~+|x ").ofMaxLength(6));
    return piece.list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Test
  void examples() {
    assertThat(LineMatchers.reasonWrap("   (reason: 550 5.1.1 User unknown)")).isEqualTo("550 5.1.1 User unknown");
    assertThat(LineMatchers.reasonWrap("(Reason: x))  ")).isEqualTo("x)");
    assertThat(LineMatchers.reasonWrap("(reason:\u2028x)")).isNull();
    assertThat(LineMatchers.reasonWrap("(reason: a\u2028b)")).isNull();
    assertThat(LineMatchers.headerish("X-Failed-Recipients: a@b")).isTrue();
    assertThat(LineMatchers.headerish("Mail  From :<a@b>")).isTrue();
    assertThat(LineMatchers.headerish("x-: a@b")).isFalse();
    assertThat(LineMatchers.negativeReply(" <<< 550\r\n")).isTrue();
    assertThat(LineMatchers.negativeReply("<<<550\u2028")).isTrue();
    assertThat(LineMatchers.negativeReply("<<<550x")).isFalse();
  }

  private static final String[] SPACES = {" ", "\t", "\r", "\n", "\u000B", "\f", "\u00a0", "\u0085", "\u2028",
      "\u2029", "\r\n", "  "};

  @Provide
  Arbitrary<String> reasons() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("(reason:", "(REASON:", "(Reason :", "(reason", ")", "))", "(", "550 5.1.1", "user unknown",
            "x", "\u00e9"),
        Arbitraries.strings().withChars("(reason:) \t\r\u2028x").ofMaxLength(5));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> headers() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("from", "From", "reply-to", "sender", "sender-mta", "return-path", "return-receipt-to", "cc",
            "bcc", "mail", "MAIL", "original", "original-mail-from", "original-recipient", "x-", "X-", "resent-",
            "list-", "list", "generating server", "generating", "server", "final-recipient", "status", "action",
            "will-retry-until", "date", "subject", "received", ":", "-", "_", "a", "9", "\u00e9", "\u212a",
            "@", "x-postfix-sender", "last-attempt-date", "arrival-date", "diagnostic-code", "dkim-signature",
            "authentication-results", "envelope-from", "errors-to", "in-reply-to", "message-id", "references",
            "reporting-mta", "remote-mta", "disposition-notification-to"),
        Arbitraries.strings().withChars("ab-_: \t\u00e9").ofMaxLength(4));
    return piece.list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> replies() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SPACES),
        Arbitraries.of("<<<", "<<", "<", "550", "450", "250", "5", "55", "5500", "-", "rcpt", "RCPT", "recipient",
            "Recipients", "recipient(s)", "no valid", "x", "\u0660", "\u00e9", "_"),
        Arbitraries.strings().withChars("<45 -\r\n0x").ofMaxLength(5));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
