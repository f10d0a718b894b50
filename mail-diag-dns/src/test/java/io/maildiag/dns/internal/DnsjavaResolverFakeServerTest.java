package io.maildiag.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.TxtRecord;
import io.maildiag.dns.internal.FakeDnsServer.Reply;
import io.maildiag.dns.internal.FakeDnsServer.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * {@link DnsjavaResolver} against {@link FakeDnsServer}: the behaviours a real server does not
 * produce on demand (SERVFAIL, silence, truncation, malformed answers, slowness).
 */
@Timeout(60)
class DnsjavaResolverFakeServerTest {

  private static final DnsQuery TXT_QUERY = DnsQuery.of("example.test", RecordType.TXT);

  /** Settings for a test resolver; each test changes what it needs. */
  private static final class Settings {
    List<InetSocketAddress> servers = new ArrayList<>();
    Duration attemptTimeout = Duration.ofMillis(500);
    int retries = 1;
    Duration budget = Duration.ofSeconds(3);
    int cacheSize = 100;
    int maxConcurrent = 64;

    DnsjavaResolver build() {
      return new DnsjavaResolver(new DnsjavaResolver.Config(servers, attemptTimeout, retries, budget, true, 1232, false,
          8, cacheSize, Duration.ofDays(1), Duration.ofSeconds(60), maxConcurrent));
    }
  }

  private static Settings settings(FakeDnsServer... servers) {
    Settings s = new Settings();
    for (FakeDnsServer server : servers) {
      s.servers.add(server.address());
    }
    return s;
  }

  private static Name name(Message query) {
    return query.getQuestion().getName();
  }

  /** Answers every question with one TXT record naming the question. */
  private static Reply txt(Message query) {
    return Reply.of(FakeDnsServer.answer(query, new TXTRecord(name(query), DClass.IN, 300, "hello " + name(query))));
  }

  private static DnsOutcome get(CompletableFuture<DnsOutcome> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static DnsOutcome resolve(DnsjavaResolver r, DnsQuery q) throws Exception {
    return get(r.resolve(q).toCompletableFuture());
  }

  @Test
  void servfailIsAnOutcomeNotRetriedAndNotCached() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> Reply.of(FakeDnsServer.response(q, Rcode.SERVFAIL)))) {
      Settings s = settings(server);
      s.retries = 2;
      DnsjavaResolver r = s.build();

      DnsOutcome o = resolve(r, TXT_QUERY);

      assertThat(o).isInstanceOf(DnsOutcome.ServFail.class);
      assertThat(((DnsOutcome.ServFail) o).detail()).contains("SERVFAIL").contains(server.address().getPort() + "");
      assertThat(server.received()).hasSize(1);
      assertThat(r.cachedEntries()).isZero();
      resolve(r, TXT_QUERY);
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void silentServerIsRetriedOnTheNextServer() throws Exception {
    try (FakeDnsServer silent = FakeDnsServer.start((q, t) -> Reply.drop());
        FakeDnsServer working = FakeDnsServer.start((q, t) -> txt(q))) {
      Settings s = settings(silent, working);
      s.attemptTimeout = Duration.ofMillis(300);
      DnsjavaResolver r = s.build();

      long start = System.nanoTime();
      DnsOutcome o = resolve(r, TXT_QUERY);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
      assertThat(o.records(TxtRecord.class).get(0).text()).isEqualTo("hello example.test.");
      assertThat(silent.received()).hasSize(1);
      assertThat(working.received()).hasSize(1);
      assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }
  }

  @Test
  void attemptTimeoutIsEnforcedAndEveryAttemptHasAFreshId() throws Exception {
    try (FakeDnsServer silent = FakeDnsServer.start((q, t) -> Reply.drop())) {
      Settings s = settings(silent);
      s.attemptTimeout = Duration.ofMillis(200);
      s.retries = 2;
      s.budget = Duration.ofSeconds(5);
      DnsjavaResolver r = s.build();

      long start = System.nanoTime();
      DnsOutcome o = resolve(r, TXT_QUERY);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o).isInstanceOf(DnsOutcome.Timeout.class);
      assertThat(((DnsOutcome.Timeout) o).detail()).contains("3 attempt(s)").contains("timed out");
      assertThat(((DnsOutcome.Timeout) o).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(550));
      // dnsjava checks its own timeouts only about once a second; the attempt timeout must not wait for that.
      assertThat(took).isBetween(Duration.ofMillis(550), Duration.ofMillis(1500));
      assertThat(silent.received()).hasSize(3);
      assertThat(silent.received().stream().map(x -> x.query().getHeader().getID()).distinct()).hasSize(3);
    }
  }

  @Test
  void budgetCutsASlowServerShort() throws Exception {
    try (FakeDnsServer slow = FakeDnsServer.start((q, t) -> txt(q).after(Duration.ofSeconds(3)))) {
      Settings s = settings(slow);
      s.attemptTimeout = Duration.ofSeconds(5);
      s.budget = Duration.ofMillis(400);
      DnsjavaResolver r = s.build();

      long start = System.nanoTime();
      DnsOutcome o = resolve(r, TXT_QUERY);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o).isInstanceOf(DnsOutcome.Timeout.class);
      assertThat(took).isBetween(Duration.ofMillis(350), Duration.ofMillis(1400));
      assertThat(r.inFlight()).isZero();
    }
  }

  @Test
  void truncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
    FakeDnsServer.Handler handler = (q, t) -> {
      if (t == Transport.UDP) {
        Message tc = FakeDnsServer.response(q, Rcode.NOERROR);
        tc.getHeader().setFlag(Flags.TC);
        return Reply.of(tc);
      }
      List<org.xbill.DNS.Record> records = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        records.add(new TXTRecord(name(q), DClass.IN, 300, List.of("record " + i, "x".repeat(100))));
      }
      return Reply.of(FakeDnsServer.answer(q, records.toArray(org.xbill.DNS.Record[]::new)));
    };
    try (FakeDnsServer server = FakeDnsServer.start(handler)) {
      DnsOutcome o = resolve(settings(server).build(), TXT_QUERY);

      assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
      assertThat(o.records(TxtRecord.class)).hasSize(30)
          .allSatisfy(txt -> assertThat(txt.strings()).hasSize(2).last().isEqualTo("x".repeat(100)));
      assertThat(server.count(Transport.UDP)).isEqualTo(1);
      assertThat(server.count(Transport.TCP)).isEqualTo(1);
    }
  }

  @Test
  void identicalQuestionsInFlightShareOneQuery() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> txt(q).after(Duration.ofMillis(300)))) {
      Settings s = settings(server);
      s.cacheSize = 0;
      DnsjavaResolver r = s.build();

      CompletableFuture<DnsOutcome> first = r.resolve(TXT_QUERY).toCompletableFuture();
      CompletableFuture<DnsOutcome> second = r.resolve(TXT_QUERY).toCompletableFuture();
      assertThat(r.inFlight()).isEqualTo(1);

      assertThat(get(first)).isEqualTo(get(second));
      assertThat(first.join().kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
      assertThat(server.received()).hasSize(1);
      assertThat(r.inFlight()).isZero();

      // Once done (and with the cache off) the next identical question is asked again.
      resolve(r, TXT_QUERY);
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void cancellingOneCallerDoesNotCancelTheSharedQuery() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> txt(q).after(Duration.ofMillis(200)))) {
      DnsjavaResolver r = settings(server).build();

      CompletableFuture<DnsOutcome> first = r.resolve(TXT_QUERY).toCompletableFuture();
      CompletableFuture<DnsOutcome> second = r.resolve(TXT_QUERY).toCompletableFuture();
      first.cancel(true);

      assertThat(get(second).kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
      assertThat(r.inFlight()).isZero();
    }
  }

  @Test
  void maxConcurrentQueriesIsRespected() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> txt(q).after(Duration.ofMillis(150)))) {
      Settings s = settings(server);
      s.maxConcurrent = 2;
      s.budget = Duration.ofSeconds(5);
      DnsjavaResolver r = s.build();
      List<CompletableFuture<DnsOutcome>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(r.resolve(DnsQuery.of("n" + i + ".example.test", RecordType.TXT)).toCompletableFuture());
      }
      assertThat(r.limiter().running()).isLessThanOrEqualTo(2);

      for (CompletableFuture<DnsOutcome> f : all) {
        assertThat(get(f).kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
      }
      assertThat(server.received()).hasSize(8);
      assertThat(server.maxOutstanding()).isEqualTo(2);
      assertThat(r.limiter().running()).isZero();
    }
  }

  @Test
  void queriesThatWaitedPastTheBudgetAreNeverSent() throws Exception {
    try (FakeDnsServer slow = FakeDnsServer.start((q, t) -> txt(q).after(Duration.ofSeconds(2)))) {
      Settings s = settings(slow);
      s.maxConcurrent = 1;
      s.retries = 0;
      s.attemptTimeout = Duration.ofSeconds(2);
      s.budget = Duration.ofMillis(300);
      DnsjavaResolver r = s.build();
      List<CompletableFuture<DnsOutcome>> all = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        all.add(r.resolve(DnsQuery.of("n" + i + ".example.test", RecordType.TXT)).toCompletableFuture());
      }

      for (CompletableFuture<DnsOutcome> f : all) {
        assertThat(get(f).kind()).isEqualTo(DnsOutcome.Kind.TIMEOUT);
      }
      Thread.sleep(800);

      assertThat(slow.received().size()).isBetween(1, 2);
      assertThat(r.limiter().running()).isZero();
      assertThat(r.limiter().waiting()).isZero();
    }
  }

  @Test
  void malformedResponsesAreServFail() throws Exception {
    FakeDnsServer.Handler garbage = (q, t) -> {
      byte[] wire = FakeDnsServer.answer(q, new TXTRecord(name(q), DClass.IN, 300, "cut")).toWire();
      return Reply.raw(java.util.Arrays.copyOf(wire, wire.length - 5)); // the record is cut short
    };
    try (FakeDnsServer server = FakeDnsServer.start(garbage)) {
      DnsOutcome o = resolve(settings(server).build(), TXT_QUERY);

      assertThat(o).isInstanceOf(DnsOutcome.ServFail.class);
      assertThat(((DnsOutcome.ServFail) o).detail()).contains("malformed");
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void cnameWithoutTargetDataIsFollowedWithANewQuestion() throws Exception {
    Name alias = Name.fromConstantString("alias.example.test.");
    Name target = Name.fromConstantString("target.other.test.");
    FakeDnsServer.Handler handler = (q, t) -> {
      if (name(q).equals(alias)) {
        return Reply.of(FakeDnsServer.answer(q, new CNAMERecord(alias, DClass.IN, 60, target)));
      }
      return Reply.of(FakeDnsServer.answer(q,
          new org.xbill.DNS.ARecord(target, DClass.IN, 120, InetAddress.getLoopbackAddress())));
    };
    try (FakeDnsServer server = FakeDnsServer.start(handler)) {
      DnsjavaResolver r = settings(server).build();

      DnsOutcome o = resolve(r, DnsQuery.of("alias.example.test", RecordType.A));

      assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
      assertThat(o.query()).isEqualTo(DnsQuery.of("alias.example.test", RecordType.A));
      assertThat(o.canonicalName()).isEqualTo(DomainName.of("target.other.test"));
      assertThat(o.records()).hasSize(1);
      assertThat(server.received()).extracting(FakeDnsServer.Received::name)
          .containsExactly("alias.example.test.", "target.other.test.");
      assertThat(server.received().get(1).query().getQuestion().getType()).isEqualTo(Type.A);
      // The whole outcome is cached under the original question.
      assertThat(r.cachedEntries()).isEqualTo(1);
    }
  }

  @Test
  void cnameLoopAcrossResponsesIsServFail() throws Exception {
    Name a = Name.fromConstantString("a.example.test.");
    Name b = Name.fromConstantString("b.example.test.");
    FakeDnsServer.Handler handler = (q, t) -> Reply.of(FakeDnsServer.answer(q,
        new CNAMERecord(name(q), DClass.IN, 60, name(q).equals(a) ? b : a)));
    try (FakeDnsServer server = FakeDnsServer.start(handler)) {
      DnsOutcome o = resolve(settings(server).build(), DnsQuery.of("a.example.test", RecordType.MX));

      assertThat(o).isInstanceOf(DnsOutcome.ServFail.class);
      assertThat(((DnsOutcome.ServFail) o).detail()).contains("CNAME loop");
      assertThat(o.cnameChain()).hasSize(2);
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void longCnameChainAcrossResponsesIsCutAtTheLimit() throws Exception {
    // Every name is an alias of the next one: n0 -> n1 -> n2 -> ... without end.
    FakeDnsServer.Handler handler = (q, t) -> {
      String first = name(q).getLabelString(0);
      int i = Integer.parseInt(first.substring(1));
      Name next = Name.fromConstantString("n" + (i + 1) + ".example.test.");
      return Reply.of(FakeDnsServer.answer(q, new CNAMERecord(name(q), DClass.IN, 60, next)));
    };
    try (FakeDnsServer server = FakeDnsServer.start(handler)) {
      DnsOutcome o = resolve(settings(server).build(), DnsQuery.of("n0.example.test", RecordType.A));

      assertThat(o).isInstanceOf(DnsOutcome.ServFail.class);
      assertThat(((DnsOutcome.ServFail) o).detail()).contains("longer than 8");
      assertThat(server.received()).hasSize(9);
    }
  }

  @Test
  void aCallbackThatBlocksDoesNotStallOtherQuestions() throws Exception {
    // Replies are delayed so that the callbacks are registered before the outcomes are complete.
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> txt(q).after(Duration.ofMillis(200)))) {
      DnsjavaResolver r = settings(server).build();
      Thread testThread = Thread.currentThread();
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch blocking = new CountDownLatch(2);
      List<Thread> callbackThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
      // Two callers block (not in a way the fork-join pool could compensate for) in their callbacks.
      List<CompletableFuture<Void>> blocked = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        blocked.add(r.resolve(DnsQuery.of("blocked" + i + ".example.test", RecordType.TXT)).thenAccept(o -> {
          callbackThreads.add(Thread.currentThread());
          blocking.countDown();
          if (Thread.currentThread() != testThread) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }).toCompletableFuture());
      }
      try {
        assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(callbackThreads).doesNotContain(testThread)
            .allSatisfy(t -> assertThat(t.getName()).startsWith("mail-diag-dns-"));

        DnsOutcome other = resolve(r, TXT_QUERY);

        assertThat(other.kind()).as("%s", other).isEqualTo(DnsOutcome.Kind.ANSWER);
      } finally {
        release.countDown();
      }
      for (CompletableFuture<Void> f : blocked) {
        f.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aServerThatRejectsEdnsIsAskedAgainWithoutIt() throws Exception {
    FakeDnsServer.Handler oldServer = (q, t) -> q.getOPT() != null
        ? Reply.of(FakeDnsServer.response(q, Rcode.FORMERR))
        : txt(q);
    try (FakeDnsServer server = FakeDnsServer.start(oldServer)) {
      DnsOutcome o = resolve(settings(server).build(), TXT_QUERY);

      assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.ANSWER);
      assertThat(server.received()).extracting(r -> r.query().getOPT() != null).containsExactly(true, false);
    }
  }

  @Test
  void formerrWithoutEdnsIsServFail() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> Reply.of(FakeDnsServer.response(q, Rcode.FORMERR)))) {
      DnsOutcome o = resolve(settings(server).build(), TXT_QUERY);

      assertThat(o).isInstanceOf(DnsOutcome.ServFail.class);
      assertThat(((DnsOutcome.ServFail) o).detail()).contains("FORMERR");
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void withoutServersEveryQuestionIsATimeout() throws Exception {
    DnsOutcome o = resolve(new Settings().build(), TXT_QUERY);

    assertThat(o).isInstanceOf(DnsOutcome.Timeout.class);
    assertThat(((DnsOutcome.Timeout) o).detail()).contains("no server configured");
  }

  @Test
  void refusedIsAnOutcome() throws Exception {
    try (FakeDnsServer server = FakeDnsServer.start((q, t) -> Reply.of(FakeDnsServer.response(q, Rcode.REFUSED)))) {
      DnsOutcome o = resolve(settings(server).build(), TXT_QUERY);

      assertThat(o).isInstanceOf(DnsOutcome.Refused.class);
      assertThat(server.received()).hasSize(1);
    }
  }
}
