package io.maildiag.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Simulated failures and latency of {@link InMemoryDnsResolver}, and concurrent use. */
class SimulatedFaultsTest {

  private static DnsOutcome lookup(DnsResolver r, String name, RecordType type) {
    return r.lookup(DomainName.of(name), type);
  }

  private final InMemoryDnsResolver dns = InMemoryDnsResolver.builder()
      .a("broken.example", "192.0.2.1")
      .servfail("broken.example")
      .refused("refused.example")
      .timeout("timeout.example")
      .nxdomain("hidden.example.com")
      .a("www.hidden.example.com", "192.0.2.2")
      .a("hidden.example.com", "192.0.2.3")
      .build();

  @Test
  void servfailAppliesToEveryTypeEvenWhenRecordsExist() {
    for (RecordType t : RecordType.values()) {
      DnsOutcome out = lookup(dns, "broken.example", t);
      assertThat(out).as(t.name()).isInstanceOf(DnsOutcome.ServFail.class);
      assertThat(out.isFailure()).isTrue();
      assertThat(((DnsOutcome.ServFail) out).detail()).contains("broken.example");
    }
  }

  @Test
  void refusedIsRefused() {
    DnsOutcome out = lookup(dns, "refused.example", RecordType.MX);

    assertThat(out).isInstanceOf(DnsOutcome.Refused.class);
    assertThat(out.kind()).isEqualTo(DnsOutcome.Kind.REFUSED);
    assertThat(out.isFailure()).isTrue();
    assertThat(((DnsOutcome.Refused) out).detail()).contains("refused.example");
  }

  @Test
  void timeoutIsAnImmediateTimeoutOutcome() {
    CompletionStage<DnsOutcome> stage = dns.resolve(DnsQuery.of("timeout.example", RecordType.TXT));

    assertThat(stage.toCompletableFuture()).isDone();
    DnsOutcome out = stage.toCompletableFuture().join();
    assertThat(out).isInstanceOf(DnsOutcome.Timeout.class);
    assertThat(out.isFailure()).isTrue();
    assertThat(((DnsOutcome.Timeout) out).elapsed()).isEqualTo(Duration.ZERO);
  }

  @Test
  void simulatedNxDomainHidesRecordsAtTheName() {
    assertThat(lookup(dns, "hidden.example.com", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void faultsApplyToTheirNameOnly() {
    assertThat(lookup(dns, "sub.broken.example", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(lookup(dns, "www.hidden.example.com", RecordType.A).isAnswer()).isTrue();
  }

  @Test
  void laterFaultForTheSameNameReplacesTheEarlierOne() {
    InMemoryDnsResolver r = InMemoryDnsResolver.builder().servfail("x.example").refused("x.example").build();

    assertThat(lookup(r, "x.example", RecordType.A)).isInstanceOf(DnsOutcome.Refused.class);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void latencyDelaysTheStage() throws Exception {
    InMemoryDnsResolver slow = InMemoryDnsResolver.builder()
        .a("slow.example", "192.0.2.1")
        .latency("slow.example", Duration.ofMillis(300))
        .a("fast.example", "192.0.2.2")
        .build();

    DnsOutcome out = DnsTestSupport.assertDelayed(
        () -> slow.resolve(DnsQuery.of("slow.example", RecordType.A)), Duration.ofMillis(300));
    CompletableFuture<DnsOutcome> fast = slow.resolve(DnsQuery.of("fast.example", RecordType.A)).toCompletableFuture();

    assertThat(out.isAnswer()).isTrue();
    assertThat(fast).isDone();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void latencyAppliesToFaultsAndToAbsentNames() throws Exception {
    InMemoryDnsResolver slow = InMemoryDnsResolver.builder()
        .timeout("slow.example")
        .latency("slow.example", Duration.ofMillis(300))
        .latency("absent.example", Duration.ofMillis(300))
        .build();

    DnsOutcome timeout = DnsTestSupport.assertDelayed(
        () -> slow.resolve(DnsQuery.of("slow.example", RecordType.A)), Duration.ofMillis(300));
    DnsOutcome absent = DnsTestSupport.assertDelayed(
        () -> slow.resolve(DnsQuery.of("absent.example", RecordType.A)), Duration.ofMillis(300));

    assertThat(timeout).isInstanceOf(DnsOutcome.Timeout.class);
    assertThat(absent).isInstanceOf(DnsOutcome.NxDomain.class);
  }

  @Test
  void zeroLatencyCompletesAtOnce() {
    InMemoryDnsResolver r = InMemoryDnsResolver.builder()
        .a("x.example", "192.0.2.1")
        .latency("x.example", Duration.ZERO)
        .build();

    assertThat(r.resolve(DnsQuery.of("x.example", RecordType.A)).toCompletableFuture()).isDone();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void lookupBlocksThroughLatency() {
    InMemoryDnsResolver slow = InMemoryDnsResolver.builder()
        .a("slow.example", "192.0.2.1")
        .latency("slow.example", Duration.ofMillis(100))
        .build();

    assertThat(lookup(slow, "slow.example", RecordType.A).isAnswer()).isTrue();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void manyConcurrentResolvesAllGetTheRightOutcome() throws Exception {
    InMemoryDnsResolver.Builder b = InMemoryDnsResolver.builder();
    for (int i = 0; i < 50; i++) {
      b.a("h" + i + ".example.com", "192.0.2." + i);
      b.cname("alias" + i + ".example.com", "h" + i + ".example.com");
    }
    b.a("*.wild.example.com", "192.0.2.200");
    InMemoryDnsResolver shared = b.build();
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          go.await();
          int ok = 0;
          for (int k = 0; k < perThread; k++) {
            int i = (seed * 31 + k) % 50;
            DnsOutcome a = shared.lookup(DomainName.of("alias" + i + ".example.com"), RecordType.A);
            DnsOutcome nx = shared.lookup(DomainName.of("none" + i + ".example.com"), RecordType.A);
            DnsOutcome w = shared.lookup(DomainName.of("w" + k + ".wild.example.com"), RecordType.A);
            if (a.isAnswer()
                && ((ARecord) a.records().get(0)).address().toString().equals("192.0.2." + i)
                && a.cnameChain().size() == 1
                && nx instanceof DnsOutcome.NxDomain
                && w.isAnswer()
                && w.records().get(0).name().toString().equals("w" + k + ".wild.example.com")) {
              ok++;
            }
          }
          return ok;
        }));
      }
      go.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(8, TimeUnit.SECONDS)).isEqualTo(perThread);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
