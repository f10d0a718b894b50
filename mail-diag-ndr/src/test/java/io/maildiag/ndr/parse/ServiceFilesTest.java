package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ServiceFiles}: the parent's service files, from memory; everything else delegated. */
class ServiceFilesTest {
  private static final String FILE = "META-INF/services/" + StreamProvider.class.getName();

  @Test
  void serviceFilesAreTheParentsReadFromMemory() throws IOException {
    ClassLoader parent = getClass().getClassLoader();
    ServiceFiles loader = new ServiceFiles(parent);
    List<String> expected = contents(Collections.list(parent.getResources(FILE)));
    assertThat(expected).isNotEmpty(); // Angus provides Jakarta Mail's stream provider
    List<URL> first = Collections.list(loader.getResources(FILE));
    assertThat(contents(first)).isEqualTo(expected);
    assertThat(first).allMatch(u -> u.getProtocol().equals("memory"));
    // asked again: the same URLs, served from memory
    assertThat(Collections.list(loader.getResources(FILE))).isEqualTo(first);
    assertThat(contents(Collections.list(loader.getResources(FILE)))).isEqualTo(expected);
  }

  @Test
  void otherResourcesAndClassesComeFromTheParent() throws Exception {
    ClassLoader parent = getClass().getClassLoader();
    ServiceFiles loader = new ServiceFiles(parent);
    String name = "META-INF/MANIFEST.MF";
    assertThat(Collections.list(loader.getResources(name))).isEqualTo(Collections.list(parent.getResources(name)));
    assertThat(loader.loadClass(StreamProvider.class.getName())).isSameAs(StreamProvider.class);
    assertThat(Collections.list(loader.getResources("META-INF/services/no.such.Service"))).isEmpty();
  }

  @Test
  void jakartaFindsItsProviderUnderItAndTheContextLoaderIsRestored() {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    StreamProvider found = ServiceFiles.around(() -> {
      assertThat(thread.getContextClassLoader()).isInstanceOf(ServiceFiles.class);
      return StreamProvider.provider();
    });
    assertThat(found).isNotNull();
    assertThat(thread.getContextClassLoader()).isSameAs(before);
    assertThatThrownBy(() -> ServiceFiles.around(() -> {
      throw new IllegalStateException("x");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(thread.getContextClassLoader()).isSameAs(before);
  }

  private static List<String> contents(List<URL> urls) throws IOException {
    List<String> out = new ArrayList<>();
    for (URL u : urls) {
      try (InputStream in = u.openStream()) {
        out.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
