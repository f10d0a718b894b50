package io.maildiag.ndr.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Html} against the straightforward implementation it replaced, on HTML-like text. */
class HtmlEquivalenceTest {

  @Property(tries = 10000)
  void sameAsTheReference(@ForAll("htmlish") String s) {
    assertThat(Html.toText(s)).isEqualTo(refToText(s));
    assertThat(Html.isHtmlDocument(s)).isEqualTo(refIsHtmlDocument(s));
  }

  @Provide
  Arbitrary<String> htmlish() {
    Arbitrary<String> piece = Arbitraries.of("<", ">", "</", "<p>", "<BR/>", "<Div class=x>", "<td>", "<script>",
        "</SCRIPT>", "<style>", "</style >", "<head>", "</head>", "<title>", "</tItle>", "<!-- c -->", "<!--", "-->",
        "&amp;", "&lt;", "&#65;", "&#x41;", "&#xZZ;", "&#x1F600;", "&#128512;", "&#1114112;", "&#0;", "&NBSP;", "&nbsp;", "&unknown;", "&", ";", "&toolongentityname;", "&AMP;", "&Quot;", "&apoS;", "&nb\u017fp;", "&\u212at;", "&G\u0130;", "&#X41;",
        "\n", "\r\n", "\t", " ", "   ", "\u00a0", "\u2003", "text", "TEXT", "<html>", "<!DOCTYPE html>",
        "<body>", "<BODY>", "\u0130", "\u017f", "\u212a", "<scr\u0130pt>", "<\u017ftyle>", "</\u017fcript>",
        "<h\u0131>", "\ud83d\ude00", "<blockquote>", "<blockquotes>", "<p1>", "< p>", "</>", "<>",
        "\u000B", "\u001C", "\u2028", "\u3000", "&#10;", "&#13;", "&#32;", "&#x20;", "&#9;", "&#xA;", "a b", "  \n  ");
    return piece.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  // ---- the implementation Html replaced

  private static final Pattern MULTI_SPACE = Pattern.compile(" {2,}");

  /** Whether text labelled plain is really an HTML document: it starts with a tag and names html or body early. */
  static boolean refIsHtmlDocument(String s) {
    String head = s.stripLeading();
    if (!head.startsWith("<")) {
      return false;
    }
    head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
    return head.startsWith("<html") || head.startsWith("<!doctype html") || head.contains("<body");
  }

  static String refToText(String html) {
    StringBuilder out = new StringBuilder(html.length() / 2);
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i + 1);
        if (close < 0) {
          break;
        }
        String tag = tagName(html, i + 1, close);
        if (tag.equals("script") || tag.equals("style") || tag.equals("head") || tag.equals("title")) {
          int end = indexOfIgnoreCase(html, "</" + tag, close + 1);
          if (end < 0) {
            break;
          }
          int endClose = html.indexOf('>', end);
          i = endClose < 0 ? n : endClose + 1;
          continue;
        }
        if (tag.equals("!--")) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        if (isBlock(tag)) {
          out.append('\n');
        }
        i = close + 1;
        continue;
      }
      if (c == '&') {
        int semi = html.indexOf(';', i + 1);
        if (semi > 0 && semi - i <= 10) {
          String ent = html.substring(i + 1, semi);
          String rep = entity(ent);
          if (rep != null) {
            out.append(rep);
            i = semi + 1;
            continue;
          }
        }
      }
      if (c == '\n' || c == '\r' || c == '\t') {
        c = ' ';
      }
      out.append(c);
      i++;
    }
    // tidy: trim each line, drop runs of blank lines
    StringBuilder tidy = new StringBuilder(out.length());
    int blank = 0;
    for (String line : out.toString().split("\n", -1)) {
      String t = MULTI_SPACE.matcher(line.strip()).replaceAll(" ");
      if (t.isEmpty()) {
        if (++blank > 1) {
          continue;
        }
      } else {
        blank = 0;
      }
      tidy.append(t).append('\n');
    }
    return tidy.toString();
  }

  private static String tagName(String s, int from, int to) {
    int i = from;
    if (i < to && s.charAt(i) == '/') {
      i++;
    }
    if (s.startsWith("!--", i)) {
      return "!--";
    }
    int st = i;
    while (i < to && (Character.isLetterOrDigit(s.charAt(i)))) {
      i++;
    }
    return s.substring(st, i).toLowerCase(Locale.ROOT);
  }

  private static boolean isBlock(String tag) {
    switch (tag) {
      case "br": case "p": case "div": case "tr": case "li": case "h1": case "h2": case "h3": case "h4":
      case "table": case "tbody": case "pre": case "blockquote": case "hr": case "ul": case "ol": case "td":
        return true;
      default:
        return false;
    }
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    int n = s.length() - what.length();
    for (int i = Math.max(0, from); i <= n; i++) {
      if (s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String entity(String e) {
    switch (e.toLowerCase(Locale.ROOT)) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return "\"";
      case "apos": return "'";
      case "nbsp": return " ";
      default:
        break;
    }
    try {
      if (e.startsWith("#x") || e.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
      }
      if (e.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(e.substring(1))));
      }
    } catch (RuntimeException ex) {
      return null;
    }
    return null;
  }
}
