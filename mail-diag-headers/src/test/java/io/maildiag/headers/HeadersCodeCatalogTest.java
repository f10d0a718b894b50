package io.maildiag.headers;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.DiagnosticCode;
import io.maildiag.headers.antispam.AntispamCodes;
import io.maildiag.headers.received.DateDefect;
import io.maildiag.headers.received.ReceivedCodes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code catalogues of the header model, Received and anti-spam readers. */
class HeadersCodeCatalogTest {

  private static List<DiagnosticCode> codes(Class<?> catalogue) throws IllegalAccessException {
    List<DiagnosticCode> out = new ArrayList<>();
    for (Field f : catalogue.getDeclaredFields()) {
      if (f.getType() == DiagnosticCode.class) {
        int m = f.getModifiers();
        assertThat(Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)).as(f.getName()).isTrue();
        DiagnosticCode c = (DiagnosticCode) f.get(null);
        assertThat(c.value()).isEqualTo(f.getName());
        out.add(c);
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(classes = {HeaderCodes.class, ReceivedCodes.class, AntispamCodes.class})
  void eachCodeIsAPublicConstantNamedLikeItsText(Class<?> catalogue) throws Exception {
    assertThat(codes(catalogue)).isNotEmpty().allSatisfy(c -> assertThat(c.value()).startsWith("HEADERS_"));
    assertThat(catalogue.getDeclaredConstructors()).allSatisfy(c ->
        assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
  }

  @Test
  void codesAreDistinctAcrossCatalogues() throws Exception {
    List<DiagnosticCode> all = new ArrayList<>();
    all.addAll(codes(HeaderCodes.class));
    all.addAll(codes(ReceivedCodes.class));
    all.addAll(codes(AntispamCodes.class));
    for (DateDefect d : DateDefect.values()) {
      assertThat(d.code().value()).isEqualTo("HEADERS_DATE_" + d.name());
      all.add(d.code());
    }
    Set<DiagnosticCode> distinct = new HashSet<>(all);
    assertThat(distinct).hasSize(all.size());
    assertThat(distinct).contains(ReceivedCodes.HEADERS_NEGATIVE_DELAY, ReceivedCodes.HEADERS_CLOCK_SKEW,
        ReceivedCodes.HEADERS_CHAIN_BREAK, ReceivedCodes.HEADERS_UNPARSABLE_RECEIVED,
        ReceivedCodes.HEADERS_DATE_AFTER_FIRST_HOP, ReceivedCodes.HEADERS_LONG_DELAY);
  }
}
