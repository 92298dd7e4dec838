#pragma once
// Walking UTF-8 text one code point at a time, for the import's normalisers.
#include <string_view>

namespace jinguo::domain::import {

// Calls f(code point, its bytes) for each code point; a byte that does not start a valid
// sequence is passed on alone as U+FFFD with that one byte, so nothing is lost.
template <class F>
void for_each_code_point(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool valid = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!valid) {
      f(U'\uFFFD', s.substr(i, 1));
      ++i;
      continue;
    }
    f(cp, s.substr(i, len));
    i += len;
  }
}

// White space of every kind a pasted cell brings: ASCII, NBSP, the U+2000 block,
// narrow and mathematical spaces, the ideographic space U+3000 and a stray BOM.
constexpr bool is_unicode_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

}  // namespace jinguo::domain::import
