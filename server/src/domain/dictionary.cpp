#include "domain/dictionary.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain {

std::string_view dictionary_kind_code(DictionaryKind kind) {
  switch (kind) {
    case DictionaryKind::kRole: return "role";
    case DictionaryKind::kManner: return "manner";
    case DictionaryKind::kSource: return "source";
    case DictionaryKind::kEthnicity: return "ethnicity";
    case DictionaryKind::kPoliticalStatus: return "political_status";
    case DictionaryKind::kEducation: return "education";
  }
  return "";
}

std::optional<DictionaryKind> dictionary_kind_from_code(std::string_view code) {
  for (DictionaryKind k : kAllDictionaryKinds)
    if (dictionary_kind_code(k) == code) return k;
  return std::nullopt;
}

void validate_dictionary_code(std::string_view code) {
  bool ok = !code.empty() && code.size() <= 40 &&
            std::all_of(code.begin(), code.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            });
  if (!ok)
    throw invalid("code_format", "code", "代码只能由1–40个小写字母、数字或下划线组成",
                  "a code is 1-40 lower-case letters, digits or underscores");
}

void validate_dictionary_label(std::string_view field, std::string_view label, bool required) {
  auto n = utf8_length(label);
  if (!n) throw invalid("invalid_text", std::string(field), "内容含有无效字符", "text is not valid UTF-8");
  if (required && trim(label).empty())
    throw invalid("required", std::string(field), "请填写名称", "a label is required");
  if (*n > 100)
    throw invalid("too_long", std::string(field), "名称不能超过100个字", "label is longer than 100 characters");
}

void validate_body_types(const std::vector<std::string>& body_types) {
  for (const std::string& t : body_types)
    if (!body_type_from_code(t))
      throw invalid("unknown_body_type", "body_types", "未知的组织类型：" + t, "unknown body type: " + t);
}

bool role_allowed_in(const DictionaryEntry& role, BodyType type) {
  if (!role.active) return false;
  if (!role.body_types) return true;
  const auto& types = *role.body_types;
  return std::find(types.begin(), types.end(), body_type_code(type)) != types.end();
}

std::vector<std::string> roles_allowed_in(const std::vector<DictionaryEntry>& entries, BodyType type) {
  std::vector<const DictionaryEntry*> roles;
  for (const auto& e : entries)
    if (e.kind == DictionaryKind::kRole && role_allowed_in(e, type)) roles.push_back(&e);
  std::stable_sort(roles.begin(), roles.end(), [](auto* a, auto* b) { return a->sort_order < b->sort_order; });
  std::vector<std::string> out;
  for (const auto* e : roles) out.push_back(e->label);
  return out;
}

std::vector<std::string> split_codes(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    auto comma = joined.find(',');
    std::string_view part = trim(joined.substr(0, comma));
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    joined.remove_prefix(comma + 1);
  }
  return out;
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

}  // namespace jinguo::domain
