package io.maildiag.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LimitsTest {

  @Test
  void defaultsMatchTheDocumentedConstants() {
    Limits d = Limits.defaults();
    assertThat(d.queryTimeout()).isEqualTo(Duration.ofSeconds(Limits.DEFAULT_QUERY_TIMEOUT_SECONDS));
    assertThat(d.totalTimeBudget()).isEqualTo(Duration.ofSeconds(Limits.DEFAULT_TOTAL_TIME_BUDGET_SECONDS));
    assertThat(d.maxDnsLookups()).isEqualTo(Limits.DEFAULT_MAX_DNS_LOOKUPS);
    assertThat(d.maxVoidLookups()).isEqualTo(Limits.DEFAULT_MAX_VOID_LOOKUPS);
    assertThat(d.maxMxNames()).isEqualTo(Limits.DEFAULT_MAX_MX_NAMES);
    assertThat(d.maxPtrNames()).isEqualTo(Limits.DEFAULT_MAX_PTR_NAMES);
    assertThat(d.maxCnameChain()).isEqualTo(Limits.DEFAULT_MAX_CNAME_CHAIN);
    assertThat(d.maxInputBytes()).isEqualTo(Limits.DEFAULT_MAX_INPUT_BYTES);
    assertThat(d.maxHeaderBytes()).isEqualTo(Limits.DEFAULT_MAX_HEADER_BYTES);
    assertThat(d.maxHeaderFields()).isEqualTo(Limits.DEFAULT_MAX_HEADER_FIELDS);
    assertThat(d.maxLineLength()).isEqualTo(Limits.DEFAULT_MAX_LINE_LENGTH);
    assertThat(d.maxReceivedHops()).isEqualTo(Limits.DEFAULT_MAX_RECEIVED_HOPS);
    assertThat(d.maxMimeDepth()).isEqualTo(Limits.DEFAULT_MAX_MIME_DEPTH);
    assertThat(d.maxDiagnostics()).isEqualTo(Limits.DEFAULT_MAX_DIAGNOSTICS);
  }

  @Test
  void documentedConstantsHaveTheDocumentedValues() {
    // RFC 7208 section 4.6.4 numbers and the values named in the Javadoc table.
    assertThat(Limits.DEFAULT_QUERY_TIMEOUT_SECONDS).isEqualTo(5);
    assertThat(Limits.DEFAULT_TOTAL_TIME_BUDGET_SECONDS).isEqualTo(20);
    assertThat(Limits.DEFAULT_MAX_DNS_LOOKUPS).isEqualTo(10);
    assertThat(Limits.DEFAULT_MAX_VOID_LOOKUPS).isEqualTo(2);
    assertThat(Limits.DEFAULT_MAX_MX_NAMES).isEqualTo(10);
    assertThat(Limits.DEFAULT_MAX_PTR_NAMES).isEqualTo(10);
    assertThat(Limits.DEFAULT_MAX_CNAME_CHAIN).isEqualTo(8);
    assertThat(Limits.DEFAULT_MAX_INPUT_BYTES).isEqualTo(32L * 1024 * 1024);
    assertThat(Limits.DEFAULT_MAX_HEADER_BYTES).isEqualTo(1024 * 1024);
    assertThat(Limits.DEFAULT_MAX_HEADER_FIELDS).isEqualTo(2000);
    assertThat(Limits.DEFAULT_MAX_LINE_LENGTH).isEqualTo(65536);
    assertThat(Limits.DEFAULT_MAX_RECEIVED_HOPS).isEqualTo(100);
    assertThat(Limits.DEFAULT_MAX_MIME_DEPTH).isEqualTo(20);
    assertThat(Limits.DEFAULT_MAX_DIAGNOSTICS).isEqualTo(100);
  }

  @Test
  void builderStartsFromDefaultsAndChangesOnlyWhatIsSet() {
    assertThat(Limits.builder().build()).isEqualTo(Limits.defaults());
    Limits l = Limits.builder()
        .queryTimeout(Duration.ofMillis(1500))
        .totalTimeBudget(Duration.ofMinutes(1))
        .maxDnsLookups(1)
        .maxVoidLookups(0)
        .maxMxNames(3)
        .maxPtrNames(4)
        .maxCnameChain(5)
        .maxInputBytes(6L)
        .maxHeaderBytes(7)
        .maxHeaderFields(8)
        .maxLineLength(9)
        .maxReceivedHops(11)
        .maxMimeDepth(12)
        .maxDiagnostics(13)
        .build();
    assertThat(l).isEqualTo(new Limits(Duration.ofMillis(1500), Duration.ofMinutes(1), 1, 0, 3, 4, 5, 6L, 7, 8, 9,
        11, 12, 13));
    assertThat(l.toBuilder().build()).isEqualTo(l);
    assertThat(l.toBuilder().maxDnsLookups(20).build().maxDnsLookups()).isEqualTo(20);
    assertThat(l.toBuilder().maxDnsLookups(20).build().maxMimeDepth()).isEqualTo(12);
    assertThat(Limits.defaults().maxDnsLookups()).isEqualTo(10);
  }

  static Stream<Arguments> invalidSetters() {
    return Stream.of(
        Arguments.of("queryTimeout", (Consumer<Limits.Builder>) b -> b.queryTimeout(Duration.ZERO)),
        Arguments.of("queryTimeout", (Consumer<Limits.Builder>) b -> b.queryTimeout(Duration.ofSeconds(-1))),
        Arguments.of("totalTimeBudget", (Consumer<Limits.Builder>) b -> b.totalTimeBudget(Duration.ZERO)),
        Arguments.of("maxDnsLookups", (Consumer<Limits.Builder>) b -> b.maxDnsLookups(-1)),
        Arguments.of("maxVoidLookups", (Consumer<Limits.Builder>) b -> b.maxVoidLookups(-1)),
        Arguments.of("maxMxNames", (Consumer<Limits.Builder>) b -> b.maxMxNames(-1)),
        Arguments.of("maxPtrNames", (Consumer<Limits.Builder>) b -> b.maxPtrNames(-1)),
        Arguments.of("maxCnameChain", (Consumer<Limits.Builder>) b -> b.maxCnameChain(-1)),
        Arguments.of("maxInputBytes", (Consumer<Limits.Builder>) b -> b.maxInputBytes(-1L)),
        Arguments.of("maxHeaderBytes", (Consumer<Limits.Builder>) b -> b.maxHeaderBytes(-1)),
        Arguments.of("maxHeaderFields", (Consumer<Limits.Builder>) b -> b.maxHeaderFields(-1)),
        Arguments.of("maxLineLength", (Consumer<Limits.Builder>) b -> b.maxLineLength(-1)),
        Arguments.of("maxReceivedHops", (Consumer<Limits.Builder>) b -> b.maxReceivedHops(-1)),
        Arguments.of("maxMimeDepth", (Consumer<Limits.Builder>) b -> b.maxMimeDepth(-1)),
        Arguments.of("maxDiagnostics", (Consumer<Limits.Builder>) b -> b.maxDiagnostics(-1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSetters")
  void builderValidationNamesTheField(String field, Consumer<Limits.Builder> setter) {
    Limits.Builder b = Limits.builder();
    assertThatThrownBy(() -> setter.accept(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " must be");
    // The failed call left the builder unchanged.
    assertThat(b.build()).isEqualTo(Limits.defaults());
  }

  @Test
  void nullDurationsNameTheField() {
    assertThatThrownBy(() -> Limits.builder().queryTimeout(null))
        .isInstanceOf(NullPointerException.class).hasMessage("queryTimeout");
    assertThatThrownBy(() -> Limits.builder().totalTimeBudget(null))
        .isInstanceOf(NullPointerException.class).hasMessage("totalTimeBudget");
  }

  @Test
  void constructorValidatesToo() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new Limits(s, Duration.ZERO, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("totalTimeBudget");
    assertThatThrownBy(() -> new Limits(s, s, 1, 1, 1, 1, 1, -5L, 1, 1, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInputBytes").hasMessageContaining("-5");
    assertThatThrownBy(() -> new Limits(s, s, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxDiagnostics");
    // Zero counts are allowed (they turn a feature off).
    assertThat(new Limits(s, s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).maxDnsLookups()).isZero();
  }
}
