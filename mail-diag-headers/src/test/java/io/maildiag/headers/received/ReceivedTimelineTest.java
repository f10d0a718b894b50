package io.maildiag.headers.received;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.DiagnosticCode;
import io.maildiag.core.Limits;
import io.maildiag.core.Severity;
import io.maildiag.core.domain.DomainName;
import io.maildiag.headers.HeaderSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceivedTimelineTest {

  private static HeaderSection headers(String fixture) throws IOException {
    return HeaderSection.parse(Files.readAllBytes(Path.of("src/test/resources/headers", fixture))).orElseThrow();
  }

  private static List<DiagnosticCode> codes(ReceivedTimeline t) {
    return t.findings().stream().map(Diagnostic::code).toList();
  }

  private static List<Diagnostic> findings(ReceivedTimeline t, DiagnosticCode code) {
    return t.findings().stream().filter(d -> d.code().equals(code)).toList();
  }

  @Test
  void ordersHopsOldestFirstWithDelaysAndAttribution() throws IOException {
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-relay-delay.txt"));
    assertThat(t.hops()).extracting(h -> h.received().by().orElseThrow()).containsExactly(
        "smtp.example.org", "relay.example.org", "mx1.example.net", "mx-int.example.net", "mailbox1.example.net");
    assertThat(t.hops()).extracting(ReceivedHop::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(t.hops()).extracting(h -> h.delay().orElse(null)).containsExactly(
        null, Duration.ofSeconds(20), Duration.ofSeconds(7210), Duration.ofSeconds(20), Duration.ofSeconds(610));
    assertThat(t.hops()).extracting(ReceivedHop::stage).containsExactly(
        DelayStage.SENDER_QUEUE, DelayStage.RELAY, DelayStage.RELAY, DelayStage.RECEIVING_SYSTEM,
        DelayStage.RECEIVING_SYSTEM);
    assertThat(t.totalDelay()).hasValue(Duration.ofMinutes(131));
    assertThat(t.totalDelaySinceDate()).hasValue(Duration.ofSeconds(131 * 60 + 10));
    assertThat(t.senderQueueDelay()).hasValue(Duration.ofSeconds(10));
    assertThat(t.slowestHop()).map(ReceivedHop::number).hasValue(3);
    assertThat(t.delayByStage()).containsEntry(DelayStage.SENDER_QUEUE, Duration.ofSeconds(10))
        .containsEntry(DelayStage.RELAY, Duration.ofSeconds(7230))
        .containsEntry(DelayStage.RECEIVING_SYSTEM, Duration.ofSeconds(630));
    assertThat(t.date()).hasValue(Instant.parse("2024-04-02T09:59:30Z"));
  }

  @Test
  void findsWhereTheMessageCrossedIntoTheReceivingOrganisation() throws IOException {
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-relay-delay.txt"));
    assertThat(t.receivingOrganisation()).hasValue(DomainName.of("example.net"));
    assertThat(t.crossingHop()).map(ReceivedHop::number).hasValue(3);
    assertThat(t.hops()).extracting(ReceivedHop::insideReceivingOrganisation)
        .containsExactly(false, false, true, true, true);
    assertThat(findings(t, ReceivedCodes.HEADERS_RECEIVING_BOUNDARY)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("hop 3", "relay.example.org", "198.51.100.20"));
  }

  @Test
  void reportsLongDelaysWithTheirStage() throws IOException {
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-relay-delay.txt"));
    List<Diagnostic> longDelays = findings(t, ReceivedCodes.HEADERS_LONG_DELAY);
    assertThat(longDelays).hasSize(2);
    assertThat(longDelays.get(0).message()).contains("2 h 0 min", "relay.example.org", "before the receiving");
    assertThat(longDelays.get(1).message()).contains("10 min 10 s", "mx-int.example.net", "inside the receiving");
    assertThat(codes(t)).doesNotContain(ReceivedCodes.HEADERS_CHAIN_BREAK, ReceivedCodes.HEADERS_NEGATIVE_DELAY,
        ReceivedCodes.HEADERS_CLOCK_SKEW);
  }

  @Test
  void namedReceivingDomainsOverrideTheGuess() throws IOException {
    TimelineOptions options = TimelineOptions.defaults()
        .withReceivingDomains(Set.of(DomainName.of("mx-int.example.net"), DomainName.of("mailbox1.example.net")));
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-relay-delay.txt"), options);
    assertThat(t.crossingHop()).map(ReceivedHop::number).hasValue(4);
    ReceivedTimeline strict = ReceivedTimeline.of(headers("timeline-relay-delay.txt"),
        TimelineOptions.defaults().withLongDelay(Duration.ofHours(3)));
    assertThat(codes(strict)).doesNotContain(ReceivedCodes.HEADERS_LONG_DELAY);
  }

  @Test
  void detectsClockSkewNegativeDelaysAndALateDate() throws IOException {
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-skew.txt"));
    assertThat(t.hops()).hasSize(4);
    Diagnostic negative = findings(t, ReceivedCodes.HEADERS_NEGATIVE_DELAY).get(0);
    assertThat(negative.severity()).isEqualTo(Severity.WARNING);
    assertThat(negative.message()).contains("hop 3", "59 min 50 s");
    assertThat(findings(t, ReceivedCodes.HEADERS_CLOCK_SKEW)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("gw.example.org", "mx1.example.net", "wrong time zone offset"));
    assertThat(findings(t, ReceivedCodes.HEADERS_DATE_AFTER_FIRST_HOP)).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.WARNING);
          assertThat(d.message()).contains("4 min 55 s");
        });
    assertThat(findings(t, DateDefect.ZONE_MISMATCH.code())).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("Received hop 2"));
    assertThat(t.senderQueueDelay()).hasValue(Duration.ofSeconds(-295));
  }

  @Test
  void smallNegativeDelaysAreJitter() {
    HeaderSection h = HeaderSection.parse(
        "Received: from a.example.org by b.example.org; Wed, 03 Apr 2024 10:00:00 +0000\n"
            + "Received: from c.example.org by a.example.org; Wed, 03 Apr 2024 10:00:02 +0000\n\n").orElseThrow();
    ReceivedTimeline t = ReceivedTimeline.of(h);
    assertThat(findings(t, ReceivedCodes.HEADERS_NEGATIVE_DELAY)).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.INFO));
    assertThat(codes(t)).doesNotContain(ReceivedCodes.HEADERS_CLOCK_SKEW);
  }

  @Test
  void flagsAHostThatStampsWithDifferentOffsets() {
    HeaderSection h = HeaderSection.parse(
        "Received: from mx.example.net by store.example.net; Wed, 03 Apr 2024 03:00:20 -0700\n"
            + "Received: from store.example.net by mx.example.net; Wed, 03 Apr 2024 10:00:10 +0000\n"
            + "Received: from a.example.org by store.example.net; Wed, 03 Apr 2024 10:00:00 +0000\n\n").orElseThrow();
    ReceivedTimeline t = ReceivedTimeline.of(h);
    assertThat(findings(t, ReceivedCodes.HEADERS_CLOCK_SKEW)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("store.example.net", "Z", "-07:00"));
  }

  @Test
  void detectsAChainBreak() throws IOException {
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-chain-break.txt"));
    assertThat(findings(t, ReceivedCodes.HEADERS_CHAIN_BREAK)).singleElement()
        .satisfies(d -> {
          assertThat(d.message()).contains("hop 2", "out.example.com", "203.0.113.9", "hop 1 by relay.example.org");
          assertThat(d.span().orElseThrow().line()).isEqualTo(1);
        });
  }

  @Test
  void doesNotFlagNatOrMixedFamiliesOrSameOrganisation() {
    HeaderSection h = HeaderSection.parse(
        "Received: from b.example.net (b.example.net [2001:db8::5]) by c.example.net; Wed, 03 Apr 2024 10:00:30 +0000\n"
            + "Received: from gw.example.org ([203.0.113.50]) by 10.0.0.1; Wed, 03 Apr 2024 10:00:20 +0000\n"
            + "Received: from x (y [192.0.2.1]) by 2001:db8::9; Wed, 03 Apr 2024 10:00:10 +0000\n"
            + "Received: from a.example.org by mx7.example.org; Wed, 03 Apr 2024 10:00:00 +0000\n\n").orElseThrow();
    assertThat(codes(ReceivedTimeline.of(h))).doesNotContain(ReceivedCodes.HEADERS_CHAIN_BREAK);
  }

  @Test
  void collectsOtherTimeEvidence() throws IOException {
    ReceivedTimeline t = ReceivedTimeline.of(headers("timeline-evidence.txt"));
    assertThat(t.points()).extracting(TimePoint::source).containsExactly(
        TimeSource.DATE, TimeSource.DKIM_SIGNATURE, TimeSource.RECEIVED, TimeSource.X_RECEIVED,
        TimeSource.ARC_SEAL, TimeSource.RECEIVED, TimeSource.ORIGINAL_ARRIVAL_TIME,
        TimeSource.ORIGINAL_ARRIVAL_TIME, TimeSource.RECEIVED);
    assertThat(t.points().get(1).instant()).isEqualTo(Instant.parse("2024-04-02T09:59:35Z"));
    assertThat(t.points().get(1).label()).isEqualTo("DKIM-Signature d=example.com");
    assertThat(t.points().get(6).instant()).isEqualTo(Instant.parse("2024-04-02T12:00:21.1234Z"));
    assertThat(t.points().get(7).fieldName()).isEqualTo("X-OriginalArrivalTime");
    assertThat(t.endToEndLatency()).hasValue(Duration.ofNanos(4_123_456_700L));
    assertThat(t.receivingOrganisation()).hasValue(DomainName.of("outlook.com"));
    assertThat(t.crossingHop()).map(ReceivedHop::number).hasValue(2);
    assertThat(findings(t, ReceivedCodes.HEADERS_LONG_DELAY)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("mail-ej1-f41.google.com"));
  }

  @Test
  void aDkimTimeAfterTheFirstHopIsSkew() {
    HeaderSection h = HeaderSection.parse("DKIM-Signature: v=1; d=example.org; t=1712053800; b=x\n"
        + "Received: from a.example.org by b.example.org; Tue, 02 Apr 2024 10:00:00 +0000\n\n").orElseThrow();
    assertThat(findings(ReceivedTimeline.of(h), ReceivedCodes.HEADERS_CLOCK_SKEW)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("DKIM", "30 min"));
  }

  @Test
  void reportsMissingAndUnparsableReceivedFields() {
    ReceivedTimeline none = ReceivedTimeline.of(HeaderSection.parse("Subject: x\n\n").orElseThrow());
    assertThat(codes(none)).containsExactly(ReceivedCodes.HEADERS_NO_RECEIVED);
    assertThat(none.hops()).isEmpty();
    assertThat(none.totalDelay()).isEmpty();
    assertThat(none.slowestHop()).isEmpty();
    ReceivedTimeline bad = ReceivedTimeline.of(HeaderSection.parse("Received: !!! ???\n\n").orElseThrow());
    assertThat(codes(bad)).contains(ReceivedCodes.HEADERS_UNPARSABLE_RECEIVED, ReceivedCodes.HEADERS_RECEIVED_NO_DATE);
    assertThat(bad.findings().get(0).message()).startsWith("Received hop 1: ");
  }

  @Test
  void tooManyHopsAreCapped() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      sb.append("Received: from h").append(i + 1).append(".example.org by h").append(i).append(".example.org; ")
          .append("Tue, 02 Apr 2024 10:00:").append(String.format("%02d", 59 - i)).append(" +0000\n");
    }
    Limits limits = Limits.builder().maxReceivedHops(10).build();
    ReceivedTimeline t = ReceivedTimeline.of(HeaderSection.parse(sb + "\n").orElseThrow(),
        TimelineOptions.defaults().withLimits(limits));
    assertThat(t.hops()).hasSize(10);
    assertThat(codes(t)).contains(ReceivedCodes.HEADERS_TOO_MANY_HOPS);
    assertThat(t.hops().get(9).received().by()).hasValue("h0.example.org");
  }

  @Test
  void readsDotNetTimeSpans() {
    assertThat(ReceivedTimeline.timeSpan("00:00:01.2345678")).hasValue(Duration.ofNanos(1_234_567_800L));
    assertThat(ReceivedTimeline.timeSpan("1.02:03:04")).hasValue(Duration.parse("P1DT2H3M4S"));
    assertThat(ReceivedTimeline.timeSpan("-00:00:02")).hasValue(Duration.ofSeconds(-2));
    assertThat(ReceivedTimeline.timeSpan("soon")).isEmpty();
    assertThat(ReceivedTimeline.timeSpan("1:2")).isEmpty();
  }
}
