package io.maildiag.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.core.ip.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the openspf.org RFC 7208 and RFC 4408 test suites. They ship in Debian's python3-spf
 * package ({@code apt-get install -y python3-spf}); without it these tests are skipped, except
 * under {@code CI=true}, where a missing suite fails the build.
 */
class SpfConformanceTest {

  @TestFactory
  Stream<DynamicTest> rfc7208Suite() throws IOException {
    return suite("rfc7208-tests.yml");
  }

  @TestFactory
  Stream<DynamicTest> rfc4408Suite() throws IOException {
    return suite("rfc4408-tests.yml");
  }

  static Stream<DynamicTest> suite(String file) throws IOException {
    Optional<Path> path = OpenSpfSuite.locate(file);
    if (path.isEmpty()) {
      String message = file + " not found in " + OpenSpfSuite.DEFAULT_DIR
          + ": install it with 'apt-get install -y python3-spf' (or set MAILDIAG_SPF_SUITE_DIR)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message);
    }
    List<OpenSpfSuite.TestCase> cases = OpenSpfSuite.load(path.get());
    return cases.stream().map(t -> DynamicTest.dynamicTest(t.toString(), () -> run(t)));
  }

  static SpfEvaluation evaluate(OpenSpfSuite.TestCase t) {
    SpfChecker checker = SpfChecker.builder().resolver(t.dns()).build();
    IpAddress ip = IpAddress.of(t.host());
    SpfRequest request = t.mailFrom().isEmpty() ? SpfRequest.helo(ip, t.helo())
        : SpfRequest.mailFrom(ip, t.mailFrom(), t.helo());
    return checker.check(request);
  }

  private static void run(OpenSpfSuite.TestCase t) {
    SpfEvaluation e = evaluate(t);
    String got = e.result().rfcName();
    assertThat(t.results().stream().map(r -> r.toLowerCase(Locale.ROOT)).toList())
        .as("%s: %s%n%s", t.id(), t.scenario(), e.explain())
        .contains(got);
    t.explanation().ifPresent(expected -> {
      String actual = e.explanation().orElse("DEFAULT");
      assertThat(actual).as("explanation of %s%n%s", t.id(), e.explain()).isEqualTo(expected);
    });
  }
}
