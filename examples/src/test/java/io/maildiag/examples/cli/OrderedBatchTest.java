package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link OrderedBatch}: order, and how many items its window lets into flight. */
class OrderedBatchTest {

  /** Runs 40 items on 4 threads with a window of 8, each of the given weight; returns the most at once. */
  private static int mostAtOnce(int weight, StringWriter text) throws InputException {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> items = IntStream.range(0, 40).boxed().toList();
    new OrderedBatch<Integer>("test", 4, 8).run(OrderedBatch.Source.of(items), item -> weight, item -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet();
      return Integer.toString(item);
    }, (item, e) -> "error", new PrintWriter(text));
    return most.get();
  }

  @Test
  void heavyItemsTakeMoreOfTheWindow() throws InputException {
    StringWriter light = new StringWriter();
    assertThat(mostAtOnce(1, light)).as("four threads, a window of eight").isBetween(2, 4);
    assertThat(light.toString().lines()).containsExactlyElementsOf(
        IntStream.range(0, 40).mapToObj(Integer::toString).toList());

    StringWriter heavy = new StringWriter();
    assertThat(mostAtOnce(8, heavy)).as("each item holds the whole window").isEqualTo(1);
    assertThat(heavy.toString().lines()).hasSize(40);

    assertThat(mostAtOnce(1_000, new StringWriter())).as("weight past the window: the whole window").isEqualTo(1);
    assertThat(mostAtOnce(0, new StringWriter())).as("weight below one: one").isBetween(2, 4);
  }
}
