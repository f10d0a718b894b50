package io.maildiag.examples.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Json#line} writes exactly what Jackson's own mapper writes for the same tree. */
class JsonTest {

  private static final ObjectMapper REFERENCE = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  @Test
  void writesEveryNodeTypeLikeTheMapper() throws Exception {
    ObjectNode o = Json.object();
    o.put("s", "plain \"quoted\" \\ \n\t\u0001 é ü 日本 \uD83D\uDCE7 \uD800 lone");
    o.put("i", -42);
    o.put("l", Long.MAX_VALUE);
    o.put("d", 0.1);
    o.put("f", 1.5f);
    o.put("bi", new BigInteger("123456789012345678901234567890"));
    o.put("bd", new BigDecimal("1.50"));
    o.put("t", true);
    o.putNull("n");
    o.put("b", new byte[] {1, 2, 3});
    ArrayNode a = o.putArray("a");
    a.add(1).add("x").addNull().addObject().put("k", "v");
    a.addArray();
    o.putObject("empty");
    assertThat(Json.line(o)).isEqualTo(REFERENCE.writeValueAsString(o))
        .doesNotContain("\n").contains("\\u00E9");
  }

  @Property(tries = 300)
  void stringsAndNumbersAsTheMapperWritesThem(@ForAll("keys") List<String> keys,
      @ForAll("values") List<String> values, @ForAll long n, @ForAll double d) throws Exception {
    ObjectNode o = Json.object();
    for (int i = 0; i < keys.size(); i++) {
      o.put(keys.get(i), i < values.size() ? values.get(i) : null);
    }
    o.put("n", n);
    o.put("d", d);
    ArrayNode arr = o.putArray("values");
    values.forEach(arr::add);
    assertThat(Json.line(o)).isEqualTo(REFERENCE.writeValueAsString(o));
    JsonNode back = REFERENCE.readTree(Json.line(o));
    assertThat(back.path("values").size()).isEqualTo(values.size());
  }

  @Provide
  Arbitrary<List<String>> keys() {
    return Arbitraries.strings().all().ofMaxLength(12).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.strings().all().ofMaxLength(40).list().ofMaxSize(6);
  }
}
