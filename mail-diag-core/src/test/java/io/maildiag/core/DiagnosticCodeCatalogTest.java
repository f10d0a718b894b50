package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainCodes;
import io.maildiag.core.ip.IpCodes;
import io.maildiag.core.mail.MailCodes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code catalogues of the core parsers: each constant's text is its field name, and all are distinct. */
class DiagnosticCodeCatalogTest {

  private static List<Field> codeFields(Class<?> catalogue) {
    List<Field> fields = new ArrayList<>();
    for (Field f : catalogue.getDeclaredFields()) {
      if (f.getType() == DiagnosticCode.class) {
        fields.add(f);
      }
    }
    return fields;
  }

  @ParameterizedTest
  @ValueSource(classes = {DomainCodes.class, IpCodes.class, MailCodes.class})
  void eachCodeIsAPublicConstantNamedLikeItsText(Class<?> catalogue) throws Exception {
    List<Field> fields = codeFields(catalogue);
    assertThat(fields).isNotEmpty();
    for (Field f : fields) {
      int m = f.getModifiers();
      assertThat(Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)).as(f.getName()).isTrue();
      assertThat(((DiagnosticCode) f.get(null)).value()).isEqualTo(f.getName());
    }
    assertThat(catalogue.getDeclaredConstructors()).allSatisfy(c ->
        assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
  }

  @Test
  void codesAreDistinctAcrossCatalogues() throws Exception {
    Set<DiagnosticCode> seen = new HashSet<>();
    int count = 0;
    for (Class<?> c : List.of(DomainCodes.class, IpCodes.class, MailCodes.class)) {
      for (Field f : codeFields(c)) {
        seen.add((DiagnosticCode) f.get(null));
        count++;
      }
    }
    assertThat(seen).hasSize(count);
    assertThat(seen).contains(DomainCodes.DOMAIN_EMPTY_LABEL, IpCodes.IP_LEADING_ZERO, MailCodes.ADDRESS_TOO_LONG);
  }
}
