/**
 * Bounce reading: delivery status notifications and vendor bounces, enhanced status codes and the
 * reason taxonomy. The module is set up in the build; its packages are added with the bounce
 * analysis itself, and each is exported here as it lands.
 */
module io.maildiag.ndr {
  requires static org.jspecify;
  requires transitive io.maildiag.core;
  requires io.maildiag.headers;
}
