package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.BounceAnalysis;
import io.maildiag.ndr.BounceAnalyzer;
import io.maildiag.ndr.MessageKind;
import io.maildiag.ndr.Reason;
import io.maildiag.ndr.RecipientResult;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fml mailing-list manager's notices to a list's administrator: the list is the recipient. */
class FmlNoticeTest {

  private static final String HEAD = "Return-Path: <cats-admin@lists.example.org>\n"
      + "Date: Tue, 24 Nov 2026 10:00:00 +0900\n"
      + "From: cats-admin@lists.example.org\n"
      + "To: cats-admin@lists.example.org\n"
      + "Message-Id: <202611241000.FMLAB00012.cats@lists.example.org>\n"
      + "X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]\n";

  private static BounceAnalysis analyze(String message) {
    return BounceAnalyzer.withDefaults().analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPostFromANonMemberIsRejected() {
    BounceAnalysis a = analyze(HEAD + "Subject: You tom@example.net are not member (cats ML)\n\n"
        + "You are not a member of this mailing list <cats@lists.example.org>.\n\n"
        + "If you know the general guide of this list, please send mail with\nthe mail body\n\n\tguide\n\n"
        + "to the address\n\n\tcats-ctl@lists.example.org\n");
    assertThat(a.kind()).isEqualTo(MessageKind.BOUNCE);
    assertThat(a.format()).isEqualTo("fml");
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("cats@lists.example.org");
      assertThat(r.classification().reason()).isEqualTo(Reason.REJECTED);
      assertThat(r.diagnosticText()).isEqualTo("You are not a member of this mailing list <cats@lists.example.org>.");
      assertThat(r.status()).isEmpty();
    });
  }

  @Test
  void aDuplicatedMessageIdIsNotCompliantAndTheQuotedMessageIsTheOriginal() {
    BounceAnalysis a = analyze(HEAD + "Subject: Loop Alert: Duplicated Message-ID (cats ML)\n"
        + "Content-Type: text/plain; charset=iso-2022-jp\n\n"
        + "Duplicated Message-ID in <cats@lists.example.org>.\n\n\nOriginal mail as follows:\n\n"
        + "   From owner-cats@lists.example.org  Tue Nov 24 10:00:00 2026\n"
        + "   Received: from mx.example.net (mx.example.net [192.0.2.7])\n"
        + "   \tby lists.example.org (Postfix) with ESMTP id 1234\n"
        + "   \tfor <cats@lists.example.org>; Tue, 24 Nov 2026 10:00:00 +0900 (JST)\n"
        + "   To: <cats@lists.example.org>\n"
        + "   Subject: Nyaan\n"
        + "   From: <tom@example.net>\n"
        + "   Message-ID: <20261124.0001@example.net>\n"
        + "   \n   hello\n");
    assertThat(a.recipients()).singleElement().satisfies(r -> {
      assertThat(r.recipient()).isEqualTo("cats@lists.example.org");
      assertThat(r.classification().reason()).isEqualTo(Reason.NOT_RFC_COMPLIANT);
    });
    assertThat(a.original().messageId()).hasValue("20261124.0001@example.net");
    assertThat(a.original().subject()).hasValue("Nyaan");
  }

  @Test
  void onlyTheListServersOwnNoticesAreReadSo() {
    // the same text from a person, or without fml's field, is not a list server's notice
    String body = "\nYou are not a member of this mailing list <cats@lists.example.org>.\n";
    String person = HEAD.replace("From: cats-admin@", "From: tom@") + "Subject: hi\n" + body;
    String noServer = HEAD.replace("X-MLServer: fml", "X-Mailer: fml") + "Subject: hi\n" + body;
    for (String m : new String[] {person, noServer}) {
      BounceAnalysis a = analyze(m);
      assertThat(a.format()).isNotEqualTo("fml");
      assertThat(a.recipients()).extracting(RecipientResult::recipient).doesNotContain("cats@lists.example.org");
    }
    // a notice that names no list in fml's way is left to the general reading
    BounceAnalysis none = analyze(HEAD + "Subject: hi\n\nnothing to see here\n");
    assertThat(none.format()).isNotEqualTo("fml");
  }

  @Test
  void listAddresses() {
    assertThat(FmlNotice.listAddress("Duplicated Message-ID in <a@b.example>.")).isEqualTo("a@b.example");
    assertThat(FmlNotice.listAddress("list <a@b.example>")).isEqualTo("a@b.example");
    assertThat(FmlNotice.listAddress("<a@b.example> said so")).isNull();
    assertThat(FmlNotice.listAddress("<ab.example>.")).isNull();
    assertThat(FmlNotice.listAddress("<@b.example>.")).isNull();
    assertThat(FmlNotice.listAddress("<a@>.")).isNull();
    assertThat(FmlNotice.listAddress("<a@b@c>.")).isNull();
    assertThat(FmlNotice.listAddress("<a b@c>.")).isNull();
    assertThat(FmlNotice.listAddress(">.")).isNull();
    assertThat(FmlNotice.listAddress("")).isNull();
  }

  @Property(tries = 500)
  void anyNoticeBodyIsReadWithoutFailing(@ForAll("bodies") String body) {
    BounceAnalysis a = analyze(HEAD + "Subject: Loop Alert\n\n" + body);
    assertThat(a.diagnostics()).noneMatch(d -> d.code().equals(Codes.INTERNAL_ERROR));
    for (RecipientResult r : a.recipients()) {
      assertThat(r.recipient()).contains("@");
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("<", ">", ">.", "@", "a@b.example", "\n", "\r\n", " ", "\t",
            "Original mail as follows:", "   ", "Duplicated Message-ID in ", "You are not a member of ", "-"),
        Arbitraries.strings().ofMaxLength(8));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void listAddressIsInsideTheLineOrNull(@ForAll String line) {
    String a = FmlNotice.listAddress(line);
    if (a != null) {
      assertThat(line).contains("<" + a + ">");
      assertThat(a).containsOnlyOnce("@");
    }
  }
}
