#pragma once
// JSON answers written straight into one string: no DOM, no allocation per node. The text
// is what nlohmann::json's dump() would give for the same values (strings escaped the same
// way, invalid UTF-8 replaced by U+FFFD as with error_handler_t::replace), so clients see
// the same JSON; only the order of keys is the order they are written in.
//
//   JsonWriter w;
//   w.begin_object().field("id", 7).field("name", name).key("roles").array(roles, [&](const auto& r) {
//     w.value(r.code);
//   });
//   w.end_object();
//
// Commas go in by themselves; the caller keeps keys and values paired and brackets balanced.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <nlohmann/json_fwd.hpp>

namespace jinguo::http {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(256); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::nullptr_t);
  JsonWriter& value(double d);  // the shortest text that reads back the same; null when not finite
  template <std::integral N>
    requires(!std::same_as<N, bool> && !std::same_as<N, char>)
  JsonWriter& value(N n) {
    if constexpr (std::is_signed_v<N>)
      return signed_number(n);
    else
      return unsigned_number(n);
  }
  template <class T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : value(nullptr);
  }
  // A value a service hands over as a DOM (a rule set, an audit record's changes).
  JsonWriter& dom(const nlohmann::json& value);

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // An object whose fields `write_fields()` writes: how a detail shape adds its own fields
  // to those of the list shape (`object([&] { organisation_fields(w, row); w.field(...); })`).
  template <class F>
  JsonWriter& object(F&& write_fields) {
    begin_object();
    std::forward<F>(write_fields)();
    return end_object();
  }
  // An array of what `write_item(item)` writes for each item.
  template <class Range, class F>
  JsonWriter& array(const Range& items, F&& write_item) {
    begin_array();
    for (const auto& item : items) write_item(item);
    return end_array();
  }

  const std::string& text() const& { return out_; }
  std::string take() && { return std::move(out_); }

 private:
  void separate() {
    if (need_comma_) out_.push_back(',');
  }
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void quoted(std::string_view text);
  JsonWriter& signed_number(std::int64_t n);
  JsonWriter& unsigned_number(std::uint64_t n);
  template <class N>
  JsonWriter& number(N n);  // defined in json_writer.cpp, for the two above
  JsonWriter& raw_value(std::string_view json);

  std::string out_;
  bool need_comma_ = false;  // something was written at this level: the next key or value needs a comma
};

// The JSON text `write(writer, args...)` writes: json_of(dto::roster, roster).
template <class... Params, class... Args>
JsonWriter json_of(void (*write)(JsonWriter&, Params...), Args&&... args) {
  JsonWriter w;
  write(w, std::forward<Args>(args)...);
  return w;
}

}  // namespace jinguo::http
