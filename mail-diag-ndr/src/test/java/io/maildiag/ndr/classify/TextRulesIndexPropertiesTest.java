package io.maildiag.ndr.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The indexed matching of {@link TextRules} ({@link TextRules#scan}) finds exactly what searching
 * every phrase finds ({@link TextRules#referenceMatches}, {@link TextRules#referenceStages}), and
 * the tuned {@link TextNormalizer} writes exactly what the straightforward one wrote ({@link
 * NormalizerReference}), on texts made of the rule file's own words, pieces of them, and noise.
 */
class TextRulesIndexPropertiesTest {
  private static final TextRules STD = TextRules.standard();
  /** Every normalised word of the standard rules, stage markers and exclusions included. */
  private static final List<String> RULE_WORDS = ruleWords();

  private static List<String> ruleWords() {
    Set<String> words = new LinkedHashSet<>();
    try (InputStream in = TextRules.class.getResourceAsStream(TextRules.RESOURCE)) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line : r.lines().toList()) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#") || l.startsWith("@")) {
          continue;
        }
        for (String w : TextNormalizer.normalize(l.replace("*", " ")).split(" ")) {
          if (!w.isEmpty()) {
            words.add(w);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(words);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> ruleWord = Arbitraries.of(RULE_WORDS);
    Arbitrary<String> noise = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
    // pieces and extensions of rule words, for the open ends (blacklist*, *quotaexceeded)
    Arbitrary<String> piece = Combinators.combine(ruleWord, Arbitraries.integers().between(0, 4), noise)
        .as((w, cut, n) -> switch (cut) {
          case 0 -> w.substring(0, Math.max(1, w.length() / 2));
          case 1 -> w.substring(w.length() / 2);
          case 2 -> w + n;
          case 3 -> n + w;
          default -> w.toUpperCase(java.util.Locale.ROOT);
        });
    Arbitrary<String> special = Arbitraries.of("550", "5.1.1", "550-5.7.1", "<user@example.com>", "n't", "can't",
        "cannot", "l'adresse", "user's", "(in reply to RCPT TO command)", "after MAIL FROM:<a@b>", "\u00e9",
        "\u3002", "x-unix", "\u0001");
    Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(6, ruleWord), Tuple.of(2, piece), Tuple.of(1, noise),
        Tuple.of(1, special));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", " ", "  ", ", ", ": ", "-", "\n", "\t", "", ". ");
    return Combinators.combine(token.list().ofMaxSize(40), separator.list().ofMinSize(40).ofMaxSize(40))
        .as((tokens, seps) -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < tokens.size(); i++) {
            b.append(tokens.get(i)).append(seps.get(i));
          }
          return b.toString();
        });
  }

  @Property(tries = 1000)
  void indexedMatchingAgreesWithSearchingEveryPhrase(@ForAll("texts") String raw) {
    String text = TextNormalizer.normalize(raw);
    // one scan answers both, as for the classifier
    TextRules.Scan scan = STD.scan(text);
    assertThat(scan.matches()).isEqualTo(STD.referenceMatches(text));
    assertThat(scan.stages()).isEqualTo(STD.referenceStages(text));
  }

  @Property(tries = 1000)
  void agreesOnTextThatIsNotNormalised(@ForAll("texts") String raw) {
    // the index reads words between single spaces, as the matcher does, whatever the text holds
    String text = raw.toLowerCase(java.util.Locale.ROOT);
    assertThat(STD.matches(text)).isEqualTo(STD.referenceMatches(text));
    assertThat(STD.stages(text)).isEqualTo(STD.referenceStages(text));
  }

  @Property(tries = 1000)
  void aTextWithWordsAppendedAgrees(@ForAll("texts") String raw, @ForAll("texts") String tail) {
    // the bounce parser scans a diagnostic, then the classifier the diagnostic with the stage appended:
    // the second scan reads only the appended words
    String text = TextNormalizer.normalize(raw);
    String appended = text + " " + TextNormalizer.normalize(tail);
    TextRules.Scan extended = STD.scan(appended, STD.scan(text));
    assertThat(extended.matches()).isEqualTo(STD.referenceMatches(appended));
    assertThat(extended.stages()).isEqualTo(STD.referenceStages(appended));
    // and on text that is not normalised: spaces at the join, upper case, empty words
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    String joined = lower + " " + tail;
    TextRules.Scan again = STD.scan(joined, STD.scan(lower));
    assertThat(again.matches()).isEqualTo(STD.referenceMatches(joined));
    assertThat(again.stages()).isEqualTo(STD.referenceStages(joined));
  }

  @Example
  void appendedWordsCompletePhrasesAcrossTheJoin() {
    for (String[] t : new String[][] {{"mailbox", "full"}, {"user", "unknown"}, {"x user", "unknown y"},
        {"in reply to rcpt", "to command"}, {"ip", "blacklisted"}, {"mailbox ", "full"}, {"mailbox", " full"},
        {"relay access", "denied"}, {"after mail from", "rejected"}, {"mapiexception", "quotaexceeded"}}) {
      String joined = t[0] + " " + t[1];
      TextRules.Scan extended = STD.scan(joined, STD.scan(t[0]));
      assertThat(extended.matches()).as(joined).isEqualTo(STD.referenceMatches(joined));
      assertThat(extended.stages()).as(joined).isEqualTo(STD.referenceStages(joined));
    }
  }

  @Property(tries = 1000)
  void normaliserAgreesWithTheReference(@ForAll("texts") String raw) {
    assertThat(TextNormalizer.normalize(raw)).isEqualTo(NormalizerReference.normalize(raw));
  }

  @Property(tries = 1000)
  void normaliserAgreesOnAnyText(@ForAll String raw) {
    assertThat(TextNormalizer.normalize(raw)).isEqualTo(NormalizerReference.normalize(raw));
  }

  @Property(tries = 1000)
  void normaliserAgreesOnATextWithWordsAppended(@ForAll("texts") String raw, @ForAll("texts") String tail) {
    // the bounce parser appends the SMTP stage: "<reply> (in reply to RCPT TO command)"
    String appended = raw.strip() + " " + tail;
    assertThat(joined(appended, raw, tail)).isEqualTo(NormalizerReference.normalize(appended));
  }

  @Example
  void appendedWordsAfterCodesAndContractions() {
    // leading and trailing white space that strip removes (U+001C, U+2028) or keeps (U+00A0, U+0000)
    for (String raw : List.of("", "  ", "550", "it can", "can", "won", "user\u2019", "caf\u00e9", "x\u0301",
        " 550 5.1.1 \n", "a@b", "\u0000", "n", "\u001c can \u2028", "\u00a0won\u00a0", "\ud83d\ude00 x\t",
        "x".repeat(TextNormalizer.MAX_INPUT_CHARS - 2))) {
      for (String tail : List.of("", " ", "'t", "not", "(in reply to RCPT TO command)", "\u0301x", "nnot", "xyz")) {
        String appended = raw.strip() + " " + tail;
        assertThat(joined(appended, raw, tail)).as(appended)
            .isEqualTo(NormalizerReference.normalize(appended));
      }
    }
  }

  @Example
  void aPhraseIsRejectedForAMissingWholeWordOnlyWhereItsWordIsWhole() {
    // the open ends of a part ("*ist", "unknown*") need not be whole words of the text; the others must
    TextRules r = TextRules.parse(List.of("@BLOCKED strong", "*ist user unknown*", "mail ~ rejected", "x y z",
        "*quota*", "a ~ b !! c"));
    for (String t : List.of("blacklist user unknownx", "ist user unknown", "user unknown", "blacklist userx unknown",
        "mail was rejected", "mailx rejected", "mail rejectedx", "x y z", "xx y z", "x y zz", "a x y z b", "overquotaexceeded",
        "a b", "a b c", "a\u0001 b", "")) {
      assertThat(r.matches(t)).as(t).isEqualTo(r.referenceMatches(t));
    }
  }

  @Example
  void everyAnchorKindFindsItsPhrase() {
    TextRules r = TextRules.parse(List.of("@BLOCKED strong",
        "user unknown", // pair
        "quarantine", // whole word
        "blacklist*", // prefix
        "*quotaexceeded", // suffix
        "*\u5b9b\u5148\u4e0d\u660e*", // a non-ASCII character, open on both sides
        "ip ~ rejected because*", // a pair in the second part, open at its end
        "*ab*")); // no anchor of three characters: always a candidate
    List<String> texts = new ArrayList<>(List.of("x user unknown y", "in quarantine", "ip blacklisted",
        "mapiexceptionquotaexceeded", "\u3053\u306e\u5b9b\u5148\u4e0d\u660e\u3067\u3059", "ip was rejected becausex",
        "crabs", "user  unknown", "userunknown", "quarantined", "xblacklist", "quotaexceededx", "\u5b9b\u5148",
        "ip rejected", ""));
    for (String t : texts) {
      assertThat(r.matches(t)).as(t).isEqualTo(r.referenceMatches(t));
    }
    assertThat(r.matches("x user unknown y")).extracting(TextMatch::phrase).containsExactly("user unknown");
    assertThat(r.matches("ip blacklisted")).extracting(TextMatch::phrase).containsExactly("blacklist*");
    assertThat(r.matches("mapiexceptionquotaexceeded")).extracting(TextMatch::phrase)
        .containsExactly("*quotaexceeded");
    assertThat(r.matches("ip was rejected becausex")).extracting(TextMatch::phrase).containsExactly("ip ~ rejected because*");
    assertThat(r.matches("crabs")).extracting(TextMatch::phrase).containsExactly("*ab*");
    assertThat(r.matches("user  unknown")).isEmpty();
  }

  @Example
  void repeatedWordsKeepTheTriesLimit() {
    // more occurrences of the first part than MAX_TRIES: the index must not change which one is found
    String text = TextNormalizer.normalize("mailbox ".repeat(40) + "x ".repeat(10) + "full mailbox full");
    assertThat(STD.matches(text)).isEqualTo(STD.referenceMatches(text));
  }

  @Example
  void wordsWhoseHashEqualsAKeysAreNoMatch() {
    // the index compares hashes only: "bB" and "aa" share String.hashCode (3104), as do "Aa" and "BB"
    assertThat("bB".hashCode()).isEqualTo("aa".hashCode());
    TextRules r = TextRules.parse(List.of("@BLOCKED strong", "aa", "aa x", "Aa ~ BB", "*xaa", "zaa*"));
    for (String t : List.of("bB", "bB x", "aa", "x bB", "aa bb", "Aa BB", "bB bB", "xbB", "zbB", "xaa", "zaaz",
        "aa x aa", "bB x aa")) {
      assertThat(r.matches(t)).as(t).isEqualTo(r.referenceMatches(t));
      assertThat(r.stages(t)).as(t).isEqualTo(r.referenceStages(t));
    }
    assertThat(r.matches("bB x")).isEmpty();
    assertThat(r.matches("aa x")).extracting(TextMatch::phrase).containsExactly("aa", "aa x");
  }

  /** {@link TextNormalizer#joined} of {@code appended}, which is {@code raw} stripped, a space and {@code tail}. */
  private static String joined(String appended, String raw, String tail) {
    return TextNormalizer.joined(appended, raw, TextNormalizer.normalize(raw), TextNormalizer.normalize(tail));
  }
}
