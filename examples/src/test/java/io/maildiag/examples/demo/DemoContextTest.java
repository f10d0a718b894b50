package io.maildiag.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ParseResult;
import io.maildiag.dns.DnsOutcome;
import io.maildiag.dns.RecordType;
import io.maildiag.dns.ZoneFileResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoContextTest {

  @Test
  void bundledZoneParsesWithoutAnyDiagnostic() {
    ParseResult<ZoneFileResolver> zone = ZoneFileResolver.parse(DemoContext.readResource(DemoContext.ZONE_RESOURCE));

    assertThat(zone.diagnostics()).isEmpty();
    assertThat(zone.value()).isPresent();
  }

  @Test
  void sectionsAskThroughTheRecorder() {
    DemoContext context = DemoContext.bundled();
    DemoSection onlyOne = new DemoSection() {
      @Override
      public String id() {
        return "probe";
      }

      @Override
      public String title() {
        return "Probe";
      }

      @Override
      public void run(DemoContext c, SectionReport report) {
        report.ask(c.name("_dmarc"), RecordType.TXT);
        report.note("probed");
      }
    };

    DemoReport report = DemoReport.run(context, List.of(onlyOne));

    assertThat(context.recorder().queryCount()).isEqualTo(1);
    assertThat(context.recorder().exchanges().get(0).outcome().kind()).isEqualTo(DnsOutcome.Kind.ANSWER);
    assertThat(report.json().path("sections").get(0).path("notes").get(0).asText()).isEqualTo("probed");
    assertThat(report.lines()).contains("1. Probe", "  probed");
  }
}
