package io.maildiag.dns.dmarc.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.DiagnosticCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code catalogue: each constant's text is its field name, and all are distinct. */
class AggregateReportCodesTest {

  @Test
  void eachCodeIsAPublicConstantNamedLikeItsTextAndDistinct() throws Exception {
    Set<DiagnosticCode> seen = new HashSet<>();
    int count = 0;
    for (Field f : AggregateReportCodes.class.getDeclaredFields()) {
      if (f.getType() != DiagnosticCode.class) {
        continue;
      }
      int m = f.getModifiers();
      assertThat(Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)).as(f.getName()).isTrue();
      DiagnosticCode code = (DiagnosticCode) f.get(null);
      assertThat(code.value()).isEqualTo(f.getName()).startsWith("DMARC_REPORT_");
      seen.add(code);
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(15);
    assertThat(seen).hasSize(count);
  }
}
