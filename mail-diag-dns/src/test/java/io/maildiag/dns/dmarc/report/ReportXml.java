package io.maildiag.dns.dmarc.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds aggregate report XML and its containers for tests. */
final class ReportXml {

  private ReportXml() {}

  /** An RFC 7489 style report for {@code example.com} with the given records. */
  static String report(String org, String id, long begin, long end, String... records) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback>
          <report_metadata>
            <org_name>%s</org_name>
            <email>noreply-dmarc@%s.example</email>
            <extra_contact_info>https://%s.example/dmarc</extra_contact_info>
            <report_id>%s</report_id>
            <date_range>
              <begin>%d</begin>
              <end>%d</end>
            </date_range>
          </report_metadata>
          <policy_published>
            <domain>example.com</domain>
            <adkim>r</adkim>
            <aspf>s</aspf>
            <p>quarantine</p>
            <sp>reject</sp>
            <pct>50</pct>
            <fo>1</fo>
          </policy_published>
        %s</feedback>
        """.formatted(org, org, org, id, begin, end, String.join("", records));
  }

  /**
   * One record. {@code dkimAuth} and {@code spfAuth} are {@code domain:result} or null for none.
   */
  static String record(String ip, long count, String dkimEval, String spfEval, String headerFrom,
      String dkimAuth, String spfAuth) {
    StringBuilder auth = new StringBuilder();
    if (dkimAuth != null) {
      String[] p = dkimAuth.split(":");
      auth.append("      <dkim><domain>").append(p[0]).append("</domain><selector>s1</selector><result>")
          .append(p[1]).append("</result></dkim>\n");
    }
    if (spfAuth != null) {
      String[] p = spfAuth.split(":");
      auth.append("      <spf><domain>").append(p[0]).append("</domain><scope>mfrom</scope><result>")
          .append(p[1]).append("</result></spf>\n");
    }
    return """
          <record>
            <row>
              <source_ip>%s</source_ip>
              <count>%d</count>
              <policy_evaluated>
                <disposition>none</disposition>
                <dkim>%s</dkim>
                <spf>%s</spf>
              </policy_evaluated>
            </row>
            <identifiers>
              <header_from>%s</header_from>
            </identifiers>
            <auth_results>
        %s    </auth_results>
          </record>
        """.formatted(ip, count, dkimEval, spfEval, headerFrom, auth);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip with the entries in iteration order. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
