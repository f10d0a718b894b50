/**
 * Internal: the parsing machinery behind {@link io.maildiag.ndr.BounceAnalyzer}. Not exported by
 * the module; nothing here is API and everything may change without notice.
 *
 * <p>The pipeline: {@link io.maildiag.ndr.parse.Mbox} (the first message of an mbox file), then
 * {@link io.maildiag.ndr.parse.Normalizer} (line endings, line and header limits) then {@link io.maildiag.ndr.parse.MimeReader} (a bounded MIME tree: {@link io.maildiag.ndr.parse.MimeSplitter}
 * splits the buffer at byte level into the tree Jakarta Mail would build, and hands any structure
 * it is not sure of to Jakarta Mail, the reference reader) then {@link io.maildiag.ndr.parse.Engine}, which recognises the kind of message and reads
 * recipients from RFC 3464 reports ({@link io.maildiag.ndr.parse.DsnParser}) and from the
 * human-readable text of vendor bounces ({@link io.maildiag.ndr.parse.TextScanner}), with the
 * SMTP stage each reply answered ({@link io.maildiag.ndr.parse.SmtpStage}).
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.ndr.parse;
