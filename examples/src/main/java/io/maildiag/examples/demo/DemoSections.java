package io.maildiag.examples.demo;

import java.util.List;

/** The sections of {@code mail-diag demo}, in the order they run. */
public final class DemoSections {

  private DemoSections() {}

  /**
   * Returns the standard sections. Each later capability (DMARC, DKIM, bounces, headers) adds
   * its own {@link DemoSection} here.
   */
  public static List<DemoSection> standard() {
    return List.of(
        new MailRoutingSection(),
        new TxtStringsSection(),
        new NegativeAnswersSection(),
        new CnameChainSection(),
        new FailuresSection(),
        new SpfSection(),
        new BounceSection(),
        new HeadersSection(),
        new DmarcSection());
  }
}
