package io.maildiag.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version from {@code version.properties}, which the build fills in. */
final class VersionProvider implements IVersionProvider {

  /** Returns the mail-diag version, or {@code unknown} when the resource is missing. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      MailDiagCli.NAME + " " + version(),
      "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
    };
  }
}
