package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pass that reads the returned message's senders finds them as the fields' values give them. */
class EngineReturnedSendersTest {
  private static final String[] NAMES = {"From", "FROM", "from", "Sender", "To", "tO", "Subject", "Date",
      "Message-ID", "Message-Id", "Reply-To", "Return-Path", "X-Other", "Fr\u00f6m", "Dat", "Datee", "K", "\u212a"};
  private static final String[] VALUES = {"a@b.example", "<C@D.example>", "Name <e@f.example>, g@h.example", "",
      "  ", "x", "=?utf-8?q?J=C3=BCrgen?= <j@k.example>", "<id@host>"};

  @Test
  void findsTheSendersOfTheNamedFields() {
    Random random = new Random(41);
    for (int i = 0; i < 5000; i++) {
      List<Headers.Field> fields = new ArrayList<>();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) {
        fields.add(new Headers.Field(NAMES[random.nextInt(NAMES.length)], VALUES[random.nextInt(VALUES.length)]));
      }
      Headers h = new Headers(fields);
      Set<String> out = new HashSet<>();
      Engine.Message.addAddresses(out, h, Engine.ORIGINAL_SENDER_FIELDS);
      Set<String> expected = new HashSet<>();
      for (Headers.Field f : fields) {
        for (String name : new String[] {"From", "Sender", "Return-Path", "Reply-To"}) {
          if (Headers.sameName(f.name(), name)) {
            for (String a : Addresses.all(f.value().trim())) {
              expected.add(Addresses.key(a));
            }
            break;
          }
        }
      }
      assertThat(out).isEqualTo(expected);
    }
  }
}
