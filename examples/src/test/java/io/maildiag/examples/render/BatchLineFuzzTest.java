package io.maildiag.examples.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.maildiag.headers.report.HeaderAnalyzer;
import io.maildiag.ndr.BounceAnalyzer;

/**
 * A coverage-guided fuzz test (Jazzer) of the CLI's batch contract: whatever a file holds, its
 * {@code ndr --batch} and {@code headers --batch} lines are one line of valid JSON each, and each
 * bounce recipient has the fields the contract promises: {@code recipient}, {@code status} (a
 * string or null), {@code replyCode} (a number or null), {@code reason} (lower-case words joined
 * by hyphens) and {@code permanent} (a boolean).
 *
 * <p>A plain test run runs the target once per kept input; {@code JAZZER_FUZZ=1} fuzzes it (see
 * the NDR module's {@code BounceAnalyzerFuzzTest}).
 */
class BatchLineFuzzTest {

  private static final BounceAnalyzer BOUNCES = BounceAnalyzer.withDefaults();
  private static final HeaderAnalyzer HEADERS = HeaderAnalyzer.builder().build();
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @FuzzTest(maxDuration = "3m")
  void everyBatchLineIsValidJson(byte[] file) throws Exception {
    String ndr = Json.line(NdrJson.analysis("f.eml", BOUNCES.analyzeEach(file)));
    assertThat(ndr).doesNotContain("\n", "\r");
    JsonNode node = JSON.readTree(ndr);
    assertThat(node.get("file").asText()).isEqualTo("f.eml");
    for (JsonNode r : node.get("recipients")) {
      assertThat(r.get("recipient").isTextual()).isTrue();
      assertThat(r.get("status").isTextual() || r.get("status").isNull()).isTrue();
      assertThat(r.get("replyCode").isInt() || r.get("replyCode").isNull()).isTrue();
      assertThat(r.get("reason").asText()).matches("[a-z]+(-[a-z]+)*");
      assertThat(r.get("permanent").isBoolean()).isTrue();
    }
    String headers = Json.line(HeadersJson.report("f.eml", HEADERS.analyze(file)));
    assertThat(headers).doesNotContain("\n", "\r");
    assertThat(JSON.readTree(headers).get("file").asText()).isEqualTo("f.eml");
  }
}
