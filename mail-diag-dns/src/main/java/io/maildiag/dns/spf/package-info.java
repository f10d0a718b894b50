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
 * (section 4.6.4 limits "terms" whose queries return no answer), so an {@code mx} whose hosts lack
 * addresses of the client's family counts once, and a term meeting a void answer already received
 * for an earlier term counts too, although the question is not sent again; the hosts of an {@code
 * mx} are compared in order of preference and the first matching address ends the term (section
 * 5.4 defines the match, not an order of lookups): their addresses are asked concurrently, but
 * answers for hosts after the match count nothing, not even as void lookups; the {@code %{i}}
 * macro writes IPv6 nibbles in upper case, as the openspf suite expects; an include or redirect of
 * a domain that is already being evaluated is a {@code permerror} at once ({@link
 * io.maildiag.dns.spf.SpfCodes#SPF_LOOP}) rather than after the lookup limit is spent; a target
 * name that is valid domain-spec syntax but no valid domain name (an empty label, a label over 63
 * octets), which RFC 7208 leaves undefined, is a {@code permerror} ({@link
 * io.maildiag.dns.spf.SpfCodes#SPF_INVALID_DOMAIN_SPEC}).
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.dns.spf;
