package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link RecordingDnsResolver}: what it records and when. */
class RecordingDnsResolverTest {

  private final InMemoryDnsResolver delegate = InMemoryDnsResolver.builder()
      .a("example.com", "192.0.2.1")
      .txt("example.com", "v=spf1 -all")
      .mx("example.com", 10, "mail.example.com")
      .servfail("broken.example")
      .build();

  private final RecordingDnsResolver dns = RecordingDnsResolver.wrap(delegate);

  @Test
  void recordsQueriesInTheOrderAsked() {
    lookup(dns, "example.com", RecordType.TXT);
    lookup(dns, "example.com", RecordType.MX);
    lookup(dns, "nope.example.com", RecordType.A);
    lookup(dns, "example.com", RecordType.TXT);

    assertThat(dns.queries()).containsExactly(
        DnsQuery.of("example.com", RecordType.TXT),
        DnsQuery.of("example.com", RecordType.MX),
        DnsQuery.of("nope.example.com", RecordType.A),
        DnsQuery.of("example.com", RecordType.TXT));
    assertThat(dns.queryCount()).isEqualTo(4);
  }

  @Test
  void passesOutcomesThroughUnchanged() {
    DnsOutcome direct = lookup(delegate, "example.com", RecordType.MX);

    assertThat(lookup(dns, "example.com", RecordType.MX)).isEqualTo(direct);
  }

  @Test
  void recordsExchangesWithTheirOutcomes() {
    lookup(dns, "example.com", RecordType.A);
    lookup(dns, "nope.example.com", RecordType.A);
    lookup(dns, "broken.example", RecordType.MX);

    List<RecordingDnsResolver.Exchange> exchanges = dns.exchanges();
    assertThat(exchanges).extracting(RecordingDnsResolver.Exchange::query).containsExactly(
        DnsQuery.of("example.com", RecordType.A),
        DnsQuery.of("nope.example.com", RecordType.A),
        DnsQuery.of("broken.example", RecordType.MX));
    assertThat(exchanges).extracting(e -> e.outcome().kind()).containsExactly(
        DnsOutcome.Kind.ANSWER, DnsOutcome.Kind.NXDOMAIN, DnsOutcome.Kind.SERVFAIL);
    assertThat(exchanges).allSatisfy(e -> {
      assertThat(e.outcome().query()).isEqualTo(e.query());
      assertThat(e.elapsed().isNegative()).isFalse();
    });
  }

  @Test
  void countsQueriesByType() {
    lookup(dns, "example.com", RecordType.TXT);
    lookup(dns, "a.example.com", RecordType.TXT);
    lookup(dns, "example.com", RecordType.MX);

    assertThat(dns.queryCount(RecordType.TXT)).isEqualTo(2);
    assertThat(dns.queryCount(RecordType.MX)).isEqualTo(1);
    assertThat(dns.queryCount(RecordType.AAAA)).isZero();
  }

  @Test
  void clearForgetsEverything() {
    lookup(dns, "example.com", RecordType.TXT);
    lookup(dns, "example.com", RecordType.MX);

    dns.clear();

    assertThat(dns.queries()).isEmpty();
    assertThat(dns.exchanges()).isEmpty();
    assertThat(dns.queryCount()).isZero();
    assertThat(dns.queryCount(RecordType.TXT)).isZero();
    lookup(dns, "example.com", RecordType.A);
    assertThat(dns.queries()).containsExactly(DnsQuery.of("example.com", RecordType.A));
  }

  @Test
  void returnedListsAreSnapshots() {
    lookup(dns, "example.com", RecordType.TXT);
    List<DnsQuery> before = dns.queries();
    List<RecordingDnsResolver.Exchange> exchangesBefore = dns.exchanges();

    lookup(dns, "example.com", RecordType.MX);

    assertThat(before).hasSize(1);
    assertThat(exchangesBefore).hasSize(1);
    assertThatThrownBy(() -> before.add(DnsQuery.of("x.example", RecordType.A)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void aQueryIsRecordedAtOnceAndItsExchangeWhenItCompletes() throws Exception {
    RecordingDnsResolver slow = RecordingDnsResolver.wrap(InMemoryDnsResolver.builder()
        .a("slow.example", "192.0.2.1")
        .latency("slow.example", Duration.ofMillis(300))
        .build());

    long t0 = System.nanoTime();
    CompletableFuture<DnsOutcome> stage = slow.resolve(DnsQuery.of("slow.example", RecordType.A)).toCompletableFuture();

    assertThat(slow.queries()).containsExactly(DnsQuery.of("slow.example", RecordType.A));
    List<RecordingDnsResolver.Exchange> early = slow.exchanges();
    if (DnsTestSupport.before(t0, Duration.ofMillis(300))) {
      assertThat(early).isEmpty();
    }
    stage.get(8, TimeUnit.SECONDS);
    assertThat(slow.exchanges()).singleElement().satisfies(e -> {
      assertThat(e.outcome().isAnswer()).isTrue();
      assertThat(e.elapsed()).isPositive();
    });
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void concurrentUseRecordsEveryQuery() {
    List<Thread> threads = new ArrayList<>();
    int perThread = 200;
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          lookup(dns, "example.com", i % 2 == 0 ? RecordType.A : RecordType.TXT);
        }
      });
      threads.add(th);
      th.start();
    }
    threads.forEach(th -> {
      try {
        th.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });

    assertThat(dns.queryCount()).isEqualTo(4 * perThread);
    assertThat(dns.exchanges()).hasSize(4 * perThread);
    assertThat(dns.queryCount(RecordType.A)).isEqualTo(2 * perThread);
  }

  @Test
  void wrapRejectsNull() {
    assertThatThrownBy(() -> RecordingDnsResolver.wrap(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void exchangeRejectsNulls() {
    DnsQuery q = DnsQuery.of("example.com", RecordType.A);
    DnsOutcome o = lookup(delegate, "example.com", RecordType.A);
    assertThatThrownBy(() -> new RecordingDnsResolver.Exchange(null, o, Duration.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RecordingDnsResolver.Exchange(q, null, Duration.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RecordingDnsResolver.Exchange(q, o, null))
        .isInstanceOf(NullPointerException.class);
  }
}
