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

/** {@link SmallMap} against a LinkedHashMap given the same puts: same answers, same order, equal both ways. */
class SmallMapTest {

  @Property(tries = 2000)
  void behavesAsALinkedHashMap(@ForAll("ops") List<String> ops) {
    SmallMap small = new SmallMap();
    Map<String, String> linked = new LinkedHashMap<>();
    int n = 0;
    for (String op : ops) {
      String key = op.substring(1);
      String value = "v" + n++;
      if (op.charAt(0) == 'p') {
        assertThat(small.put(key, value)).isEqualTo(linked.put(key, value));
      } else {
        assertThat(small.putIfAbsent(key, value)).isEqualTo(linked.putIfAbsent(key, value));
      }
    }
    assertThat(small).isEqualTo(linked);
    assertThat(linked).isEqualTo(small);
    assertThat(small.hashCode()).isEqualTo(linked.hashCode());
    assertThat(small.size()).isEqualTo(linked.size());
    assertThat(new ArrayList<>(small.entrySet())).isEqualTo(new ArrayList<>(linked.entrySet()));
    for (String key : List.of("action", "status", "x-a", "final-recipient", "absent", new String("status"))) {
      assertThat(small.get(key)).isEqualTo(linked.get(key));
      assertThat(small.containsKey(key)).isEqualTo(linked.containsKey(key));
      assertThat(small.getOrDefault(key, "-")).isEqualTo(linked.getOrDefault(key, "-"));
    }
  }

  @Provide
  Arbitrary<List<String>> ops() {
    Arbitrary<String> key = Arbitraries.of("action", "status", "final-recipient", "x-a", "x-b", "k1", "k2", "k3", "k4",
        "k5", "k6", "k7", "k8", "k9");
    return Arbitraries.oneOf(key.map(k -> "p" + k), key.map(k -> "i" + k)).list().ofMaxSize(30);
  }
}
