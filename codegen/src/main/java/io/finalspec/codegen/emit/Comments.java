package io.finalspec.codegen.emit;

/**
 * Makes spec text safe to quote inside a Java comment. javac decodes unicode escapes
 * ({@code \u005cu000a}) everywhere, comments included, and {@code *}{@code /} ends a block comment:
 * so a run of backslashes before {@code u} is doubled (an even run never starts a unicode escape),
 * {@code *}{@code /}
 * is broken up, and line breaks and control characters become spaces. JavaPoet has no placeholder
 * for comment text, so this is the one place spec text reaches generated code other than through
 * {@code $S}; it is passed with {@code $L} only after this sanitizing.
 */
final class Comments {
  private Comments() {}

  static String safe(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        int j = i;
        while (j < text.length() && text.charAt(j) == '\\') {
          j++;
        }
        int run = j - i;
        boolean escapeStart = j < text.length() && text.charAt(j) == 'u';
        sb.append("\\".repeat(escapeStart ? 2 * run : run));
        i = j - 1;
      } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        sb.append("* ");
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        sb.append("/ ");
      } else if (c == '$') {
        sb.append('$');
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
        sb.append(' ');
      } else if (c > 0x7e) {
        sb.append('?');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
