/**
 * DMARC (RFC 9989, with RFC 7489 compatibility): policy records, policy discovery by DNS tree
 * walk or Public Suffix List, identifier alignment and evaluation.
 *
 * <ul>
 *   <li>{@link io.maildiag.dns.dmarc.DmarcPolicy} parses a record with positioned diagnostics and
 *       renders it canonically;
 *   <li>{@link io.maildiag.dns.dmarc.DmarcRecordLookup} interprets the TXT answer at {@code
 *       _dmarc.<domain>};
 *   <li>{@link io.maildiag.dns.dmarc.DmarcDiscovery} finds the policy record and organizational
 *       domain ({@link io.maildiag.dns.dmarc.DiscoveryMode}), and compares the two modes;
 *   <li>{@link io.maildiag.dns.dmarc.PublicSuffixList} is the PSL and its algorithm, offline;
 *   <li>{@link io.maildiag.dns.dmarc.DmarcEvaluator} turns a {@link
 *       io.maildiag.dns.dmarc.DmarcInput} (author domain, SPF and DKIM outcomes) into a {@link
 *       io.maildiag.dns.dmarc.DmarcVerdict};
 *   <li>{@link io.maildiag.dns.dmarc.AuthorDomain} extracts the author domain from From fields.
 * </ul>
 *
 * <p>Choices where the RFCs leave room are documented on the class they concern: record syntax on
 * {@code DmarcPolicy}, lookups on {@code DmarcRecordLookup}, DNS failures on {@code
 * DmarcDiscovery}, policy selection, {@code np}, {@code pct} and {@code t} on {@code
 * DmarcEvaluator}.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns.dmarc;
