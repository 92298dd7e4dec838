#include "http/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace jinguo::http {

namespace {

// Bytes copied as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// The UTF-8 sequence starting at p (a byte >= 0x80): its length when well formed, or else
// the length of its longest well-formed prefix (at least one byte), which becomes one U+FFFD.
// Well formed as in Unicode's table 3-7, which is what nlohmann's decoder accepts.
struct Utf8Sequence {
  std::size_t length;
  bool valid;
};

Utf8Sequence utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = *p;
  std::size_t continuation = 0;
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuation = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuation = 2;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuation = 3;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return {1, false};
  }
  for (std::size_t i = 1; i <= continuation; ++i, low = 0x80, high = 0xBF)
    if (p + i == end || p[i] < low || p[i] > high) return {i, false};
  return {continuation + 1, true};
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

JsonWriter& JsonWriter::begin_object() { return open('{'); }
JsonWriter& JsonWriter::end_object() { return close('}'); }
JsonWriter& JsonWriter::begin_array() { return open('['); }
JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_.push_back(bracket);
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_.push_back(bracket);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  quoted(name);
  out_.push_back(':');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  quoted(text);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(bool b) { return raw_value(b ? "true" : "false"); }

JsonWriter& JsonWriter::value(std::nullptr_t) { return raw_value("null"); }

JsonWriter& JsonWriter::value(double d) {
  if (!std::isfinite(d)) return raw_value("null");
  char digits[32];
  auto end = std::to_chars(digits, digits + sizeof digits, d).ptr;
  return raw_value(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

template <class N>
JsonWriter& JsonWriter::number(N n) {
  char digits[24];  // 20 digits and a sign at the most
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  return raw_value(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

JsonWriter& JsonWriter::signed_number(std::int64_t n) { return number(n); }
JsonWriter& JsonWriter::unsigned_number(std::uint64_t n) { return number(n); }

JsonWriter& JsonWriter::dom(const nlohmann::json& value) {
  return raw_value(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

JsonWriter& JsonWriter::raw_value(std::string_view json) {
  separate();
  out_.append(json);
  need_comma_ = true;
  return *this;
}

// Escaped as nlohmann's dump does with ensure_ascii off: the two-character escapes, \u00xx
// (lower-case hex) for other control characters, everything else (including '/', DEL and
// well-formed UTF-8) as it is.
void JsonWriter::quoted(std::string_view text) {
  out_.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  const auto* run = p;  // start of the bytes not yet appended
  auto flush = [&] { out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run)); };
  while (p != end) {
    if (kPlain[*p]) {
      ++p;
      continue;
    }
    if (*p >= 0x80) {
      auto sequence = utf8_sequence(p, end);
      if (sequence.valid) {
        p += sequence.length;
        continue;
      }
      flush();
      out_.append(kReplacement);
      p += sequence.length;
      run = p;
      continue;
    }
    flush();
    switch (*p) {
      case '"': out_.append("\\\""); break;
      case '\\': out_.append("\\\\"); break;
      case '\b': out_.append("\\b"); break;
      case '\f': out_.append("\\f"); break;
      case '\n': out_.append("\\n"); break;
      case '\r': out_.append("\\r"); break;
      case '\t': out_.append("\\t"); break;
      default: {
        constexpr char kHex[] = "0123456789abcdef";
        const char escape[] = {'\\', 'u', '0', '0', kHex[*p >> 4], kHex[*p & 0xF]};
        out_.append(escape, sizeof escape);
      }
    }
    run = ++p;
  }
  flush();
  out_.push_back('"');
}

}  // namespace jinguo::http
