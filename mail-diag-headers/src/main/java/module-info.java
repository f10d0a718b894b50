/**
 * Message header analysis: header sections, the Received-hop timeline, Authentication-Results,
 * DKIM and ARC. The module is set up in the build; its packages are added with the header
 * analysis itself, and each is exported here as it lands.
 */
module io.maildiag.headers {
  requires static org.jspecify;
  requires transitive io.maildiag.core;
  requires io.maildiag.dns;
}
