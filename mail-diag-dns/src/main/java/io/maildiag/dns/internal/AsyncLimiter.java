package io.maildiag.dns.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs at most {@code permits} asynchronous tasks at once; the rest wait in FIFO order. */
final class AsyncLimiter {
  private final int permits;
  private int running;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

  AsyncLimiter(int permits) {
    this.permits = permits;
  }

  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> {
      CompletableFuture<T> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((v, e) -> {
        release();
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(v);
        }
      });
    };
    boolean runNow;
    synchronized (this) {
      runNow = running < permits;
      if (runNow) {
        running++;
      } else {
        waiting.add(start);
      }
    }
    if (runNow) {
      start.run();
    }
    return result;
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      next.run();
    }
  }
}
