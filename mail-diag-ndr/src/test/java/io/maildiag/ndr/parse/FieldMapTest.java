package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link FieldMap} against the LinkedHashMap it stands in for in {@link DsnParser}: same answers, same order. */
class FieldMapTest {

  @Property(tries = 2000)
  void sameAsLinkedHashMap(@ForAll("ops") List<String> ops) {
    FieldMap fast = new FieldMap();
    Map<String, String> plain = new LinkedHashMap<>();
    int n = 0;
    for (String op : ops) {
      // a copy of the name half of the time, so that names compare by value and not only by reference
      String key = n++ % 2 == 0 ? op.substring(1) : new String(op.substring(1));
      String value = "v" + n;
      if (op.charAt(0) == 'p') {
        assertThat(fast.put(key, value)).isEqualTo(plain.put(key, value));
      } else {
        assertThat(fast.putIfAbsent(key, value)).isEqualTo(plain.putIfAbsent(key, value));
      }
      assertThat(fast.get(key)).isEqualTo(plain.get(key));
    }
    assertThat(fast).isEqualTo(plain);
    assertThat(fast.hashCode()).isEqualTo(plain.hashCode());
    assertThat(new ArrayList<>(fast.entrySet())).isEqualTo(new ArrayList<>(plain.entrySet()));
    for (String name : List.of("a", "status", "k7", "k30", "", "x")) {
      assertThat(fast.get(name)).isEqualTo(plain.get(name));
      assertThat(fast.containsKey(name)).isEqualTo(plain.containsKey(name));
      assertThat(fast.getOrDefault(name, "-")).isEqualTo(plain.getOrDefault(name, "-"));
    }
  }

  @Provide
  Arbitrary<List<String>> ops() {
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("status", "action", "a", ""),
        Arbitraries.integers().between(0, 40).map(i -> "k" + i));
    return Arbitraries.of("p", "i").flatMap(kind -> name.map(k -> kind + k)).list().ofMaxSize(60);
  }
}
