package io.maildiag.dns.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildiag.core.InvalidInputException;
import io.maildiag.core.domain.DomainName;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.DnsQuery;
import io.maildiag.dns.LiveDnsResolver;
import io.maildiag.dns.RecordType;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LiveDnsResolver} without a DNS server: bounds, validation and API hygiene. */
@Timeout(60)
class LiveDnsResolverTest {

  private static final DnsQuery QUERY = DnsQuery.of("example.test", RecordType.MX);

  /** Returns a UDP port of 127.0.0.1 on which nothing listens. */
  private static int closedPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return s.getLocalPort();
    }
  }

  @Test
  void unreachableServerIsTimeoutWithinTheBudget() throws Exception {
    Duration budget = Duration.ofSeconds(2);
    LiveDnsResolver dns = LiveDnsResolver.builder().server("127.0.0.1:" + closedPort())
        .attemptTimeout(Duration.ofMillis(500)).retries(2).budget(budget).build();

    long start = System.nanoTime();
    DnsOutcome o = dns.resolve(QUERY).toCompletableFuture().get(budget.toSeconds() + 2, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(o.kind()).as("%s", o).isEqualTo(DnsOutcome.Kind.TIMEOUT);
    assertThat(took).isLessThan(budget.plusSeconds(2));
    assertThat(((DnsOutcome.Timeout) o).detail()).contains("3 attempt(s)");
    assertThat(o.query()).isEqualTo(QUERY);
    assertThat(dns.cachedOutcomes()).as("failures are not cached").isZero();
  }

  @Test
  void silentServerIsTimeoutAtTheBudgetEvenWithLongAttempts() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Duration budget = Duration.ofMillis(700);
      LiveDnsResolver dns = LiveDnsResolver.builder().server("127.0.0.1:" + silent.getLocalPort())
          .attemptTimeout(Duration.ofSeconds(30)).retries(5).budget(budget).build();

      long start = System.nanoTime();
      DnsOutcome o = dns.resolve(QUERY).toCompletableFuture().get(5, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o).isInstanceOf(DnsOutcome.Timeout.class);
      assertThat(took).isBetween(budget.minusMillis(50), budget.plusSeconds(1));
      assertThat(((DnsOutcome.Timeout) o).elapsed()).isGreaterThanOrEqualTo(budget.minusMillis(50));
    }
  }

  @Test
  void manyQuestionsToASilentServerAllCompleteWithinTheBudget() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      LiveDnsResolver dns = LiveDnsResolver.builder().server("127.0.0.1:" + silent.getLocalPort())
          .attemptTimeout(Duration.ofMillis(300)).retries(1).budget(Duration.ofMillis(800))
          .maxConcurrentQueries(2).build();
      List<CompletableFuture<DnsOutcome>> all = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        all.add(dns.resolve(DomainName.of("n" + i + ".example.test"), RecordType.A).toCompletableFuture());
      }

      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(all).allSatisfy(f -> assertThat(f.join().kind()).isEqualTo(DnsOutcome.Kind.TIMEOUT));
    }
  }

  @Test
  void resolveNeverCompletesExceptionally() throws Exception {
    LiveDnsResolver dns = LiveDnsResolver.builder().server("127.0.0.1:" + closedPort())
        .attemptTimeout(Duration.ofMillis(100)).retries(0).budget(Duration.ofMillis(500)).build();

    for (RecordType type : RecordType.values()) {
      CompletableFuture<DnsOutcome> f = dns.resolve(DnsQuery.of(DomainName.root(), type)).toCompletableFuture();
      DnsOutcome o = f.get(3, TimeUnit.SECONDS);
      assertThat(f.isCompletedExceptionally()).isFalse();
      assertThat(o.isFailure()).isTrue();
    }
  }

  @Test
  void builderValidatesItsArguments() {
    LiveDnsResolver.Builder b = LiveDnsResolver.builder();

    assertThatThrownBy(() -> b.server("dns.example.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> b.server("127.0.0.1:0")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.server("127.0.0.1:65536")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.server("[::1")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> b.server(InetSocketAddress.createUnresolved("example.com", 53)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attemptTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.budget(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.retries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.retries(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.ednsPayloadSize(511)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.ednsPayloadSize(4097)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxConcurrentQueries(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.negativeTtl(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void serversAreParsedAndPrintedInOrder() {
    LiveDnsResolver dns = LiveDnsResolver.builder()
        .server("192.0.2.53").server("localhost:5353").server("[2001:db8::53]:5300").server("2001:db8::1")
        .build();

    assertThat(dns.servers()).containsExactly("192.0.2.53:53", "127.0.0.1:5353", "[2001:db8::53]:5300",
        "[2001:db8::1]:53");
    assertThat(dns.toString()).contains("192.0.2.53:53");
  }

  @Test
  void absurdDurationsDoNotOverflow() throws Exception {
    LiveDnsResolver dns = LiveDnsResolver.builder().server("127.0.0.1:" + closedPort())
        .attemptTimeout(Duration.ofDays(100_000)).budget(Duration.ofSeconds(Long.MAX_VALUE / 2)).retries(0)
        .maxCacheTtl(Duration.ofSeconds(Long.MAX_VALUE / 2)).negativeTtl(Duration.ofSeconds(Long.MAX_VALUE / 2))
        .build();

    DnsOutcome o = dns.resolve(QUERY).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(o.kind()).isEqualTo(DnsOutcome.Kind.TIMEOUT);
  }

  /** The exported package must not leak dnsjava: no org.xbill type in any public or protected signature. */
  @Test
  void noDnsjavaTypeInTheExportedApi() throws Exception {
    Path classes = Path.of(LiveDnsResolver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    List<Class<?>> checked = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes.resolve("io/maildiag/dns"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = "io.maildiag.dns." + f.getFileName().toString().replace(".class", "");
        Class<?> c = Class.forName(name, false, LiveDnsResolver.class.getClassLoader());
        if (!isVisible(c)) {
          continue;
        }
        checked.add(c);
        check(c.getGenericSuperclass(), c + " superclass", leaks);
        for (Type t : c.getGenericInterfaces()) {
          check(t, c + " interface", leaks);
        }
        for (Method m : c.getDeclaredMethods()) {
          if (visible(m.getModifiers()) && !m.isSynthetic()) {
            check(m.getGenericReturnType(), m.toString(), leaks);
            for (Type t : m.getGenericParameterTypes()) {
              check(t, m.toString(), leaks);
            }
            for (Type t : m.getGenericExceptionTypes()) {
              check(t, m.toString(), leaks);
            }
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (visible(k.getModifiers())) {
            for (Type t : k.getGenericParameterTypes()) {
              check(t, k.toString(), leaks);
            }
          }
        }
        for (Field fl : c.getDeclaredFields()) {
          if (visible(fl.getModifiers())) {
            check(fl.getGenericType(), fl.toString(), leaks);
          }
        }
      }
    }

    assertThat(checked).contains(LiveDnsResolver.class, LiveDnsResolver.Builder.class);
    assertThat(leaks).isEmpty();
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!visible(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Type t, String where, List<String> leaks) {
    if (t != null && t.getTypeName().contains("org.xbill")) {
      leaks.add(where + " uses " + t.getTypeName());
    }
  }
}
