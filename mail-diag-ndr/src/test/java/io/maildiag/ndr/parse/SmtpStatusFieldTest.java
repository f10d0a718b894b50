package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.EnhancedStatusCode;
import java.util.Optional;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Smtp#statusField} reads what its pattern's {@code find} reads. */
class SmtpStatusFieldTest {

  @Property(tries = 5000)
  void statusFieldIsFind(@ForAll("values") String value) {
    Matcher m = Smtp.Spec.STATUS_FIELD.matcher(value);
    Optional<EnhancedStatusCode> want = m.find() ? Smtp.status(m.group(1), m.group(2), m.group(3)) : Optional.empty();
    assertThat(Smtp.statusField(value)).as(value).isEqualTo(want);
  }

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("5.1.1", "4.7.0", "2.0.0", "5.1234.1", "5.123.4567", "5.01.1", "5.0.00", "3.1.1", "5..1", "5.1.",
            "5.1", " ", "\t", "\r\n", "\u00a0", "\u0660", "(permanent failure)", "#", "x", "."),
        Arbitraries.strings().withChars("2450139. \t").ofMaxLength(6));
    return piece.list().ofMaxSize(5).map(l -> String.join("", l));
  }
}
