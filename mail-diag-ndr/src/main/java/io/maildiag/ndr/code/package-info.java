/**
 * Status codes and what they mean: RFC 3463 {@link io.maildiag.ndr.code.EnhancedStatusCode enhanced
 * status codes} with the complete IANA {@link io.maildiag.ndr.code.StatusCodeRegistry registry},
 * their {@link io.maildiag.ndr.code.StatusClass class} and {@link io.maildiag.ndr.code.StatusSubject
 * subject}; RFC 5321 {@link io.maildiag.ndr.code.ReplyCode reply codes} with their documented
 * meanings; the meanings large providers give to codes ({@link io.maildiag.ndr.code.ProviderCodes});
 * and the facade {@link io.maildiag.ndr.code.NdrCode} that explains a code and gives its default
 * classification.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.ndr.code;
