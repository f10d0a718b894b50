/**
 * Sender Policy Framework (RFC 7208).
 *
 * <ul>
 *   <li>{@link io.maildiag.dns.spf.SpfRecord} parses a record into typed terms with positioned
 *       diagnostics, and renders it back canonically;
 *   <li>{@link io.maildiag.dns.spf.SpfChecker} runs {@code check_host()} through a {@link
 *       io.maildiag.dns.DnsResolver} and returns an {@link io.maildiag.dns.spf.SpfEvaluation}: the
 *       result, the explanation, the deciding term and the full trace;
 *   <li>{@link io.maildiag.dns.spf.SpfAuditor} audits what a domain publishes (or a proposed
 *       record) for domain owners: findings with stable codes, the include tree as a value, and
 *       the flattened networks with a flattening suggestion.
 * </ul>
 *
 * <p>Choices where RFC 7208 leaves room, documented once here: void lookups are counted per term
 * (section 4.6.4 limits "terms" whose queries return no answer), so an {@code mx} whose hosts
 * lack addresses of the client's family counts once; the {@code %{i}} macro writes IPv6 nibbles
 * in upper case, as the openspf suite expects; an include or redirect of a domain that is already
 * being evaluated is a {@code permerror} at once ({@link io.maildiag.dns.spf.SpfCodes#SPF_LOOP})
 * rather than after the lookup limit is spent.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns.spf;
