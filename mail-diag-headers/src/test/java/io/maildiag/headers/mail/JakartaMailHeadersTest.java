package io.maildiag.headers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import io.maildiag.headers.HeaderCodes;
import io.maildiag.headers.HeaderField;
import io.maildiag.headers.HeaderSection;
import io.maildiag.headers.received.ReceivedTimeline;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JakartaMailHeadersTest {

  private static final String MESSAGE = "Received: from a.example.org (a.example.org [192.0.2.1])\r\n"
      + "\tby b.example.net (Postfix) with ESMTPS id X1; Tue, 2 Apr 2024 10:00:05 +0000\r\n"
      + "Received: by a.example.org (Postfix) id X0; Tue, 2 Apr 2024 10:00:00 +0000\r\n"
      + "Subject: =?UTF-8?Q?caf=C3=A9?=\r\n"
      + "Date: Tue, 2 Apr 2024 09:59:59 +0000\r\n"
      + "\r\n"
      + "body\r\n";

  @Test
  void readsTheHeaderOfAMimeMessage() throws MessagingException {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII)));
    ParseResult<HeaderSection> r = JakartaMailHeaders.parse(m);
    HeaderSection h = r.orElseThrow();
    assertThat(r.diagnostics()).isEmpty();
    assertThat(h.all("Received")).hasSize(2);
    assertThat(h.first("Received").orElseThrow().raw()).contains("\r\n\tby b.example.net");
    assertThat(h.value("Subject")).hasValue("caf\u00e9");
    assertThat(ReceivedTimeline.of(h).totalDelay()).hasValueSatisfying(d -> assertThat(d.getSeconds()).isEqualTo(5));
  }

  @Test
  void readsABodyPart() throws MessagingException {
    BodyPart part = new MimeBodyPart();
    part.setHeader("Content-Type", "text/plain");
    part.addHeader("X-Test", "one");
    HeaderSection h = JakartaMailHeaders.parse(part).orElseThrow();
    assertThat(h.fields()).extracting(HeaderField::name).contains("Content-Type", "X-Test");
  }

  @Test
  void aMessagingExceptionBecomesAFailedResult() {
    MimeMessage broken = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      public java.util.Enumeration<String> getAllHeaderLines() throws MessagingException {
        throw new MessagingException("folder closed");
      }
    };
    ParseResult<HeaderSection> r = JakartaMailHeaders.parse(broken);
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.errors()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(HeaderCodes.HEADERS_SOURCE_UNREADABLE);
      assertThat(d.message()).contains("folder closed");
    });
  }
}
