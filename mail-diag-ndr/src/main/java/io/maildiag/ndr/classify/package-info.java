/**
 * Internals of {@link io.maildiag.ndr.ReasonClassifier}: the text normaliser, the phrase rules
 * loaded from {@code text-rules.txt}, the status-code and reply-code defaults, and the advice
 * tables (retry, actor, remediation). Not exported; the types are public only so that the
 * classifier in the parent package can use them.
 */
@org.jspecify.annotations.NullMarked
package io.maildiag.ndr.classify;
