/**
 * {@code mail-diag demo}: a tour of the SDK on data bundled in the jar. Each capability is one
 * {@link io.maildiag.examples.demo.DemoSection}, listed in {@link
 * io.maildiag.examples.demo.DemoSections#standard()}.
 */
package io.maildiag.examples.demo;
