package io.maildiag.dns.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs at most {@code permits} asynchronous tasks at once; the rest wait in FIFO order. A task holds
 * its permit from the moment it is started until the future it returned completes.
 *
 * <p>Waiting tasks are started by whichever thread frees a permit, in a loop rather than by
 * recursion, so that a long queue of tasks that complete at once cannot overflow the stack.
 */
final class AsyncLimiter {
  private final int permits;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> Boolean.FALSE);
  private int running;

  AsyncLimiter(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be >= 1: " + permits);
    }
    this.permits = permits;
  }

  /**
   * Starts {@code task} now if a permit is free, later otherwise. The returned future completes as
   * the task's future does; a task that throws, or returns null, completes it exceptionally.
   */
  <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> {
      CompletableFuture<T> f;
      try {
        f = task.get();
        if (f == null) {
          f = CompletableFuture.failedFuture(new NullPointerException("task returned no future"));
        }
      } catch (RuntimeException | Error e) {
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
    synchronized (this) {
      waiting.add(start);
    }
    drain();
    return result;
  }

  /** Returns the number of tasks holding a permit. */
  synchronized int running() {
    return running;
  }

  /** Returns the number of tasks waiting for a permit. */
  synchronized int waiting() {
    return waiting.size();
  }

  private void release() {
    synchronized (this) {
      running--;
    }
    drain();
  }

  /** Starts waiting tasks while permits are free; re-entrant calls leave the work to the outer loop. */
  private void drain() {
    if (draining.get()) {
      return;
    }
    draining.set(Boolean.TRUE);
    try {
      while (true) {
        Runnable next;
        synchronized (this) {
          if (running >= permits || waiting.isEmpty()) {
            return;
          }
          next = waiting.poll();
          running++;
        }
        next.run();
      }
    } finally {
      draining.set(Boolean.FALSE);
    }
  }
}
