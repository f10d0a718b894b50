package io.maildiag.ndr.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns HTML into plain text: tags removed, block ends become line breaks, entities decoded. Linear. */
final class Html {
  private static final Pattern MULTI_SPACE = Pattern.compile(" {2,}");
  private Html() {}

  /** Whether text labelled plain is really an HTML document: it starts with a tag and names html or body early. */
  static boolean isHtmlDocument(String s) {
    String head = s.stripLeading();
    if (!head.startsWith("<")) {
      return false;
    }
    head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
    return head.startsWith("<html") || head.startsWith("<!doctype html") || head.contains("<body");
  }

  static String toText(String html) {
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
