package io.maildiag.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link AsyncLimiter}: bounded, FIFO, never stuck. */
@Timeout(30)
class AsyncLimiterTest {

  @Test
  void neverMoreThanThePermitsRunAndAllComplete() throws Exception {
    AsyncLimiter limiter = new AsyncLimiter(3);
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 60; i++) {
        int n = i;
        results.add(limiter.submit(() -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          CompletableFuture<Integer> f = new CompletableFuture<>();
          timer.schedule(() -> {
            running.decrementAndGet();
            f.complete(n * 2);
          }, ThreadLocalRandom.current().nextInt(1, 8), TimeUnit.MILLISECONDS);
          return f;
        }));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * 2);
      }
    } finally {
      timer.shutdownNow();
    }

    assertThat(maxRunning.get()).isEqualTo(3);
    assertThat(limiter.running()).isZero();
    assertThat(limiter.waiting()).isZero();
  }

  @Test
  void waitingTasksStartInOrder() {
    AsyncLimiter limiter = new AsyncLimiter(1);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    List<Integer> started = new ArrayList<>();
    limiter.submit(() -> gate);
    for (int i = 0; i < 5; i++) {
      int n = i;
      limiter.submit(() -> {
        started.add(n);
        return CompletableFuture.completedFuture(null);
      });
    }
    assertThat(started).isEmpty();
    assertThat(limiter.waiting()).isEqualTo(5);

    gate.complete(null);

    assertThat(started).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aLongQueueOfTasksThatCompleteAtOnceDoesNotOverflowTheStack() {
    AsyncLimiter limiter = new AsyncLimiter(1);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    limiter.submit(() -> gate);
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      int n = i;
      results.add(limiter.submit(() -> CompletableFuture.completedFuture(n)));
    }

    gate.complete(null);

    assertThat(results).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(results.get(49_999).join()).isEqualTo(49_999);
    assertThat(limiter.running()).isZero();
  }

  @Test
  void aTaskThatThrowsFailsItsFutureAndReleasesItsPermit() {
    AsyncLimiter limiter = new AsyncLimiter(1);

    CompletableFuture<String> thrown = limiter.submit(() -> {
      throw new IllegalStateException("boom");
    });
    CompletableFuture<String> nothing = limiter.submit(() -> null);
    CompletableFuture<String> failed = limiter.submit(() -> CompletableFuture.failedFuture(new RuntimeException("x")));
    CompletableFuture<String> fine = limiter.submit(() -> CompletableFuture.completedFuture("ok"));

    assertThatThrownBy(thrown::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(nothing::get).hasCauseInstanceOf(NullPointerException.class);
    assertThatThrownBy(failed::get).hasMessageContaining("x");
    assertThat(fine.join()).isEqualTo("ok");
    assertThat(limiter.running()).isZero();
  }

  @Test
  void permitsMustBePositive() {
    assertThatThrownBy(() -> new AsyncLimiter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
