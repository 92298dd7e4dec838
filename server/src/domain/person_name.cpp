// The characters of a person's name (normalise_person_name in person.h).
#include <string>

#include "domain/error.h"
#include "domain/person.h"
#include "domain/text.h"

namespace jinguo::domain {

namespace {

constexpr char32_t kMiddleDot = U'\u00B7';

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF)      // Extension A
         || (c >= 0x4E00 && c <= 0x9FFF)   // the unified ideographs
         || (c >= 0xF900 && c <= 0xFAFF)   // compatibility ideographs
         || (c >= 0x20000 && c <= 0x2FA1F)  // Extensions B–F, compatibility supplement (𠮷)
         || (c >= 0x30000 && c <= 0x323AF)  // Extensions G, H
         || c == 0x3007;                     // 〇
}

bool is_latin(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)  // Latin-1 letters, Extended-A and -B
         || (c >= 0x1E00 && c <= 0x1EFF);                       // Latin Extended Additional
}

bool is_combining_mark(char32_t c) { return c >= 0x300 && c <= 0x36F; }

bool is_dot_lookalike(char32_t c) {
  return c == kMiddleDot || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x22C5 || c == 0xFF0E ||
         c == 0x30FB || c == 0xFF65;
}

bool is_space(char32_t c) { return c == ' ' || c == 0x3000 || c == 0xA0; }

DomainError bad_characters(const std::string& field) {
  return invalid("name_characters", field, "姓名只能包含汉字、字母和间隔号“·”",
                 "a name has Han characters, letters and the middle dot only");
}

}  // namespace

std::string normalise_person_name(std::string_view raw, const std::string& field) {
  auto decoded = utf8_decode(raw);
  if (!decoded) throw invalid("invalid_text", field, "姓名含有无效字符", "the name is not valid UTF-8");
  // Characters first: a dot look-alike becomes the dot, full-width Latin becomes ASCII.
  std::u32string text;
  for (char32_t c : *decoded) {
    if (c >= 0xFF21 && c <= 0xFF3A) c = c - 0xFF21 + 'A';
    if (c >= 0xFF41 && c <= 0xFF5A) c = c - 0xFF41 + 'a';
    if (is_dot_lookalike(c)) c = kMiddleDot;
    if (is_space(c)) c = ' ';
    if (!(is_han(c) || is_latin(c) || c == kMiddleDot || c == ' ' || (is_combining_mark(c) && !text.empty())))
      throw bad_characters(field);
    text.push_back(c);
  }
  // Spaces: only one, and only between two Latin letters.
  std::u32string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ') {
      out.push_back(text[i]);
      continue;
    }
    std::size_t next = i;
    while (next < text.size() && text[next] == ' ') ++next;
    bool latin_before = !out.empty() && (is_latin(out.back()) || is_combining_mark(out.back()));
    bool latin_after = next < text.size() && is_latin(text[next]);
    if (latin_before && latin_after) out.push_back(' ');
    i = next - 1;
  }
  if (out.empty()) throw invalid("required", field, "请填写姓名", "a name is required");
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == kMiddleDot && (i == 0 || i + 1 == out.size() || out[i + 1] == kMiddleDot))
      throw invalid("name_characters", field, "间隔号“·”只能写在名字的两部分之间",
                    "the middle dot stands between two parts of a name");
  if (out.size() > 50) throw invalid("too_long", field, "姓名不能超过50个字", "the name is longer than 50 characters");
  return utf8_encode(out);
}

}  // namespace jinguo::domain
