#pragma once
// Small helpers for user-entered text (UTF-8).
#include <optional>
#include <string>
#include <string_view>

namespace jinguo::domain {

// Code points in a valid UTF-8 string; nullopt if the bytes are not valid UTF-8
// (overlongs, surrogates and values past U+10FFFF are invalid). NUL is refused too.
std::optional<std::size_t> utf8_length(std::string_view s);

// The code points of a valid UTF-8 string (the same validity as utf8_length), and back.
std::optional<std::u32string> utf8_decode(std::string_view s);
std::string utf8_encode(std::u32string_view text);

// Whether the text holds a control character (U+0000–U+001F, U+007F–U+009F: a bell, an escape
// copied from another system); with `line_breaks_allowed`, tab, LF and CR are not counted.
bool has_control_character(std::u32string_view text, bool line_breaks_allowed);

// Removes ASCII white space and U+3000 at both ends.
std::string_view trim(std::string_view s);

}  // namespace jinguo::domain
