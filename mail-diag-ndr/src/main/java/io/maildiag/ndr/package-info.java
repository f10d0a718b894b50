/**
 * Bounce analysis: {@link io.maildiag.ndr.BounceAnalyzer} reads a message (a delivery status
 * notification, a vendor bounce, an auto-reply, a feedback report, or something else) into a
 * {@link io.maildiag.ndr.BounceAnalysis}: each recipient with its status, reply code, diagnostic
 * text and a {@link io.maildiag.ndr.Classification} from the stable {@link io.maildiag.ndr.Reason}
 * taxonomy.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.ndr;
