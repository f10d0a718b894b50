/**
 * Implementation details of mail-diag-dns: the dnsjava adapter. Not exported; may change at any
 * time.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns.internal;
