/**
 * Rendering of SDK values for the CLI: JSON trees with Jackson ({@link
 * io.maildiag.examples.render.DnsJson}, {@link io.maildiag.examples.render.SpfJson}) and
 * human-readable lines ({@link io.maildiag.examples.render.DnsText}, {@link
 * io.maildiag.examples.render.SpfText}).
 */
package io.maildiag.examples.render;
