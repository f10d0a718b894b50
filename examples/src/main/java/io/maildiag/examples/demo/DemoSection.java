package io.maildiag.examples.demo;

/**
 * One section of {@code mail-diag demo}: a short, self-contained showing of one capability of the
 * SDK on the bundled data.
 *
 * <p>To add a capability to the demo (DMARC policy discovery, DKIM keys, bounce reading,
 * header analysis...), implement this interface and add the section to {@link
 * DemoSections#standard()}. A section asks its DNS questions through {@link SectionReport#ask} (or
 * hands {@link SectionReport#dns()} to an SDK analysis that asks its own), so that they show in the
 * report and are counted, and writes everything else through {@link
 * SectionReport#note} and {@link SectionReport#json()}, so that the text and JSON forms stay in
 * step.
 */
public interface DemoSection {

  /** Returns a short stable identifier for JSON, lower case: {@code "mx"}, {@code "spf"}. */
  String id();

  /** Returns the heading shown to people. */
  String title();

  /**
   * Runs the section.
   *
   * @param context the bundled data and the resolver over it
   * @param report where the section writes what it shows
   */
  void run(DemoContext context, SectionReport report);
}
