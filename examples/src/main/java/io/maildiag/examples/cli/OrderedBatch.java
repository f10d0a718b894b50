package io.maildiag.examples.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The ordered streaming shared by the batch modes ({@link SpfBatch}, {@link NdrBatch}, {@link
 * HeadersBatch}): items from a source are turned into output lines concurrently on a bounded pool,
 * and the lines are printed strictly in source order, each as soon as it and every earlier one are
 * done.
 *
 * <p>A reader thread takes the items from the source and submits them to the pool; the calling
 * thread prints. At most {@code window} items are in flight (submitted and not yet printed), so the
 * reader waits when the window is full and memory stays bounded however long the source is, while
 * output keeps pace with a slow source (a pipe from a live log): lines that are ready one after the
 * other are written together, and the output is flushed whenever the printer would wait for the
 * next line. An item whose line function throws, or runs out of memory, gets the line of the error
 * function instead; nothing in one item stops the batch.
 *
 * @param <T> the items
 */
final class OrderedBatch<T> {

  /** A source of items, read on the reader thread. */
  interface Source<T> {
    /**
     * Returns the next item, or null at the end.
     *
     * @throws InputException if the source cannot be read further (the batch stops with it, after
     *     the lines of the items before it are printed)
     */
    T next() throws InputException;

    /** Returns a source of the items of {@code items}, in their order. */
    static <T> Source<T> of(Iterable<? extends T> items) {
      Iterator<? extends T> it = items.iterator();
      return () -> it.hasNext() ? it.next() : null;
    }
  }

  private static final String LINE_SEPARATOR = System.lineSeparator();

  private final String name;
  private final int threads;
  private final int window;

  /**
   * Creates the machinery.
   *
   * @param name the prefix of the thread names ({@code NAME-1} ... for the pool, {@code NAME-reader})
   * @param threads the number of items processed at once
   * @param window the number of items in flight at most
   */
  OrderedBatch(String name, int threads, int window) {
    this.name = name;
    this.threads = threads;
    this.window = window;
  }

  /**
   * Turns every item of {@code source} into a line with {@code line} on the pool, and prints the
   * lines on {@code out} in source order; an item for which {@code line} throws gets the line of
   * {@code error} instead.
   *
   * @throws InputException if the source fails (the lines before it are printed), or {@code out}
   *     cannot be written (the batch stops)
   */
  void run(Source<? extends T> source, Function<? super T, String> line,
      BiFunction<? super T, ? super RuntimeException, String> error, PrintWriter out) throws InputException {
    run(source, item -> 1, line, error, out);
  }

  /**
   * {@link #run(Source, Function, BiFunction, PrintWriter)} with items that weigh more than one:
   * an item takes {@code weight} of the window (at least 1, at most the whole window) from when it
   * is read until its line is printed, so that a few heavy items (large files) are in flight at
   * once, or one alone, where many light ones would be.
   */
  void run(Source<? extends T> source, ToIntFunction<? super T> weight, Function<? super T, String> line,
      BiFunction<? super T, ? super RuntimeException, String> error, PrintWriter out) throws InputException {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Semaphore permits = new Semaphore(window);
    BlockingQueue<Object> inFlight = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> read(source, weight, line, error, pool, permits, inFlight), name + "-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Object next = inFlight.poll();
        if (next == null || next instanceof Pending pending && !pending.text().isDone()) {
          // the next line is not ready: what is printed goes out now, before waiting for it
          flush(out);
          if (next == null) {
            next = inFlight.take();
          }
        }
        if (next instanceof End end) {
          flush(out);
          if (end.failure() != null) {
            throw end.failure();
          }
          return;
        }
        Pending pending = (Pending) next;
        print(pending.text(), out);
        permits.release(pending.weight());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted");
    } finally {
      reader.interrupt();
      pool.shutdownNow();
    }
  }

  /** The end of the source, or a failure to read it ({@code failure} is null at the end). */
  private record End(InputException failure) {}

  /** An item's line to come, and the part of the window the item holds until it is printed. */
  private record Pending(CompletableFuture<String> text, int weight) {}

  /** Reads the source on the reader thread, submitting each item and queueing it in order. */
  private void read(Source<? extends T> source, ToIntFunction<? super T> weight, Function<? super T, String> line,
      BiFunction<? super T, ? super RuntimeException, String> error, ExecutorService pool,
      Semaphore permits, BlockingQueue<Object> inFlight) {
    InputException failure = null;
    try {
      try {
        while (true) {
          permits.acquire();
          T item = source.next();
          if (item == null) {
            break;
          }
          // the rest of its weight: every item before it gives its own back once printed, so the
          // whole window is free at the latest when they all are
          int w = Math.max(1, Math.min(window, weight.applyAsInt(item)));
          permits.acquire(w - 1);
          inFlight.put(new Pending(CompletableFuture.supplyAsync(() -> {
            try {
              return line.apply(item);
            } catch (RuntimeException e) {
              // A bug in one item must not stop the others; report it on that item.
              return error.apply(item, e);
            } catch (OutOfMemoryError e) {
              // An item too large for the heap: what it allocated is garbage now, and the others go on.
              return error.apply(item, new IllegalStateException(e));
            }
          }, pool), w));
        }
      } catch (InputException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new InputException(ErrorHandlers.message(e));
      }
      inFlight.put(new End(failure));
    } catch (InterruptedException e) {
      // The printer stopped (the output failed) and no longer takes items.
      Thread.currentThread().interrupt();
    }
  }

  private static void print(CompletableFuture<String> next, PrintWriter out) throws InputException {
    String text;
    try {
      text = next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted");
    } catch (ExecutionException e) {
      // The task catches everything itself; this is a bug.
      throw new IllegalStateException(e.getCause());
    }
    // written without flushing: lines that are ready one after the other go out together
    out.write(text);
    out.write(LINE_SEPARATOR);
  }

  /** Flushes {@code out}, which also reports whether any write to it failed. */
  private static void flush(PrintWriter out) throws InputException {
    if (out.checkError()) {
      throw new InputException("cannot write to standard output");
    }
  }
}
