package io.maildiag.ndr.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A context class loader under which Jakarta Mail's service look-ups are answered from memory.
 *
 * <p>Jakarta Mail 2.1 looks up its {@code StreamProvider} with a new {@link java.util.ServiceLoader}
 * each time it makes a body part or reads a header section (mail-api issues 699 and 861): the
 * service file is found on the class path and read from its jar again, about 25 µs each time, twice
 * for each part of a multipart. Jakarta asks the thread's context class loader first. Under this
 * one, which delegates everything to its parent, a service file ({@code META-INF/services/...}) is
 * read from the parent once and then served from memory, so that a look-up costs a few
 * microseconds. The providers found are the parent's, in the same order.
 */
final class ServiceFiles extends ClassLoader {
  private static final String PREFIX = "META-INF/services/";
  /** At most this many service files are kept (Jakarta Mail asks for one or two). */
  private static final int MAX_FILES = 16;

  private static final ServiceFiles FOR_JAKARTA = new ServiceFiles(MimeReader.class.getClassLoader());

  private final ConcurrentHashMap<String, List<URL>> files = new ConcurrentHashMap<>();

  ServiceFiles(ClassLoader parent) {
    super(parent);
  }

  /**
   * Runs {@code work} with this loader as the current thread's context class loader, restoring the
   * one before afterwards; runs it as it is when the context loader cannot be set.
   */
  static <T> T around(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader before;
    try {
      before = thread.getContextClassLoader();
      thread.setContextClassLoader(FOR_JAKARTA);
    } catch (SecurityException e) {
      return work.get();
    }
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.startsWith(PREFIX)) {
      return super.getResources(name);
    }
    List<URL> cached = files.get(name);
    if (cached == null) {
      cached = inMemory(name, super.getResources(name));
      if (files.size() < MAX_FILES) {
        files.putIfAbsent(name, cached);
      }
    }
    return Collections.enumeration(cached);
  }

  /** Each of {@code found}, read once, as a URL that serves its bytes from memory. */
  private static List<URL> inMemory(String name, Enumeration<URL> found) throws IOException {
    List<URL> out = new ArrayList<>();
    while (found.hasMoreElements()) {
      URL url = found.nextElement();
      byte[] bytes;
      URLConnection c = url.openConnection();
      c.setUseCaches(false);
      try (InputStream in = c.getInputStream()) {
        bytes = in.readAllBytes();
      }
      out.add(memoryUrl(name, out.size(), bytes));
    }
    return Collections.unmodifiableList(out);
  }

  private static URL memoryUrl(String name, int index, byte[] bytes) throws MalformedURLException {
    URLStreamHandler handler = new URLStreamHandler() {
      @Override
      protected URLConnection openConnection(URL u) {
        return new URLConnection(u) {
          @Override
          public void connect() {
            connected = true;
          }

          @Override
          public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
          }
        };
      }
    };
    return new URL("memory", "", -1, "/" + index + "/" + name, handler);
  }
}
