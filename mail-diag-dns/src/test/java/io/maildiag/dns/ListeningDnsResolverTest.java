package io.maildiag.dns;

import static io.maildiag.dns.DnsTestSupport.lookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link DnsResolver#withListener}: the listener sees every question and outcome once. */
class ListeningDnsResolverTest {

  /** Remembers every call, in order. */
  static final class Log extends DnsListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<DnsOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> elapsed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void queryStart(DnsQuery query) {
      events.add("start " + query);
    }

    @Override
    public void queryEnd(DnsQuery query, DnsOutcome outcome, Duration took) {
      events.add("end " + query + " " + outcome.kind());
      outcomes.add(outcome);
      elapsed.add(took);
    }
  }

  private final InMemoryDnsResolver delegate = InMemoryDnsResolver.builder()
      .a("example.com", "192.0.2.1")
      .refused("refused.example")
      .build();

  @Test
  void startAndEndAreCalledOncePerQueryWithTheOutcome() {
    Log log = new Log();
    DnsResolver dns = delegate.withListener(log);

    DnsOutcome a = lookup(dns, "example.com", RecordType.A);
    DnsOutcome nx = lookup(dns, "nope.example.com", RecordType.MX);
    DnsOutcome refused = lookup(dns, "refused.example", RecordType.TXT);

    assertThat(log.events).containsExactly(
        "start example.com/A", "end example.com/A ANSWER",
        "start nope.example.com/MX", "end nope.example.com/MX NXDOMAIN",
        "start refused.example/TXT", "end refused.example/TXT REFUSED");
    assertThat(log.outcomes).containsExactly(a, nx, refused);
    assertThat(log.elapsed).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void endIsCalledWhenTheSlowOutcomeArrives() throws Exception {
    Log log = new Log();
    DnsResolver dns = InMemoryDnsResolver.builder()
        .a("slow.example", "192.0.2.1")
        .latency("slow.example", Duration.ofMillis(300))
        .build()
        .withListener(log);

    long t0 = System.nanoTime();
    CompletableFuture<DnsOutcome> stage = dns.resolve(DnsQuery.of("slow.example", RecordType.A)).toCompletableFuture();

    List<String> early = List.copyOf(log.events);
    if (DnsTestSupport.before(t0, Duration.ofMillis(300))) {
      assertThat(early).containsExactly("start slow.example/A");
    }
    stage.get(8, TimeUnit.SECONDS);
    assertThat(log.events).containsExactly("start slow.example/A", "end slow.example/A ANSWER");
    assertThat(log.elapsed.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void throwingListenerDoesNotBreakResolution() {
    DnsListener bad = new DnsListener() {
      @Override
      public void queryStart(DnsQuery query) {
        throw new IllegalStateException("start");
      }

      @Override
      public void queryEnd(DnsQuery query, DnsOutcome outcome, Duration elapsed) {
        throw new IllegalStateException("end");
      }
    };
    DnsResolver dns = delegate.withListener(bad);

    DnsOutcome out = lookup(dns, "example.com", RecordType.A);
    CompletableFuture<DnsOutcome> stage = dns.resolve(DnsQuery.of("example.com", RecordType.A)).toCompletableFuture();

    assertThat(out.isAnswer()).isTrue();
    assertThat(stage).isCompletedWithValueMatching(DnsOutcome::isAnswer);
  }

  @Test
  void listenerThatThrowsOnlyAtEndStillSeesEveryStart() {
    List<DnsQuery> started = new ArrayList<>();
    DnsResolver dns = delegate.withListener(new DnsListener() {
      @Override
      public void queryStart(DnsQuery query) {
        started.add(query);
      }

      @Override
      public void queryEnd(DnsQuery query, DnsOutcome outcome, Duration elapsed) {
        throw new UnsupportedOperationException();
      }
    });

    assertThat(lookup(dns, "example.com", RecordType.A).isAnswer()).isTrue();
    assertThat(lookup(dns, "nope.example", RecordType.A)).isInstanceOf(DnsOutcome.NxDomain.class);
    assertThat(started).hasSize(2);
  }

  @Test
  void failingDelegateStillEndsTheQueryForTheListener() {
    Log log = new Log();
    DnsResolver broken = q -> CompletableFuture.failedFuture(new IllegalStateException("bug"));
    DnsResolver dns = broken.withListener(log);

    CompletableFuture<DnsOutcome> stage = dns.resolve(DnsQuery.of("example.com", RecordType.A)).toCompletableFuture();

    assertThatThrownBy(stage::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("bug");
    assertThat(log.events).containsExactly("start example.com/A", "end example.com/A SERVFAIL");
    assertThat(((DnsOutcome.ServFail) log.outcomes.get(0)).detail()).contains("bug");
    assertThat(dns.lookup(io.maildiag.core.domain.DomainName.of("example.com"), RecordType.A))
        .isInstanceOf(DnsOutcome.ServFail.class);
  }

  @Test
  void delegateThatThrowsAtOnceStillEndsTheQueryForTheListener() {
    Log log = new Log();
    DnsResolver broken = q -> {
      throw new IllegalStateException("sync bug");
    };
    DnsResolver dns = broken.withListener(log);

    assertThatThrownBy(() -> dns.resolve(DnsQuery.of("example.com", RecordType.A)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(log.events).containsExactly("start example.com/A", "end example.com/A SERVFAIL");
  }

  @Test
  void noneListenerChangesNothing() {
    DnsResolver dns = delegate.withListener(DnsListener.NONE);

    assertThat(lookup(dns, "example.com", RecordType.A)).isEqualTo(lookup(delegate, "example.com", RecordType.A));
  }

  @Test
  void listenersStackAndRecordingSeesTheSameQueries() {
    Log outer = new Log();
    Log inner = new Log();
    RecordingDnsResolver recording = RecordingDnsResolver.wrap(delegate);
    DnsResolver dns = recording.withListener(inner).withListener(outer);

    lookup(dns, "example.com", RecordType.A);

    assertThat(outer.events).hasSize(2);
    assertThat(inner.events).isEqualTo(outer.events);
    assertThat(recording.queries()).containsExactly(DnsQuery.of("example.com", RecordType.A));
  }

  @Test
  void nullListenerIsRejected() {
    assertThatThrownBy(() -> delegate.withListener(null)).isInstanceOf(NullPointerException.class);
  }
}
