package io.maildiag.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsCommandTest {

  private static final String ZONE = CliRunner.resource("test.zone");

  private static JsonNode dnsJson(String name, String type) {
    CliRunner.Result r = CliRunner.run("dns", name, type, "--zone", ZONE, "--json");
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r.json();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void nxdomainAndNodataAreDifferentOutcomes() {
    JsonNode nx = dnsJson("nosuch.example.com", "A");
    JsonNode nodata = dnsJson("ns1.example.com", "AAAA");

    assertThat(nx.path("outcome").asText()).isEqualTo("NXDOMAIN");
    assertThat(nodata.path("outcome").asText()).isEqualTo("NODATA");
    assertThat(nx.path("records").size()).isZero();
    assertThat(nodata.path("records").size()).isZero();
    assertThat(nx.path("query").path("name").asText()).isEqualTo("nosuch.example.com");
    assertThat(nx.path("query").path("type").asText()).isEqualTo("A");
    assertThat(nodata.path("query").path("type").asText()).isEqualTo("AAAA");
    // Both negative answers carry the zone's SOA, whose minimum bounds negative caching.
    assertThat(nx.path("soa").path("minimum").asLong()).isEqualTo(60);
    assertThat(nodata.path("soa").path("name").asText()).isEqualTo("example.com");
    assertThat(nx.has("detail")).isFalse();
    assertThat(nx.path("elapsedMs").isIntegralNumber()).isTrue();
  }

  @Test
  void txtCharacterStringsAreKeptApart() {
    JsonNode node = dnsJson("example.com", "TXT");

    assertThat(node.path("outcome").asText()).isEqualTo("ANSWER");
    JsonNode record = node.path("records").get(0);
    assertThat(record.path("type").asText()).isEqualTo("TXT");
    assertThat(record.path("ttl").asLong()).isEqualTo(300);
    assertThat(texts(record.path("strings"))).containsExactly("v=spf1 ", "-all");
    assertThat(record.path("text").asText()).isEqualTo("v=spf1 -all");
    assertThat(record.path("rdata").asText()).isEqualTo("\"v=spf1 \" \"-all\"");
  }

  @Test
  void textOutputShowsStringsApartAndTheOutcomeKind() {
    CliRunner.Result txt = CliRunner.run("dns", "example.com", "TXT", "--zone", ZONE);
    CliRunner.Result nx = CliRunner.run("dns", "nosuch.example.com", "TXT", "--zone", ZONE);
    CliRunner.Result nodata = CliRunner.run("dns", "mail.example.com", "TXT", "--zone", ZONE);

    assertThat(txt.exitCode()).isZero();
    assertThat(txt.out())
        .contains("outcome   ANSWER")
        .contains("string 1/2: \"v=spf1 \"")
        .contains("string 2/2: \"-all\"")
        .contains("joined text: \"v=spf1 -all\"");
    assertThat(nx.out()).contains("outcome   NXDOMAIN: the name does not exist");
    assertThat(nodata.out()).contains("outcome   NODATA: the name exists but has no TXT records");
  }

  @Test
  void controlCharactersInTxtAreEscapedInTextAndExactInJson() {
    CliRunner.Result text = CliRunner.run("dns", "ctl.example.com", "TXT", "--zone", ZONE);
    JsonNode json = dnsJson("ctl.example.com", "TXT");

    assertThat(text.out()).contains("\"line1\\010line2\"");
    assertThat(text.out().lines()).noneMatch(l -> l.equals("line2\""));
    assertThat(json.path("records").get(0).path("strings").get(0).asText()).isEqualTo("line1\nline2");
  }

  @Test
  void cnameChainIsReported() {
    JsonNode node = dnsJson("www.example.com", "A");

    assertThat(node.path("outcome").asText()).isEqualTo("ANSWER");
    JsonNode chain = node.path("cnameChain");
    assertThat(chain.size()).isEqualTo(2);
    assertThat(chain.get(0).path("name").asText()).isEqualTo("www.example.com");
    assertThat(chain.get(0).path("target").asText()).isEqualTo("web.example.com");
    assertThat(chain.get(0).path("ttl").asLong()).isEqualTo(300);
    assertThat(chain.get(1).path("target").asText()).isEqualTo("host.example.net");
    assertThat(node.path("records").get(0).path("name").asText()).isEqualTo("host.example.net");
    assertThat(node.path("records").get(0).path("address").asText()).isEqualTo("198.51.100.7");
  }

  @Test
  void cnameLoopIsServfailAndStillExitsZero() {
    JsonNode node = dnsJson("loop1.example.com", "A");

    assertThat(node.path("outcome").asText()).isEqualTo("SERVFAIL");
    assertThat(node.path("detail").asText()).contains("CNAME loop");
    assertThat(node.path("cnameChain").size()).isEqualTo(2);
  }

  @Test
  void perTypeFields() {
    JsonNode mx = dnsJson("example.com", "mx").path("records").get(0);
    assertThat(mx.path("preference").asInt()).isEqualTo(10);
    assertThat(mx.path("exchange").asText()).isEqualTo("mail.example.com");
    assertThat(mx.path("rdata").asText()).isEqualTo("10 mail.example.com.");

    JsonNode nullMx = dnsJson("nomail.example.com", "MX").path("records").get(0);
    assertThat(nullMx.path("preference").asInt()).isZero();
    assertThat(nullMx.path("exchange").asText()).isEqualTo(".");

    assertThat(dnsJson("mail.example.com", "AAAA").path("records").get(0).path("address").asText())
        .isEqualTo("2001:db8::25");
    assertThat(dnsJson("example.com", "NS").path("records").get(0).path("host").asText())
        .isEqualTo("ns1.example.com");

    JsonNode soa = dnsJson("example.com", "SOA").path("records").get(0);
    assertThat(soa.path("primaryNameServer").asText()).isEqualTo("ns1.example.com");
    assertThat(soa.path("responsibleMailbox").asText()).isEqualTo("hostmaster.example.com");
    assertThat(soa.path("serial").asLong()).isEqualTo(2026112601L);
    assertThat(soa.path("refresh").asLong()).isEqualTo(7200);
    assertThat(soa.path("retry").asLong()).isEqualTo(3600);
    assertThat(soa.path("expire").asLong()).isEqualTo(1209600);
    assertThat(soa.path("minimum").asLong()).isEqualTo(60);

    JsonNode srv = dnsJson("_sip._tcp.example.com", "SRV").path("records").get(0);
    assertThat(srv.path("priority").asInt()).isEqualTo(10);
    assertThat(srv.path("weight").asInt()).isEqualTo(5);
    assertThat(srv.path("port").asInt()).isEqualTo(5060);
    assertThat(srv.path("target").asText()).isEqualTo("sip.example.com");

    JsonNode tlsa = dnsJson("_25._tcp.mail.example.com", "TLSA").path("records").get(0);
    assertThat(tlsa.path("usage").asInt()).isEqualTo(3);
    assertThat(tlsa.path("selector").asInt()).isEqualTo(1);
    assertThat(tlsa.path("matchingType").asInt()).isEqualTo(1);
    assertThat(tlsa.path("associationData").asText()).isEqualToIgnoringCase(
        "0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6");

    JsonNode caa = dnsJson("example.com", "CAA").path("records").get(0);
    assertThat(caa.path("flags").asInt()).isZero();
    assertThat(caa.path("tag").asText()).isEqualTo("issue");
    assertThat(caa.path("value").asText()).isEqualTo("ca.example.net");
    assertThat(caa.path("rdata").asText()).isEqualTo("0 issue \"ca.example.net\"");
  }

  @Test
  void ptrAcceptsAnAddressAndAsksItsReverseName() {
    JsonNode node = dnsJson("192.0.2.25", "PTR");

    assertThat(node.path("query").path("name").asText()).isEqualTo("25.2.0.192.in-addr.arpa");
    assertThat(node.path("records").get(0).path("target").asText()).isEqualTo("mail.example.com");
  }

  @Test
  void malformedZoneFileIsBadInputWithItsLine(@TempDir Path dir) throws IOException {
    Path zone = dir.resolve("broken.zone");
    Files.writeString(zone, "example.com. 300 IN A 192.0.2.1\nexample.com. 300 IN MX ten mail.example.com.\n",
        StandardCharsets.UTF_8);

    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", zone.toString()).assertOneLineError();

    // FILE:LINE:COLUMN of the bad record, from the diagnostic's span.
    assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(zone.toString()) + ":2:\\d+: invalid zone file");
  }

  @Test
  void missingZoneFileIsBadInput(@TempDir Path dir) {
    Path zone = dir.resolve("nope.zone");

    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", zone.toString(), "--json")
        .assertOneLineError();

    assertThat(r.err()).contains("nope.zone").contains("no such file");
  }

  @Test
  void zoneFileWithIncludeIsRefused(@TempDir Path dir) throws IOException {
    Path zone = dir.resolve("include.zone");
    Files.writeString(zone, "$INCLUDE /etc/hostname\n", StandardCharsets.UTF_8);

    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", zone.toString()).assertOneLineError();

    assertThat(r.err()).contains("$INCLUDE");
  }

  @Test
  void skippedRecordTypesAreWarningsNotErrors(@TempDir Path dir) throws IOException {
    Path zone = dir.resolve("hinfo.zone");
    Files.writeString(zone, "example.com. 300 IN HINFO \"pc\" \"linux\"\nexample.com. 300 IN A 192.0.2.1\n",
        StandardCharsets.UTF_8);

    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", zone.toString(), "--json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.json().path("outcome").asText()).isEqualTo("ANSWER");
    assertThat(r.err()).startsWith("mail-diag: warning: ").contains("HINFO");
  }

  @Test
  void badDomainNameIsBadInputWithItsColumn() {
    CliRunner.Result r = CliRunner.run("dns", "mail..example.com", "A", "--zone", ZONE).assertOneLineError();

    assertThat(r.err()).contains("invalid domain name 'mail..example.com' at 1:6");
  }

  @Test
  void badAddressIsBadInput() {
    CliRunner.Result r = CliRunner.run("dns", "192.0.2.999", "PTR", "--zone", ZONE).assertOneLineError();

    assertThat(r.err()).contains("invalid IP address '192.0.2.999'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dns.example.com", "192.0.2.1:99999", "[2001:db8::1", ""})
  void badServerIsBadInput(String server) {
    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--server", server).assertOneLineError();

    assertThat(r.err()).contains("invalid DNS server");
  }

  @Test
  void unreachableServerIsAnOutcomeNotAnError() {
    // Port 1 on loopback: nothing listens, the kernel answers "port unreachable" at once.
    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--server", "127.0.0.1:1", "--timeout", "2s", "--json");

    assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
    assertThat(r.json().path("outcome").asText()).isIn("TIMEOUT", "SERVFAIL", "REFUSED");
    assertThat(r.json().path("detail").asText()).isNotEmpty();
  }

  @Test
  void unknownOptionIsUsageError() {
    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", ZONE, "--bogus").assertUsageError();

    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("mail-diag dns --help");
  }

  @Test
  void unknownRecordTypeIsUsageError() {
    CliRunner.Result r = CliRunner.run("dns", "example.com", "BOGUS", "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("unknown record type 'BOGUS'").contains("TXT");
  }

  @Test
  void missingTypeIsUsageError() {
    CliRunner.Result r = CliRunner.run("dns", "example.com").assertUsageError();

    assertThat(r.err()).contains("TYPE");
  }

  @Test
  void zoneAndServerTogetherAreUsageError() {
    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", ZONE, "--server", "127.0.0.1")
        .assertUsageError();

    assertThat(r.err()).contains("--zone").contains("--server").contains("mutually exclusive");
    assertThat(r.err()).doesNotContain("Error: ");
  }

  @Test
  void repeatedZoneIsUsageErrorInPlainWords() {
    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", ZONE, "--zone", ZONE).assertUsageError();

    assertThat(r.err()).contains("--zone and --server exclude each other, and each is given once at most");
    assertThat(r.err()).doesNotContain("expected only one match").doesNotContain("={");
  }

  @Test
  void repeatedGroupMessage() {
    assertThat(ErrorHandlers.repeatedGroup(
        "expected only one match but got [--zone=FILE | --server=HOST[:PORT]]={--zone=a} and [--zone=FILE | "
            + "--server=HOST[:PORT]]={--zone=a}"))
        .isEqualTo("--zone and --server exclude each other, and each is given once at most");
    assertThat(ErrorHandlers.repeatedGroup("expected only one match but got [--x=N]={--x=1} and [--x=N]={--x=2}"))
        .isEqualTo("--x is given once at most");
    assertThat(ErrorHandlers.repeatedGroup("option '--x' should be specified only once")) // other words stay
        .isEqualTo("option '--x' should be specified only once");
    assertThat(ErrorHandlers.repeatedGroup("expected only one match but got something else"))
        .isEqualTo("expected only one match but got something else");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "-1s", "soon", "2h", "PT"})
  void badTimeoutIsUsageError(String timeout) {
    CliRunner.Result r = CliRunner.run("dns", "example.com", "A", "--zone", ZONE, "--timeout", timeout)
        .assertUsageError();

    assertThat(r.err()).contains("--timeout");
  }
}
