package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The summary's paragraph breaks and rule lines, read by hand, are those its patterns find. */
class EngineSummaryTest {
  /** Pieces around breaks and rules: white space of each kind, rule chars, the chars {@code .} stops at. */
  private static final String[] PIECES = {
      "\n", "\n\n", " ", "\t", "\r", "\u000b", "\f", "\u0085", "\u2028", "\u2029", "\u00a0", "-", "=", "*", "_",
      "#", "~", "+", "|", "---", "====", "-=*_", "text", "550 5.1.1 user unknown", "Hello", "this is the",
      "Sorry", ":", "heading:", "a", "\ud83d\ude00", "\u0301", ".", "For further assistance", "x", "Subject: y",
      "to: z", "was scanned by AV", "THIS MESSAGE", "this report relates", "hi!", "HI", "i'm sorry", "Dear",
      "regards", "From: a", "CC:", "message-id: <m>", "DATE:", "It's attached", "you can delete",
      "created automatically", "DO NOT REPLY", "\u0130", "\u212a"};

  @Test
  void breaksAsThePattern() {
    Random random = new Random(41);
    for (int i = 0; i < 20_000; i++) {
      String s = EngineGatesTest.noise(random, PIECES, random.nextInt(14));
      Matcher m = Engine.Spec.PARAGRAPH_BREAK.matcher(s);
      int from = 0;
      while (true) {
        boolean found = m.find();
        int at = s.indexOf('\n', from);
        int end = -1;
        while (at >= 0 && (end = Engine.paragraphBreakEnd(s, at)) < 0) {
          at = s.indexOf('\n', at + 1);
        }
        assertThat(at >= 0).as(s).isEqualTo(found);
        if (!found) {
          break;
        }
        assertThat(at).as(s).isEqualTo(m.start());
        assertThat(end).as(s).isEqualTo(m.end());
        from = end;
      }
    }
  }

  @Test
  void rulesAsThePatterns() {
    Random random = new Random(43);
    for (int i = 0; i < 50_000; i++) {
      String t = EngineGatesTest.noise(random, PIECES, random.nextInt(8));
      assertThat(Engine.ruleStart(t)).as(t).isEqualTo(Engine.Spec.RULE_START.matcher(t).matches());
      assertThat(Engine.ruleEnd(t)).as(t).isEqualTo(Engine.Spec.RULE_END.matcher(t).matches());
    }
  }

  @Test
  void returnedHeaderLinesAsByRegionMatches() {
    String[] pieces = {"subject:", "SUBJECT:", "\u017fubject:", "to:", "To", "from:", "date:", "cc:", "Cc:",
        "message-id:", "MESSAGE-\u0131D:", "x", " ", ":", "\u212a", "m", "s"};
    Random random = new Random(53);
    for (int i = 0; i < 20_000; i++) {
      String t = EngineGatesTest.noise(random, pieces, random.nextInt(4));
      boolean plain = false;
      for (String f : Engine.RETURNED_HEADER_FIELDS) {
        plain |= t.regionMatches(true, 0, f, 0, f.length());
      }
      assertThat(Engine.returnedHeaderLine(t)).as(t).isEqualTo(plain);
    }
  }

  @Test
  void summaryAsWithThePatterns() {
    Random random = new Random(47);
    for (int i = 0; i < 20_000; i++) {
      String region = EngineGatesTest.noise(random, PIECES, random.nextInt(30));
      assertThat(Engine.summary(region)).as(region).isEqualTo(plainSummary(region));
    }
  }

  /** The summary's paragraphs as the pattern splits them and its rule lines as the patterns match them. */
  private static String plainSummary(String region) {
    region = Engine.withoutScannerFooters(region);
    StringBuilder sb = new StringBuilder();
    String firstBoilerplate = null;
    for (String para : Engine.Spec.PARAGRAPH_BREAK.split(region)) {
      String p = para.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (Engine.boilerplateParagraph(p)) {
        firstBoilerplate = firstBoilerplate == null ? p : firstBoilerplate;
        continue;
      }
      for (String l : p.split("\n")) {
        String t = l.strip();
        if (t.isEmpty() || BOILERPLATE.matcher(t).find() || Engine.Spec.RULE_START.matcher(t).matches()
            || Engine.Spec.RULE_END.matcher(t).matches() || RETURNED_HEADER.matcher(t).lookingAt()) {
          continue;
        }
        if (t.endsWith(":") && t.length() < 80 && p.indexOf('\n') < 0) {
          continue;
        }
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
      if (sb.length() > 400) {
        break;
      }
    }
    if (sb.length() == 0 && firstBoilerplate != null) {
      return Smtp.clean(firstBoilerplate.replace('\n', ' '));
    }
    if (sb.length() == 0) {
      for (String l : region.split("\n")) {
        String t = l.strip();
        if (!t.isEmpty() && !RULE_ONLY.matcher(t).matches()) {
          sb.append(sb.length() > 0 ? " " : "").append(t);
        }
        if (sb.length() > 400) {
          break;
        }
      }
    }
    return Smtp.clean(sb.toString());
  }

  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)^(this (message|is an automatically generated|is the|report relates)|hi[.!,]?|hello|dear|"
          + "i'm sorry|i am sorry|sorry|please|for further|if you|thank|regards|the mail system|"
          + "this message was created|a message that you sent|it's attached|you can delete)");
  private static final Pattern RETURNED_HEADER = Pattern.compile("(?i)(subject|to|from|date|cc|message-id):");
  private static final Pattern RULE_ONLY = Pattern.compile("[-=*_#~+|\\s]+");
}
