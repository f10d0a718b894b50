/**
 * Runnable examples of the mail-diag SDK, one class with a {@code main} method per topic:
 *
 * <ul>
 *   <li>{@link io.maildiag.examples.ParsingExample}: domain names, networks and mail addresses
 *       parsed with positioned diagnostics;
 *   <li>{@link io.maildiag.examples.InMemoryResolverExample}: the in-memory fake resolver in a
 *       consumer's unit test;
 *   <li>{@link io.maildiag.examples.OverlayWhatIfExample}: proposed records laid over published
 *       DNS (what-if mode);
 *   <li>{@link io.maildiag.examples.ZoneFileExample}: offline answers from a zone file;
 *   <li>{@link io.maildiag.examples.LiveDnsExample}: live DNS with a listener;
 *   <li>{@link io.maildiag.examples.BounceExample}: bounces read with one shared analyzer, acted
 *       on by their retry advice, and a status code explained.
 * </ul>
 *
 * <p>Run one with {@code java -cp examples/target/mail-diag.jar io.maildiag.examples.ParsingExample}.
 */
package io.maildiag.examples;
