package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.OriginalMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Engine.Message#originalOf} reads the fields as one lookup per field does. */
class EngineOriginalTest {

  /** The plain version: each field looked up on its own. */
  private static OriginalMessage plain(Headers h) {
    Optional<String> id = h.get("Message-ID").map(v -> Engine.stripIdAngles(v).trim()).filter(v -> !v.isEmpty());
    return new OriginalMessage(id, nonEmpty(h.decoded("From")), nonEmpty(h.decoded("To")),
        nonEmpty(h.decoded("Subject")), nonEmpty(h.get("Date")));
  }

  private static Optional<String> nonEmpty(Optional<String> v) {
    return v.map(String::trim).filter(s -> !s.isEmpty());
  }

  @Test
  void readsAsOneLookupPerField() {
    String[] names = {"Message-ID", "message-id", "MESSAGE-Id", "From", "FROM", "To", "tO", "Subject", "Date", "date",
        "Sender", "X-To", "Tos", "Fro\u017f", "Ｔo", "Return-Path", "reply-to", "SENDER"};
    String[] values = {"", " ", "<a@b>", " <id@x> ", "<>", "a@b.example", "=?utf-8?q?caf=C3=A9?=", "Re: x",
        "Mon, 1 Jan 2024 00:00:00 +0000", "\u00e9", "  <  >  ", "\t"};
    Random random = new Random(47);
    for (int i = 0; i < 20_000; i++) {
      List<Headers.Field> fields = new ArrayList<>();
      int n = random.nextInt(8);
      for (int k = 0; k < n; k++) {
        fields.add(new Headers.Field(names[random.nextInt(names.length)], values[random.nextInt(values.length)]
            + (random.nextBoolean() ? "" : values[random.nextInt(values.length)])));
      }
      Headers h = new Headers(fields);
      assertThat(Engine.Message.originalOf(h)).as(fields.toString()).isEqualTo(plain(h));
    }
  }
}
