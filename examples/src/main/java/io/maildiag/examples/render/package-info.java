/**
 * Rendering of SDK values for the CLI: JSON trees with Jackson ({@link
 * io.maildiag.examples.render.DnsJson}, {@link io.maildiag.examples.render.SpfJson}, {@link
 * io.maildiag.examples.render.NdrJson}) and human-readable lines ({@link
 * io.maildiag.examples.render.DnsText}, {@link io.maildiag.examples.render.SpfText}, {@link
 * io.maildiag.examples.render.NdrText}).
 */
package io.maildiag.examples.render;
