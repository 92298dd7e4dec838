#include "domain/text.h"

namespace jinguo::domain {

std::optional<std::size_t> utf8_length(std::string_view s) {
  auto text = utf8_decode(s);
  if (!text) return std::nullopt;
  return text->size();
}

bool has_control_character(std::u32string_view text, bool line_breaks_allowed) {
  for (char32_t c : text) {
    if (line_breaks_allowed && (c == U'\t' || c == U'\n' || c == U'\r')) continue;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
  }
  return false;
}

std::string utf8_encode(std::u32string_view text) {
  std::string out;
  for (char32_t cp : text) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

std::optional<std::u32string> utf8_decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    char32_t cp;
    if (c == 0) return std::nullopt;
    if (c < 0x80) { len = 1; cp = c; }
    else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return std::nullopt;
    if (i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return std::nullopt;
    i += len;
    out.push_back(cp);
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_space_at = [&](std::size_t i, std::size_t& width) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { width = 1; return true; }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) { width = 3; return true; }
    return false;
  };
  std::size_t w = 0;
  while (!s.empty() && is_space_at(0, w)) s.remove_prefix(w);
  while (!s.empty()) {
    unsigned char last = static_cast<unsigned char>(s.back());
    if (last == ' ' || last == '\t' || last == '\r' || last == '\n') { s.remove_suffix(1); continue; }
    if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE3 &&
        static_cast<unsigned char>(s[s.size() - 2]) == 0x80 && last == 0x80) { s.remove_suffix(3); continue; }
    break;
  }
  return s;
}

}  // namespace jinguo::domain
