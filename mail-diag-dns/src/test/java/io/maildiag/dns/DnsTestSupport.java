package io.maildiag.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.Diagnostic;
import io.maildiag.core.ParseResult;
import io.maildiag.core.domain.DomainName;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Small helpers shared by the tests of the local resolvers. */
final class DnsTestSupport {
  private DnsTestSupport() {}

  static DomainName dn(String s) {
    return DomainName.of(s);
  }

  static DnsOutcome lookup(DnsResolver r, String name, RecordType type) {
    return r.lookup(dn(name), type);
  }

  /** Returns the path of a zone file under src/test/resources/zones. */
  static Path zoneFixture(String name) {
    try {
      return Path.of(DnsTestSupport.class.getResource("/zones/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no zone fixture " + name, e);
    }
  }

  static ZoneFileResolver parseOk(String text) {
    ParseResult<ZoneFileResolver> r = ZoneFileResolver.parse(text);
    assertThat(r.isSuccess()).as("%s", r.diagnostics()).isTrue();
    return r.value().orElseThrow();
  }

  /**
   * Calls {@code call}, which should be delayed by at least {@code latency}, and checks that its
   * stage is not complete right after the call (when the check itself came sooner than the latency,
   * so that a slow machine cannot make this fail) and that it completes no sooner than the latency.
   * No upper bound on the timing is asserted beyond {@code 10 s}.
   */
  static DnsOutcome assertDelayed(Supplier<CompletionStage<DnsOutcome>> call, Duration latency) {
    long t0 = System.nanoTime();
    CompletableFuture<DnsOutcome> stage = call.get().toCompletableFuture();
    boolean doneAtOnce = stage.isDone();
    long checkedAfter = System.nanoTime() - t0;
    if (checkedAfter < latency.toNanos()) {
      assertThat(doneAtOnce).as("stage complete right after the call").isFalse();
    }
    DnsOutcome out;
    try {
      out = stage.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("stage did not complete normally", e);
    }
    assertThat(System.nanoTime() - t0).as("completed after the latency").isGreaterThanOrEqualTo(latency.toNanos());
    return out;
  }

  /** Returns whether less than {@code latency} has passed since {@code t0} (a {@link System#nanoTime()}). */
  static boolean before(long t0, Duration latency) {
    return System.nanoTime() - t0 < latency.toNanos();
  }

  static Diagnostic onlyError(ParseResult<?> r) {
    assertThat(r.isSuccess()).as("parse succeeded: %s", r.diagnostics()).isFalse();
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0);
  }
}
