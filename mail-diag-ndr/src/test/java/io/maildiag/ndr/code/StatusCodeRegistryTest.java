package io.maildiag.ndr.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Completeness and consistency of the IANA registry data. */
class StatusCodeRegistryTest {

  /**
   * The registered details per subject, written out from the IANA registry (Enumerated Status
   * Codes): X.0.0; X.1.0-X.1.10; X.2.0-X.2.4; X.3.0-X.3.6; X.4.0-X.4.7; X.5.0-X.5.6;
   * X.6.0-X.6.10; X.7.0-X.7.30.
   */
  private static final Map<Integer, List<Integer>> EXPECTED = new TreeMap<>(Map.of(
      0, List.of(0),
      1, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
      2, List.of(0, 1, 2, 3, 4),
      3, List.of(0, 1, 2, 3, 4, 5, 6),
      4, List.of(0, 1, 2, 3, 4, 5, 6, 7),
      5, List.of(0, 1, 2, 3, 4, 5, 6),
      6, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
      7, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
          26, 27, 28, 29, 30)));

  private static Set<String> expectedKeys() {
    Set<String> keys = new LinkedHashSet<>();
    EXPECTED.forEach((subject, details) -> details.forEach(d -> keys.add("X." + subject + "." + d)));
    return keys;
  }

  @Test
  void listsExactlyTheRegisteredCodesInOrder() {
    List<String> keys = StatusCodeRegistry.entries().stream().map(StatusCodeRegistry.Entry::key).toList();
    assertThat(keys).containsExactlyElementsOf(expectedKeys());
    assertThat(keys).hasSize(81);
  }

  @Test
  void hasNoDuplicates() {
    List<String> keys = StatusCodeRegistry.entries().stream().map(StatusCodeRegistry.Entry::key).toList();
    assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
  }

  @Test
  void everyEntryIsComplete() {
    for (StatusCodeRegistry.Entry e : StatusCodeRegistry.entries()) {
      assertThat(e.references()).as(e.key()).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank());
      assertThat(e.title()).as(e.key()).isNotBlank();
      assertThat(e.description()).as(e.key()).isNotBlank();
      assertThat(e.associatedReplyCodes()).as(e.key()).isNotBlank();
      assertThat(e.classes()).as(e.key()).isNotEmpty().isSubsetOf(2, 4, 5);
      assertThat(e.statusSubject().number()).isEqualTo(e.subject());
    }
  }

  @Test
  void firstAndLastCodesArePresent() {
    assertThat(StatusCodeRegistry.entry("X.0.0")).get()
        .satisfies(e -> assertThat(e.title()).isEqualTo("Other undefined Status"));
    assertThat(StatusCodeRegistry.entry("X.7.30")).get().satisfies(e -> {
      assertThat(e.title()).isEqualTo("REQUIRETLS support required");
      assertThat(e.references()).containsExactly("RFC 8689");
    });
    assertThat(StatusCodeRegistry.entry("X.7.31")).isEmpty();
    assertThat(StatusCodeRegistry.entry("X.4.8")).isEmpty();
  }

  @Test
  void laterRegistrationsCarryTheirReferences() {
    Map<String, String> refs = Map.of(
        "X.1.9", "RFC 3886", "X.1.10", "RFC 7505", "X.3.6", "RFC 6710", "X.5.6", "RFC 4954",
        "X.6.6", "RFC 4468", "X.6.7", "RFC 6531", "X.7.17", "RFC 7293", "X.7.26", "RFC 7372",
        "X.7.27", "RFC 7505", "X.7.29", "RFC 8617");
    refs.forEach((key, ref) -> assertThat(StatusCodeRegistry.entry(key)).get()
        .satisfies(e -> assertThat(e.references()).as(key).contains(ref)));
    assertThat(StatusCodeRegistry.entry("X.1.10").orElseThrow().references()).contains("RFC 7504");
  }

  @Test
  void lookupIgnoresTheClassButReportsRegisteredClasses() {
    StatusCodeRegistry.Entry mailboxFull = StatusCodeRegistry.lookup(EnhancedStatusCode.of("5.2.2")).orElseThrow();
    assertThat(mailboxFull.key()).isEqualTo("X.2.2");
    assertThat(mailboxFull.allowsClass(4)).isTrue();
    assertThat(mailboxFull.allowsClass(5)).isFalse();
    assertThat(mailboxFull.isClassRestricted()).isTrue();

    StatusCodeRegistry.Entry userUnknown = StatusCodeRegistry.lookup(EnhancedStatusCode.of("4.1.1")).orElseThrow();
    assertThat(userUnknown.classes()).containsExactly(5);
    assertThat(StatusCodeRegistry.entry("X.7.17").orElseThrow().classes()).containsExactly(5);
    assertThat(StatusCodeRegistry.entry("X.1.5").orElseThrow().classes()).containsExactly(2);
    assertThat(StatusCodeRegistry.entry("X.7.26").orElseThrow().isClassRestricted()).isFalse();
  }

  @Test
  void unregisteredDetailsAreNotFoundButHaveASubject() {
    EnhancedStatusCode ms = EnhancedStatusCode.of("5.7.509");
    assertThat(StatusCodeRegistry.lookup(ms)).isEmpty();
    assertThat(StatusCodeRegistry.subject(ms)).contains(StatusSubject.SECURITY_POLICY);
    assertThat(StatusCodeRegistry.subject(EnhancedStatusCode.of("5.9.1"))).isEmpty();
  }

  @Test
  void deprecatedDuplicateIsMarked() {
    assertThat(StatusCodeRegistry.entries().stream().filter(StatusCodeRegistry.Entry::deprecated)
        .map(StatusCodeRegistry.Entry::key)).containsExactly("X.6.10");
  }

  @Test
  void associatedReplyCodesAreParsed() {
    assertThat(StatusCodeRegistry.entry("X.1.1").orElseThrow().replyCodes())
        .containsExactly(ReplyCode.of(451), ReplyCode.of(550));
    assertThat(StatusCodeRegistry.entry("X.7.17").orElseThrow().replyCodes()).isEmpty();
    assertThat(StatusCodeRegistry.entry("X.3.6").orElseThrow().replyCodes())
        .containsExactly(ReplyCode.of(250), ReplyCode.of(251));
  }

  @Test
  void everySubjectHasADescription() {
    List<Integer> numbers = new ArrayList<>();
    for (StatusSubject s : StatusSubject.values()) {
      numbers.add(s.number());
      assertThat(s.title()).isNotBlank();
      assertThat(s.description()).isNotBlank();
      assertThat(StatusSubject.of(s.number())).contains(s);
    }
    assertThat(numbers).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(StatusSubject.of(8)).isEmpty();
    assertThat(StatusSubject.SECURITY_POLICY.registryKey()).isEqualTo("X.7.YYY");
  }

  @Test
  void anEntryOutsideTheCodeSpaceIsRefused() {
    assertThatThrownBy(() -> new StatusCodeRegistry.Entry("X.9.1", 9, 1, "t", "d", "550", List.of("RFC 3463"),
        Set.of(5), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
    assertThatThrownBy(() -> new StatusCodeRegistry.Entry("X.1.1000", 1, 1000, "t", "d", "550", List.of("RFC 3463"),
        Set.of(5), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail");
    StatusCodeRegistry.Entry ok = new StatusCodeRegistry.Entry("X.1.1", 1, 1, "t", "d", "550", List.of("RFC 3463"),
        Set.of(5), false);
    assertThat(ok.statusSubject().number()).isEqualTo(1);
    assertThat(ok.replyCodes()).extracting(Object::toString).containsExactly("550");
    assertThatThrownBy(() -> ok.withClass(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
